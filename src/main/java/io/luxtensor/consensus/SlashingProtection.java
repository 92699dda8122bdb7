package io.luxtensor.consensus;

import java.util.Optional;

/**
 * What a validator has signed, reduced to EIP-3076's watermarks, and the rule that keeps it from signing anything
 * slashable: a block only for a slot after every block it signed, a vote only with a source no older and a target
 * newer than every vote it signed. Strictly rising targets rule out double votes; a source never below the highest
 * source and a target above the highest target rule out surrounding and being surrounded.
 *
 * <p>A node writes the new watermarks durably before it lets a signature out (see {@code ChainService}), so a crash
 * between the two can only make it refuse a slot it could have signed, never sign one twice.
 *
 * @param lastBlockSlot the highest slot of a block signed, -1 if none
 * @param lastVoteSource the highest source slot of a vote signed, -1 if none
 * @param lastVoteTarget the highest target slot of a vote signed, -1 if none
 */
public record SlashingProtection(long lastBlockSlot, long lastVoteSource, long lastVoteTarget) {
  public static final SlashingProtection NOTHING_SIGNED = new SlashingProtection(-1, -1, -1);

  /** Why a signature is refused. */
  public enum Refusal {
    BLOCK_SLOT_ALREADY_SIGNED("a block was signed for this slot or a later one"),
    VOTE_SOURCE_AFTER_TARGET("a vote's source is after its target"),
    VOTE_SOURCE_BEFORE_LAST("a vote with a later source was signed: this one could surround it"),
    VOTE_TARGET_ALREADY_SIGNED("a vote was signed for this target or a later one: a double or surrounded vote");

    private final String message;

    Refusal(String message) {
      this.message = message;
    }

    public String message() {
      return message;
    }
  }

  /** Why a block for {@code slot} may not be signed, or empty if it may. */
  public Optional<Refusal> checkBlock(long slot) {
    return slot <= lastBlockSlot ? Optional.of(Refusal.BLOCK_SLOT_ALREADY_SIGNED) : Optional.empty();
  }

  /** Why a vote from {@code sourceSlot} to {@code targetSlot} may not be signed, or empty if it may. */
  public Optional<Refusal> checkVote(long sourceSlot, long targetSlot) {
    if (sourceSlot > targetSlot) {
      return Optional.of(Refusal.VOTE_SOURCE_AFTER_TARGET);
    }
    if (sourceSlot < lastVoteSource) {
      return Optional.of(Refusal.VOTE_SOURCE_BEFORE_LAST);
    }
    if (targetSlot <= lastVoteTarget) {
      return Optional.of(Refusal.VOTE_TARGET_ALREADY_SIGNED);
    }
    return Optional.empty();
  }

  /** The watermarks after signing a block for {@code slot}, which {@link #checkBlock} allowed. */
  public SlashingProtection withBlock(long slot) {
    return new SlashingProtection(Math.max(slot, lastBlockSlot), lastVoteSource, lastVoteTarget);
  }

  /** The watermarks after signing a vote, which {@link #checkVote} allowed. */
  public SlashingProtection withVote(long sourceSlot, long targetSlot) {
    return new SlashingProtection(lastBlockSlot, Math.max(sourceSlot, lastVoteSource),
        Math.max(targetSlot, lastVoteTarget));
  }
}
