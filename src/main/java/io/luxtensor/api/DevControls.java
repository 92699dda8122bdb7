package io.luxtensor.api;

import io.luxtensor.chain.StoredBlock;

/** What the dev-only helpers may do to a dev chain: seal a block now, move its clock forward. */
public interface DevControls {

  /** Seals a block now, empty or not, and returns it. */
  StoredBlock mine();

  /** Moves the chain's clock {@code seconds} ahead; returns the total offset in seconds. */
  long increaseTime(long seconds);
}
