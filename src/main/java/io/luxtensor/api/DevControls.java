package io.luxtensor.api;

import io.luxtensor.chain.StoredBlock;

/** What the dev-only helpers may do to a dev chain: seal a block now, move its clock forward. */
public interface DevControls {

  /** Seals a block now, empty or not, unless the validator's slashing protection refuses to sign. */
  Mined mine();

  /** What {@link #mine()} did. */
  sealed interface Mined {
    record Sealed(StoredBlock block) implements Mined {}

    /** Nothing was sealed; {@code reason} says why, for the caller to show. */
    record Refused(String reason) implements Mined {}
  }

  /** Moves the chain's clock {@code seconds} ahead; returns the total offset in seconds. */
  long increaseTime(long seconds);
}
