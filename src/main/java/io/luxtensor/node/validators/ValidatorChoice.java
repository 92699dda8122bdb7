package io.luxtensor.node.validators;

import io.luxtensor.node.validators.ValidatorKeyStoreException.Reason;
import io.luxtensor.types.Address;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Which stored key a node signs with while it runs one validator per chain (the chain service takes one validator's
 * keys until the peer-to-peer release lets validators on several nodes, or several in one node, share a chain).
 */
public final class ValidatorChoice {
  /** Addresses a message lists before it says how many more there are: a line stays readable. */
  static final int ADDRESSES_SHOWN_MAX = 3;

  private ValidatorChoice() {}

  /**
   * The only key in {@code held}; or, if there are several, the only one of them that {@code genesisValidators}
   * names.
   *
   * @param held the keys in the store, by address
   * @param genesisValidators the addresses of the chain's genesis validators
   * @param store where the keys are, for messages
   * @throws ValidatorKeyStoreException ({@link Reason#NO_SINGLE_VALIDATOR}) if there is no key, or several and not
   *     exactly one of them is a genesis validator
   */
  public static StoredValidator forChain(List<StoredValidator> held, Collection<Address> genesisValidators,
      Path store) {
    if (held.isEmpty()) {
      throw new ValidatorKeyStoreException(Reason.NO_SINGLE_VALIDATOR, "no validator key: " + store + " holds none "
          + "and validator.keystore is not set; import one with luxtensor validator import, or set "
          + "validator.keystore in the config");
    }
    if (held.size() == 1) {
      return held.get(0);
    }
    List<StoredValidator> inGenesis = held.stream().filter(key -> genesisValidators.contains(key.address()))
        .toList();
    if (inGenesis.size() == 1) {
      return inGenesis.get(0);
    }
    String which = inGenesis.isEmpty() ? "none of them is" : inGenesis.size() + " of them are ("
        + shown(inGenesis) + ")";
    throw new ValidatorKeyStoreException(Reason.NO_SINGLE_VALIDATOR, store + " holds " + held.size()
        + " validator keys and " + which + " a validator in the genesis: this release runs one validator per "
        + "chain until the peer-to-peer release; keep one genesis validator's key there, or set validator.keystore");
  }

  private static String shown(List<StoredValidator> keys) {
    String first = String.join(", ", keys.stream().limit(ADDRESSES_SHOWN_MAX)
        .map(key -> key.address().toChecksumHex()).toList());
    return keys.size() > ADDRESSES_SHOWN_MAX ? first + " and " + (keys.size() - ADDRESSES_SHOWN_MAX) + " more"
        : first;
  }
}
