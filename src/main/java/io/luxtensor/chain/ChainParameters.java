package io.luxtensor.chain;

import io.luxtensor.consensus.StakingParameters;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The rules of one chain, fixed at genesis.
 *
 * @param chainId EIP-155 chain id
 * @param genesisTimeMillis wall-clock time of slot 0
 * @param slotMillis length of a slot
 * @param slotsPerEpoch slots per epoch (proposer schedules and RANDAO seeds are per epoch)
 * @param minBaseFeePerGas floor of the EIP-1559 base fee (0 gives Ethereum's rule)
 * @param staking rotation, slashing, rewards and inactivity, on chains whose validators stake in the staking contract
 */
public record ChainParameters(long chainId, long genesisTimeMillis, long slotMillis, int slotsPerEpoch,
    BigInteger minBaseFeePerGas, StakingParameters staking) {
  /** Ethereum's bound: the gas limit moves by less than 1/1024 of the parent's per block. */
  public static final long GAS_LIMIT_BOUND_DIVISOR = 1024;
  /** The smallest gas limit a block may have. */
  public static final long GAS_LIMIT_MIN = 5_000;

  /** A chain with the default staking rules. */
  public ChainParameters(long chainId, long genesisTimeMillis, long slotMillis, int slotsPerEpoch,
      BigInteger minBaseFeePerGas) {
    this(chainId, genesisTimeMillis, slotMillis, slotsPerEpoch, minBaseFeePerGas, StakingParameters.DEFAULT);
  }

  public ChainParameters {
    Objects.requireNonNull(minBaseFeePerGas, "minBaseFeePerGas");
    Objects.requireNonNull(staking, "staking");
    if (chainId <= 0) {
      throw new IllegalArgumentException("chainId must be positive, got " + chainId);
    }
    if (slotMillis <= 0) {
      throw new IllegalArgumentException("slotMillis must be positive, got " + slotMillis);
    }
    if (slotsPerEpoch <= 0) {
      throw new IllegalArgumentException("slotsPerEpoch must be positive, got " + slotsPerEpoch);
    }
  }

  public long epochOf(long slot) {
    return slot / slotsPerEpoch;
  }

  /** When {@code slot} starts, in milliseconds since the Unix epoch. */
  public long slotStartMillis(long slot) {
    return Math.addExact(genesisTimeMillis, Math.multiplyExact(slot, slotMillis));
  }

  /** The slot in progress at {@code timeMillis} (0 before genesis). */
  public long slotAt(long timeMillis) {
    return timeMillis <= genesisTimeMillis ? 0 : (timeMillis - genesisTimeMillis) / slotMillis;
  }

  /** The header timestamp of a block in {@code slot}: its start, in whole seconds as Ethereum's timestamps are. */
  public long timestampOf(long slot) {
    return slotStartMillis(slot) / 1000;
  }
}
