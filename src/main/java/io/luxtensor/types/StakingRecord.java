package io.luxtensor.types;

import io.luxtensor.bytes.Bytes;
import java.util.Objects;

/**
 * A validator as the staking contract records it: its stake, its VRF key, where it stands in its life from
 * registration to withdrawal, and the epochs rotation scheduled for it.
 *
 * @param address the validator's signing account, which registered and owns the stake
 * @param stake the stake it holds in the contract
 * @param vrfPublicKey its compressed ECVRF-P256 public key (33 bytes)
 * @param registration the order of registration, first 0: earlier wins ties of stake
 * @param status where it stands
 * @param activationEpoch the first epoch it is active in, once rotation scheduled it (0 before)
 * @param exitEpoch the first epoch it is no longer active in, once rotation scheduled its exit (0 before)
 * @param slashed whether evidence of an offence cost it stake (once: a slashed validator is already leaving)
 * @param lastVoteEpoch the latest epoch a vote of its, for a slot of that epoch, was carried in a block of the chain
 *     (0 until then: the genesis validators count as present in epoch 0, later ones from their activation epoch)
 * @param weight the stake it weighs with in the current epoch (proposer sampling, votes, rewards): its stake at the
 *     start of the epoch before, so that an epoch's proposer schedule is fixed one epoch ahead, together with the
 *     RANDAO seed it is drawn with, and stake added within an epoch cannot steer who proposes in it
 * @param nextWeight the stake it will weigh with in the next epoch: its stake at the start of this one
 */
public record StakingRecord(Address address, Wei stake, Bytes vrfPublicKey, long registration, Status status,
    long activationEpoch, long exitEpoch, boolean slashed, long lastVoteEpoch, Wei weight, Wei nextWeight) {

  /** A validator's life: registered, scheduled and active, asked to leave, leaving, gone, paid out. */
  public enum Status {
    /** Registered with enough stake, waiting for rotation to schedule its activation. */
    PENDING,
    /** Scheduled: active from {@code activationEpoch} on. */
    ACTIVE,
    /** Active, and asked to leave: waiting for rotation to schedule its exit. */
    EXIT_REQUESTED,
    /** Active until {@code exitEpoch}, then its stake waits out the withdrawal delay. */
    EXITING,
    /** Gone from the active set and past the withdrawal delay: {@code withdraw()} pays the stake back. */
    WITHDRAWABLE,
    /** Its stake has been withdrawn; the record stays, so the address cannot register again. */
    WITHDRAWN
  }

  /** A record that was never slashed, none of whose votes the chain carried yet, weighing its stake. */
  public StakingRecord(Address address, Wei stake, Bytes vrfPublicKey, long registration, Status status,
      long activationEpoch, long exitEpoch) {
    this(address, stake, vrfPublicKey, registration, status, activationEpoch, exitEpoch, false, 0, stake, stake);
  }

  public StakingRecord {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(stake, "stake");
    Objects.requireNonNull(vrfPublicKey, "vrfPublicKey");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(weight, "weight");
    Objects.requireNonNull(nextWeight, "nextWeight");
    if (lastVoteEpoch < 0) {
      throw new IllegalArgumentException("lastVoteEpoch must not be negative, got " + lastVoteEpoch);
    }
  }

  /**
   * Whether it votes and may propose in {@code epoch} — or did, for an epoch past, until its stake is withdrawn (so
   * that evidence of an offence in its last epochs still finds it).
   */
  public boolean isActiveAt(long epoch) {
    return switch (status) {
      case ACTIVE, EXIT_REQUESTED -> activationEpoch <= epoch;
      case EXITING, WITHDRAWABLE -> activationEpoch <= epoch && epoch < exitEpoch;
      case PENDING, WITHDRAWN -> false;
    };
  }

  public StakingRecord withStatus(Status newStatus, long newActivationEpoch, long newExitEpoch) {
    return new StakingRecord(address, stake, vrfPublicKey, registration, newStatus, newActivationEpoch, newExitEpoch,
        slashed, lastVoteEpoch, weight, nextWeight);
  }

  public StakingRecord withStake(Wei newStake) {
    return new StakingRecord(address, newStake, vrfPublicKey, registration, status, activationEpoch, exitEpoch,
        slashed, lastVoteEpoch, weight, nextWeight);
  }

  /** The record after a slash: {@code remaining} stake, and out of the active set from {@code exitBy} at the latest. */
  public StakingRecord slashed(Wei remaining, long exitBy) {
    long exit = status == Status.EXITING && exitEpoch <= exitBy ? exitEpoch : exitBy;
    Status next = switch (status) {
      case PENDING, WITHDRAWABLE, WITHDRAWN -> status;
      case ACTIVE, EXIT_REQUESTED, EXITING -> Status.EXITING;
    };
    return new StakingRecord(address, remaining, vrfPublicKey, registration, next, activationEpoch,
        next == Status.EXITING ? exit : exitEpoch, true, lastVoteEpoch, weight, nextWeight);
  }

  /** The record after a slash that leaves it in its seat: {@code remaining} stake, nothing else changed. */
  public StakingRecord slashedKeepingSeat(Wei remaining) {
    return new StakingRecord(address, remaining, vrfPublicKey, registration, status, activationEpoch, exitEpoch, true,
        lastVoteEpoch, weight, nextWeight);
  }

  /**
   * The last epoch it was present in: that of its latest vote the chain carried, or its activation if later (a
   * validator cannot be absent before it is active).
   */
  public long lastPresentEpoch() {
    return Math.max(lastVoteEpoch, activationEpoch);
  }

  public StakingRecord withLastVoteEpoch(long epoch) {
    return new StakingRecord(address, stake, vrfPublicKey, registration, status, activationEpoch, exitEpoch, slashed,
        epoch, weight, nextWeight);
  }

  /** At an epoch boundary: it weighs now what it was to weigh, and next epoch the stake it has now. */
  public StakingRecord atEpochBoundary() {
    return new StakingRecord(address, stake, vrfPublicKey, registration, status, activationEpoch, exitEpoch, slashed,
        lastVoteEpoch, nextWeight, stake);
  }
}
