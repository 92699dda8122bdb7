package io.luxtensor.consensus;

import io.luxtensor.crypto.Keccak256;
import io.luxtensor.types.Hash;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * Who proposes each slot: a stake-weighted draw seeded by the epoch's RANDAO mix and the slot number, so anyone with
 * the mix computes the same schedule, and a validator with twice the stake is drawn twice as often.
 */
public final class ProposerSchedule {
  private ProposerSchedule() {}

  public static Validator proposer(ValidatorSet validators, Hash epochSeed, long slot) {
    byte[] input = ByteBuffer.allocate(Hash.LENGTH + Long.BYTES).put(epochSeed.toBytes()).putLong(slot).array();
    BigInteger ticket = new BigInteger(1, Keccak256.hash(input)).mod(validators.totalStake());
    BigInteger cumulative = BigInteger.ZERO;
    for (Validator validator : validators.validators()) {
      cumulative = cumulative.add(validator.stake().value());
      if (ticket.compareTo(cumulative) < 0) {
        return validator;
      }
    }
    throw new IllegalStateException("ticket " + ticket + " beyond total stake " + validators.totalStake());
  }
}
