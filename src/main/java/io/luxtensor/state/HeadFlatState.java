package io.luxtensor.state;

import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The flat state of the node's head, asked for the state of one root: it answers while it holds that root's state and
 * is empty otherwise (an older root, or a new head being committed), so a reader that races a new head falls back to
 * the trie rather than read the next block's state.
 */
public interface HeadFlatState {
  /** For nodes without a flat state: every read goes through the trie. */
  HeadFlatState NONE = new HeadFlatState() {
    @Override
    public Optional<Account> account(Hash root, Address address) {
      return Optional.empty();
    }

    @Override
    public Optional<BigInteger> storage(Hash root, Address address, Hash slot) {
      return Optional.empty();
    }
  };

  /** {@code address}'s account in the state of {@code root}, if the flat state holds that root's state. */
  Optional<Account> account(Hash root, Address address);

  /** The word at {@code slot} of {@code address} in the state of {@code root}, if the flat state holds it. */
  Optional<BigInteger> storage(Hash root, Address address, Hash slot);
}
