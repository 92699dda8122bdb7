package io.luxtensor.consensus;

import io.luxtensor.types.Address;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * LMD-GHOST fork choice, as Gasper runs it: from the justified checkpoint's block, repeatedly step to the child
 * whose subtree carries the most stake by validators' latest votes, ties to the higher hash. Three refinements
 * keep it safe:
 *
 * <ul>
 *   <li><b>Filtered block tree</b>: only branches with a leaf that knows the node's justified checkpoint are
 *       viable, so a heavier branch that never saw the justification cannot pull the head off it.
 *   <li><b>Proposer boost</b>: the first block of the current slot that arrives in time weighs an extra
 *       {@value #PROPOSER_BOOST_PERCENT}% of the total stake until the slot ends, which defeats ex-ante reorgs by a
 *       minority that withholds its block and votes.
 *   <li><b>Equivocations discarded</b>: a validator caught voting twice in a slot loses its weight for good.
 * </ul>
 *
 * <p>Pure and deterministic: time comes in as the current slot and a flag saying whether a block was timely; every
 * decision iterates sorted collections. One owner; inputs arrive already checked against signatures.
 */
public final class ForkChoice {
  /** Gasper's PROPOSER_SCORE_BOOST; every validator votes every slot here, so the committee is the whole set. */
  public static final int PROPOSER_BOOST_PERCENT = 40;
  /**
   * A leaf whose justified checkpoint is at most this many slots old stays viable even if it is not the node's:
   * its proposer may not have seen the newest votes yet (Gasper's two-epoch grace, in slots, since a checkpoint
   * here is a slot).
   */
  public static final long JUSTIFICATION_GRACE_SLOTS = 2;

  private static final Comparator<Block> NEWEST_FIRST =
      Comparator.comparingLong(Block::slot).reversed().thenComparing(Block::hash, Comparator.reverseOrder());

  /** What a block tree node needs: its place in the tree, and the justified checkpoint its header carries. */
  private record Block(Hash hash, Hash parent, long slot, Checkpoint justified, Set<Hash> children) {}

  /** The vote that counts for a validator: its newest, with the stake it carried. */
  private record LatestVote(long slot, Hash head, BigInteger stake) {}

  /** What became of a block offered to the fork choice. */
  public enum BlockOutcome {
    ADDED,
    ALREADY_KNOWN,
    /** The parent is not in the tree: the caller fetches it, or drops the block if it is below finality. */
    UNKNOWN_PARENT,
    /** A block's slot must be after its parent's. */
    SLOT_NOT_AFTER_PARENT,
    /** A block for a slot that has not started cannot be counted yet. */
    FUTURE_SLOT
  }

  /** What became of a vote offered to the fork choice. */
  public enum VoteOutcome {
    COUNTED,
    /** The validator has a newer vote, or sent this one already. */
    STALE,
    /** A second, different vote in a slot: the validator's weight is discarded for good. */
    EQUIVOCATION,
    /** The validator equivocated before: its votes no longer count. */
    FROM_EQUIVOCATOR,
    /** The head voted for is not in the tree: the caller buffers the vote until the block arrives. */
    UNKNOWN_HEAD,
    /** Votes count from their own slot on, not before. */
    FUTURE_SLOT
  }

  private final Map<Hash, Block> blocks = new HashMap<>();
  private final Map<Address, LatestVote> latestVotes = new TreeMap<>();
  private final Set<Address> equivocators = new TreeSet<>();
  private BigInteger totalStake;
  private final Checkpoint anchor;
  private Checkpoint justified;
  private Hash boostedBlock;
  private long boostedSlot = -1;

  /**
   * A fork choice rooted at {@code anchor} (the genesis block, or the finalized block a node restarts from).
   *
   * @param totalStake the active validators' total stake, which sizes the proposer boost
   */
  public ForkChoice(Checkpoint anchor, BigInteger totalStake) {
    this.totalStake = Objects.requireNonNull(totalStake, "totalStake");
    blocks.put(anchor.blockHash(), new Block(anchor.blockHash(), Hash.ZERO, anchor.slot(), anchor, new TreeSet<>()));
    this.anchor = anchor;
    this.justified = anchor;
  }

  /**
   * Adds a block. {@code timely} says it arrived in its own slot before votes were due; the first such block of the
   * current slot gets the proposer boost.
   */
  public BlockOutcome onBlock(
      Hash hash, Hash parent, long slot, Checkpoint headerJustified, long currentSlot, boolean timely) {
    if (blocks.containsKey(hash)) {
      return BlockOutcome.ALREADY_KNOWN;
    }
    Block parentBlock = blocks.get(parent);
    if (parentBlock == null) {
      return BlockOutcome.UNKNOWN_PARENT;
    }
    if (slot <= parentBlock.slot()) {
      return BlockOutcome.SLOT_NOT_AFTER_PARENT;
    }
    if (slot > currentSlot) {
      return BlockOutcome.FUTURE_SLOT;
    }
    blocks.put(hash, new Block(hash, parent, slot, headerJustified, new TreeSet<>()));
    parentBlock.children().add(hash);
    if (timely && slot == currentSlot && boostedSlot != currentSlot) {
      boostedBlock = hash;
      boostedSlot = currentSlot;
    }
    return BlockOutcome.ADDED;
  }

  /** Counts a validator's vote for {@code head} in {@code slot}, with the validator's active {@code stake}. */
  public VoteOutcome onVote(Address validator, BigInteger stake, long slot, Hash head, long currentSlot) {
    if (equivocators.contains(validator)) {
      return VoteOutcome.FROM_EQUIVOCATOR;
    }
    if (slot > currentSlot) {
      return VoteOutcome.FUTURE_SLOT;
    }
    LatestVote previous = latestVotes.get(validator);
    if (previous != null && previous.slot() == slot && !previous.head().equals(head)) {
      onEquivocation(validator);
      return VoteOutcome.EQUIVOCATION;
    }
    if (previous != null && previous.slot() >= slot) {
      return VoteOutcome.STALE;
    }
    if (!blocks.containsKey(head)) {
      return VoteOutcome.UNKNOWN_HEAD;
    }
    latestVotes.put(validator, new LatestVote(slot, head, stake));
    return VoteOutcome.COUNTED;
  }

  /** Discards a validator's weight for good: it was caught equivocating (a vote, or slashing evidence in a block). */
  public void onEquivocation(Address validator) {
    equivocators.add(validator);
    latestVotes.remove(validator);
  }

  /** The node's justified checkpoint moved (finality's answer); the head is searched below it from now on. */
  public void onJustified(Checkpoint checkpoint) {
    if (!blocks.containsKey(checkpoint.blockHash())) {
      throw new IllegalArgumentException("justified block " + checkpoint.blockHash() + " is not in the block tree");
    }
    if (checkpoint.slot() > justified.slot()) {
      justified = checkpoint;
    }
  }

  /** A new finalized block: everything not descending from it can never be the head again and is forgotten. */
  public void onFinalized(Checkpoint finalized) {
    Block root = blocks.get(finalized.blockHash());
    if (root == null) {
      throw new IllegalArgumentException("finalized block " + finalized.blockHash() + " is not in the block tree");
    }
    Map<Hash, Block> kept = new HashMap<>();
    List<Block> frontier = new ArrayList<>(List.of(root));
    while (!frontier.isEmpty()) {
      Block block = frontier.removeLast();
      kept.put(block.hash(), block);
      block.children().forEach(child -> frontier.add(blocks.get(child)));
    }
    blocks.keySet().retainAll(kept.keySet());
    if (!blocks.containsKey(justified.blockHash())) {
      justified = finalized;
    }
  }

  /** Sets the stake the proposer boost is a share of, when the active set changes at an epoch. */
  public void onValidatorSetChanged(BigInteger newTotalStake) {
    totalStake = Objects.requireNonNull(newTotalStake, "newTotalStake");
  }

  public Checkpoint justified() {
    return justified;
  }

  public boolean contains(Hash block) {
    return blocks.containsKey(block);
  }

  /** The number of blocks the tree holds (the finalized block and its descendants). */
  public int size() {
    return blocks.size();
  }

  /** The head in {@code currentSlot}: the proposer boost counts only in the slot of its block. */
  public Hash head(long currentSlot) {
    List<Block> newestFirst = blocks.values().stream().sorted(NEWEST_FIRST).toList();
    Map<Hash, BigInteger> weight = new HashMap<>();
    latestVotes.values().forEach(vote -> weight.merge(vote.head(), vote.stake(), BigInteger::add));
    if (boostedBlock != null && boostedSlot == currentSlot && blocks.containsKey(boostedBlock)) {
      BigInteger boost = totalStake.multiply(BigInteger.valueOf(PROPOSER_BOOST_PERCENT)).divide(BigInteger.valueOf(100));
      weight.merge(boostedBlock, boost, BigInteger::add);
    }
    Map<Hash, Boolean> viable = new HashMap<>();
    for (Block block : newestFirst) {
      boolean leafViable = block.children().isEmpty() && knowsJustified(block, currentSlot);
      viable.merge(block.hash(), leafViable, Boolean::logicalOr);
      if (blocks.containsKey(block.parent())) {
        weight.merge(block.parent(), weight.getOrDefault(block.hash(), BigInteger.ZERO), BigInteger::add);
        viable.merge(block.parent(), viable.get(block.hash()), Boolean::logicalOr);
      }
    }
    Block head = blocks.get(justified.blockHash());
    while (true) {
      Block best = null;
      BigInteger bestWeight = BigInteger.ZERO;
      for (Hash childHash : head.children()) {
        if (!viable.get(childHash)) {
          continue;
        }
        BigInteger childWeight = weight.getOrDefault(childHash, BigInteger.ZERO);
        // Children iterate in ascending hash order, so ">=" lets the higher hash win a tie.
        if (best == null || childWeight.compareTo(bestWeight) >= 0) {
          best = blocks.get(childHash);
          bestWeight = childWeight;
        }
      }
      if (best == null) {
        return head.hash();
      }
      head = best;
    }
  }

  /**
   * Whether a leaf may be the head: it carries the node's justified checkpoint, or a recent one, or the node has
   * justified nothing since the anchor it started from (then every branch qualifies, as at genesis).
   */
  private boolean knowsJustified(Block leaf, long currentSlot) {
    return justified.equals(anchor)
        || leaf.justified().equals(justified)
        || leaf.justified().slot() + JUSTIFICATION_GRACE_SLOTS >= currentSlot;
  }
}
