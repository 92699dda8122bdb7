package io.luxtensor.consensus;

import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.testing.TestData;
import io.luxtensor.types.Address;
import io.luxtensor.types.StakingRecord;
import io.luxtensor.types.StakingRecord.Status;
import io.luxtensor.types.Wei;

/** Seeded staking records, each of a fresh validator, for the tests of rotation, slashing and inactivity. */
final class StakingRecords {
  private final TestData data;

  StakingRecords(long seed) {
    this.data = new TestData(seed);
  }

  /** Registered with {@code lux} LUX, waiting for rotation. */
  StakingRecord pending(int registration, String lux) {
    PrivateKey key = data.key();
    return new StakingRecord(Address.of(key.publicKey()), Wei.ofLux(lux),
        ValidatorKeys.derivedFrom(key).vrfPublicKey(), registration, Status.PENDING, 0, 0);
  }

  /** Active since epoch 0 with {@code lux} LUX. */
  StakingRecord active(int registration, String lux) {
    return pending(registration, lux).withStatus(Status.ACTIVE, 0, 0);
  }
}
