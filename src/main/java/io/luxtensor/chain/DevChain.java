package io.luxtensor.chain;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.consensus.Validator;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.crypto.Bip44;
import io.luxtensor.crypto.DerivationPath;
import io.luxtensor.crypto.ExtendedPrivateKey;
import io.luxtensor.crypto.Mnemonic;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.types.Address;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The development chain of {@code luxtensor dev}: Hardhat's and anvil's well-known mnemonic funds the first accounts
 * (m/44'/60'/0'/0/i), so every tutorial's keys work, and one validator (m/44'/60'/1'/0/0 of the same mnemonic, VRF key
 * derived from it) proposes every slot and finalizes with its own votes.
 */
public final class DevChain {
  public static final String MNEMONIC = "test test test test test test test test test test test junk";
  public static final long CHAIN_ID = 31337;
  public static final int ACCOUNTS_DEFAULT = 10;
  public static final Wei BALANCE_DEFAULT = Wei.ofLux("10000");
  public static final long GAS_LIMIT = 30_000_000;
  /** A transfer's gas: a block must hold at least one transaction. */
  public static final long GAS_LIMIT_MIN = 21_000;
  /** Every eth_call and gas estimate may run with a block's gas: a billion is far beyond what a dev test needs. */
  public static final long GAS_LIMIT_MAX = 1_000_000_000;
  /** 1 gwei, Hardhat's initial base fee. */
  public static final BigInteger INITIAL_BASE_FEE = BigInteger.valueOf(1_000_000_000L);
  public static final Wei VALIDATOR_STAKE = Wei.ofLux("32");
  /**
   * With instant sealing (block time 0) a slot is a millisecond: each block takes the slot of the moment it is sealed,
   * so slots never run ahead of the clock however fast transactions arrive.
   */
  public static final long INSTANT_SLOT_MILLIS = 1;
  static final String VALIDATOR_PATH = "m/44'/60'/1'/0/0";

  /**
   * The settings of a dev chain.
   *
   * @param chainId EIP-155 chain id
   * @param accounts how many accounts of the mnemonic to fund
   * @param balance each one's balance
   * @param blockTimeMillis 0 to seal when transactions are pending, else the slot length
   * @param genesisTimeSeconds the genesis timestamp
   * @param gasLimit every block's gas limit, from {@link #GAS_LIMIT_MIN} to {@link #GAS_LIMIT_MAX}
   */
  public record Settings(long chainId, int accounts, Wei balance, long blockTimeMillis, long genesisTimeSeconds,
      long gasLimit) {
    /** Settings with the default gas limit, {@link #GAS_LIMIT}. */
    public Settings(long chainId, int accounts, Wei balance, long blockTimeMillis, long genesisTimeSeconds) {
      this(chainId, accounts, balance, blockTimeMillis, genesisTimeSeconds, GAS_LIMIT);
    }

    public Settings {
      if (gasLimit < GAS_LIMIT_MIN || gasLimit > GAS_LIMIT_MAX) {
        throw new IllegalArgumentException(
            "gas limit must be in [" + GAS_LIMIT_MIN + ", " + GAS_LIMIT_MAX + "], got " + gasLimit);
      }
      if (accounts < 0 || accounts > 1000) {
        throw new IllegalArgumentException("accounts must be in [0, 1000], got " + accounts);
      }
      if (blockTimeMillis < 0) {
        throw new IllegalArgumentException("block time must not be negative, got " + blockTimeMillis);
      }
    }
  }

  /** A funded dev account. */
  public record DevAccount(Address address, PrivateKey key) {}

  private DevChain() {}

  public static List<DevAccount> accounts(int count) {
    byte[] seed = Mnemonic.parse(MNEMONIC).toSeed("");
    List<DevAccount> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      PrivateKey key = Bip44.ethereumKey(seed, i);
      out.add(new DevAccount(Address.of(key.publicKey()), key));
    }
    return out;
  }

  public static ValidatorKeys validatorKeys() {
    byte[] seed = Mnemonic.parse(MNEMONIC).toSeed("");
    PrivateKey key = ExtendedPrivateKey.fromSeed(seed).derive(DerivationPath.parse(VALIDATOR_PATH)).privateKey();
    return ValidatorKeys.derivedFrom(key);
  }

  public static GenesisSpec genesis(Settings settings) {
    ValidatorKeys validator = validatorKeys();
    return genesis(settings, List.of(new Validator(validator.address(), VALIDATOR_STAKE, validator.vrfPublicKey())));
  }

  /** The dev chain's genesis with {@code validators} instead of the dev validator: a local testnet's. */
  public static GenesisSpec genesis(Settings settings, List<Validator> validators) {
    SortedMap<Address, GenesisSpec.GenesisAccount> alloc = new TreeMap<>();
    for (DevAccount account : accounts(settings.accounts())) {
      alloc.put(account.address(), new GenesisSpec.GenesisAccount(settings.balance(), 0, new TreeMap<>()));
    }
    long slotMillis = settings.blockTimeMillis() == 0 ? INSTANT_SLOT_MILLIS : settings.blockTimeMillis();
    ChainParameters parameters = new ChainParameters(settings.chainId(),
        Math.multiplyExact(settings.genesisTimeSeconds(), 1000), slotMillis, GenesisSpec.DEFAULT_SLOTS_PER_EPOCH,
        BigInteger.ZERO);
    return new GenesisSpec(parameters, settings.gasLimit(), INITIAL_BASE_FEE, Bytes.EMPTY, alloc, validators);
  }
}
