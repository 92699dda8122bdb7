package io.luxtensor.ai;

/**
 * The windows of an AI task, in blocks after its deadline: miners commit up to the deadline; reveal in the
 * {@code revealBlocks} after it; permitted validators score revealed results from the deadline until
 * {@code scoreBlocks} after the reveals close; a validator may dispute a result in the {@code disputeBlocks} after
 * that; disputes are voted on until {@code voteBlocks} later; then anyone may finalize the task.
 */
public record TaskWindows(long revealBlocks, long scoreBlocks, long disputeBlocks, long voteBlocks) {
  public static final TaskWindows DEFAULTS = new TaskWindows(10, 10, 10, 10);

  public TaskWindows {
    if (revealBlocks < 1 || scoreBlocks < 1 || disputeBlocks < 1 || voteBlocks < 1) {
      throw new IllegalArgumentException("every task window lasts a block at least");
    }
  }

  public boolean canCommit(long deadline, long block) {
    return block <= deadline;
  }

  public boolean canReveal(long deadline, long block) {
    return block > deadline && block <= revealEnd(deadline);
  }

  public boolean canScore(long deadline, long block) {
    return block > deadline && block <= scoreEnd(deadline);
  }

  public boolean canDispute(long deadline, long block) {
    return block > scoreEnd(deadline) && block <= disputeEnd(deadline);
  }

  public boolean canVote(long deadline, long block) {
    return block > scoreEnd(deadline) && block <= voteEnd(deadline);
  }

  public boolean canFinalize(long deadline, long block) {
    return block > voteEnd(deadline);
  }

  public long revealEnd(long deadline) {
    return deadline + revealBlocks;
  }

  public long scoreEnd(long deadline) {
    return revealEnd(deadline) + scoreBlocks;
  }

  public long disputeEnd(long deadline) {
    return scoreEnd(deadline) + disputeBlocks;
  }

  public long voteEnd(long deadline) {
    return disputeEnd(deadline) + voteBlocks;
  }
}
