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
 * <p>A key whose record is lost (a wiped data directory, a key moved to another machine) gets watermarks {@link
 * #withoutHistory set past its start}; they keep it from signing anything its forgotten signatures could conflict
 * with, but also from voting from a justified checkpoint older than its start. Once its head is past the wait, it
 * may vote once from that checkpoint: see {@link #checkVoteFromJustified}.
 *
 * @param lastBlockSlot the highest slot of a block signed, -1 if none
 * @param lastVoteSource the highest source slot of a vote signed, -1 if none
 * @param lastVoteTarget the highest target slot of a vote signed, -1 if none
 * @param historyUnknown the watermarks were set by {@link #withoutHistory}, and no vote has been signed since
 */
public record SlashingProtection(long lastBlockSlot, long lastVoteSource, long lastVoteTarget,
    boolean historyUnknown) {
  public static final SlashingProtection NOTHING_SIGNED = new SlashingProtection(-1, -1, -1);

  /** Watermarks of what a key signed, its history known. */
  public SlashingProtection(long lastBlockSlot, long lastVoteSource, long lastVoteTarget) {
    this(lastBlockSlot, lastVoteSource, lastVoteTarget, false);
  }

  /**
   * The watermarks of a key that may have signed before {@code startSlot}, from a record this node does not have: it
   * signs no block and no vote target up to {@code startSlot + waitSlots}, and no vote from a source before {@code
   * startSlot}, except as {@link #checkVoteFromJustified} allows. Every vote it signed before had its target, so its
   * source, before {@code startSlot}.
   */
  public static SlashingProtection withoutHistory(long startSlot, long waitSlots) {
    return new SlashingProtection(startSlot + waitSlots, startSlot, startSlot + waitSlots, true);
  }

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

  /**
   * As {@link #checkVote}, for a vote whose source is the voter's justified checkpoint and whose head is at {@code
   * headSlot}; a key {@link #withoutHistory without history} may vote from a source before its start once that head is
   * past its wait. Its forgotten votes had targets before its start and sources justified before then; a node whose
   * head is past the wait has seen those justified, so its justified checkpoint is no older than any of those
   * sources: the vote neither surrounds them nor, its target past the wait, is surrounded by or doubles one. Without
   * this, a network whose validators all start late (or all lose their records) never justifies anything again.
   */
  public Optional<Refusal> checkVoteFromJustified(long sourceSlot, long targetSlot, long headSlot) {
    if (historyUnknown && headSlot >= lastVoteTarget && sourceSlot < lastVoteSource && sourceSlot <= targetSlot) {
      return checkVote(lastVoteSource, targetSlot);
    }
    return checkVote(sourceSlot, targetSlot);
  }

  /** The watermarks after signing a block for {@code slot}, which {@link #checkBlock} allowed. */
  public SlashingProtection withBlock(long slot) {
    return new SlashingProtection(Math.max(slot, lastBlockSlot), lastVoteSource, lastVoteTarget, historyUnknown);
  }

  /**
   * The watermarks after signing a vote, which {@link #checkVote} or {@link #checkVoteFromJustified} allowed. A key's
   * first vote after {@link #withoutHistory} sets its source watermark to the vote's, even if lower.
   */
  public SlashingProtection withVote(long sourceSlot, long targetSlot) {
    long source = historyUnknown ? sourceSlot : Math.max(sourceSlot, lastVoteSource);
    return new SlashingProtection(lastBlockSlot, source, Math.max(targetSlot, lastVoteTarget));
  }
}
