package io.luxtensor.node;

import io.luxtensor.consensus.SlashingProtection;
import io.luxtensor.types.Address;

/** The node's validator would have signed something slashable, and did not: nothing was sealed. */
public final class SigningRefusedException extends RuntimeException {
  private final SlashingProtection.Refusal refusal;

  public SigningRefusedException(Address validator, long slot, SlashingProtection.Refusal refusal) {
    super("slashing protection: validator " + validator.toChecksumHex() + " will not sign slot " + slot + ": "
        + refusal.message());
    this.refusal = refusal;
  }

  public SlashingProtection.Refusal refusal() {
    return refusal;
  }
}
