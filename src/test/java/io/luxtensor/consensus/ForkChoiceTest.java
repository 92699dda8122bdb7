package io.luxtensor.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.consensus.ForkChoice.BlockOutcome;
import io.luxtensor.consensus.ForkChoice.VoteOutcome;
import io.luxtensor.testing.SeededRandom;
import io.luxtensor.types.Address;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.Hash;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cases of Ethereum's fork-choice test list (consensus-specs tests/core/pyspec/eth2spec/test/phase0/fork_choice)
 * that apply to slot checkpoints: chain without votes, split tie breaker, shorter but heavier chain, filtered block
 * tree, proposer boost, discarded equivocations, justification withholding and the ex-ante reorg.
 */
class ForkChoiceTest {
  private static final Hash GENESIS = hash(0);
  private static final Checkpoint GENESIS_CHECKPOINT = new Checkpoint(0, GENESIS);
  /** Ten validators of 10 stake each: a validator is 10% of the total. */
  private static final BigInteger STAKE = BigInteger.TEN;
  private static final BigInteger TOTAL = BigInteger.valueOf(100);

  private final ForkChoice forkChoice = new ForkChoice(GENESIS_CHECKPOINT, TOTAL);

  @Test
  void withoutVotesTheHeadIsTheTipOfTheOnlyChain() {
    add(hash(1), GENESIS, 1);
    add(hash(2), hash(1), 2);
    add(hash(3), hash(2), 3);

    assertEquals(hash(3), forkChoice.head(10));
  }

  @Test
  void aTieGoesToTheHigherHash() {
    add(hash(0x20), GENESIS, 1);
    add(hash(0x10), GENESIS, 1);

    assertEquals(hash(0x20), forkChoice.head(10));
  }

  @Test
  void aShorterChainWithMoreStakeBehindItWins() {
    Hash parent = GENESIS;
    for (int slot = 1; slot <= 5; slot++) {
      add(hash(slot), parent, slot);
      parent = hash(slot);
    }
    add(hash(0x99), GENESIS, 1);
    vote(1, 5, hash(5));
    vote(2, 5, hash(0x99));
    vote(3, 5, hash(0x99));

    assertEquals(hash(0x99), forkChoice.head(10));
  }

  @Test
  void theLatestVoteOfAValidatorIsTheOneThatCounts() {
    add(hash(1), GENESIS, 1);
    add(hash(2), GENESIS, 1);
    vote(1, 1, hash(1));
    vote(2, 1, hash(1));
    vote(3, 1, hash(2));
    assertEquals(hash(1), forkChoice.head(5));

    vote(1, 2, hash(2));
    vote(2, 2, hash(2));

    assertEquals(hash(2), forkChoice.head(5));
    assertEquals(VoteOutcome.STALE, forkChoice.onVote(validator(1), STAKE, 1, hash(1), 5), "an older vote is ignored");
  }

  @Test
  void aHeavierBranchThatNeverSawTheJustifiedCheckpointIsFilteredOut() {
    // Below the justified block J two branches: A's leaf carries J, B's leaves carry only genesis and are older
    // than the grace of JUSTIFICATION_GRACE_SLOTS. B has more votes, but a head there would leave J behind.
    add(hash(1), GENESIS, 1);
    Checkpoint justified = new Checkpoint(1, hash(1));
    forkChoice.onBlock(hash(0x0a), hash(1), 2, justified, 2, false);
    add(hash(0xb3), hash(1), 3);
    add(hash(0xb4), hash(0xb3), 4);
    for (int v = 1; v <= 6; v++) {
      vote(v, 4, hash(0xb4));
    }
    vote(7, 4, hash(0x0a));
    forkChoice.onJustified(justified);
    forkChoice.onJustified(GENESIS_CHECKPOINT);

    assertEquals(justified, forkChoice.justified(), "justification never moves back");
    assertEquals(hash(0x0a), forkChoice.head(20));
  }

  @Test
  void aRecentLeafStaysViableWhileItsProposerCatchesUpWithTheVotes() {
    add(hash(1), GENESIS, 1);
    add(hash(2), hash(1), 2);
    forkChoice.onJustified(new Checkpoint(1, hash(1)));
    // hash(2) carries the genesis checkpoint: its proposer had not seen hash(1) justified yet.

    assertEquals(hash(2), forkChoice.head(2), "within the grace the leaf is viable");
    assertEquals(hash(1), forkChoice.head(2 + ForkChoice.JUSTIFICATION_GRACE_SLOTS + 1), "after it, it is not");
  }

  @Test
  void theFirstTimelyBlockOfASlotIsBoostedUntilTheSlotEnds() {
    add(hash(1), GENESIS, 1);
    add(hash(0x0a), hash(1), 2);
    vote(1, 2, hash(0x0a));
    vote(2, 2, hash(0x0a));
    vote(3, 2, hash(0x0a));
    // hash(0x0b) arrives in time in slot 3, on hash(1): 40% boost against 30% of votes.
    assertEquals(BlockOutcome.ADDED, forkChoice.onBlock(hash(0x0b), hash(1), 3, GENESIS_CHECKPOINT, 3, true));
    // A second timely block in the same slot gets no boost.
    forkChoice.onBlock(hash(0xff), hash(1), 3, GENESIS_CHECKPOINT, 3, true);

    assertEquals(hash(0x0b), forkChoice.head(3));
    assertEquals(hash(0x0a), forkChoice.head(4), "the boost ends with its slot");
  }

  @Test
  void aLateBlockGetsNoBoost() {
    add(hash(1), GENESIS, 1);
    add(hash(0x0a), hash(1), 2);
    vote(1, 2, hash(0x0a));
    forkChoice.onBlock(hash(0xff), hash(1), 3, GENESIS_CHECKPOINT, 3, false);

    assertEquals(hash(0x0a), forkChoice.head(3));
  }

  @Test
  void proposerBoostDefeatsAnExAnteReorgByAMinority() {
    // The attacker (30% of stake) proposes hash(0xa1) in slot 2 and withholds it; the honest proposer of slot 3
    // builds on hash(1). In slot 3 the attacker releases its block with its votes to orphan the honest one.
    add(hash(1), GENESIS, 1);
    forkChoice.onBlock(hash(0xb3), hash(1), 3, GENESIS_CHECKPOINT, 3, true);
    forkChoice.onBlock(hash(0xa1), hash(1), 2, GENESIS_CHECKPOINT, 3, false);
    for (int v = 8; v <= 10; v++) {
      vote(v, 3, hash(0xa1));
    }

    assertEquals(hash(0xb3), forkChoice.head(3), "40% boost beats 30% withheld votes");
    for (int v = 1; v <= 7; v++) {
      vote(v, 3, hash(0xb3));
    }
    assertEquals(hash(0xb3), forkChoice.head(4), "and the honest votes keep it after the boost ends");
  }

  @Test
  void withoutTheBoostTheSameMinorityWouldReorg() {
    add(hash(1), GENESIS, 1);
    forkChoice.onBlock(hash(0xb3), hash(1), 3, GENESIS_CHECKPOINT, 3, false);
    forkChoice.onBlock(hash(0xa1), hash(1), 2, GENESIS_CHECKPOINT, 3, false);
    for (int v = 8; v <= 10; v++) {
      vote(v, 3, hash(0xa1));
    }

    assertEquals(hash(0xa1), forkChoice.head(3));
  }

  @Test
  void aValidatorVotingTwiceInASlotLosesItsWeightForGood() {
    add(hash(1), GENESIS, 1);
    add(hash(2), GENESIS, 1);
    vote(1, 1, hash(1));
    vote(2, 1, hash(2));
    vote(3, 1, hash(2));
    assertEquals(hash(2), forkChoice.head(5));

    assertEquals(VoteOutcome.EQUIVOCATION, forkChoice.onVote(validator(2), STAKE, 1, hash(1), 5));
    assertEquals(VoteOutcome.EQUIVOCATION, forkChoice.onVote(validator(3), STAKE, 1, hash(1), 5));

    assertEquals(hash(1), forkChoice.head(5));
    assertEquals(VoteOutcome.FROM_EQUIVOCATOR, forkChoice.onVote(validator(2), STAKE, 2, hash(2), 5));
    assertEquals(hash(1), forkChoice.head(5));
  }

  @Test
  void slashingEvidenceDiscardsTheOffendersWeight() {
    add(hash(1), GENESIS, 1);
    add(hash(2), GENESIS, 1);
    vote(1, 1, hash(1));
    vote(2, 1, hash(2));
    vote(3, 1, hash(2));

    forkChoice.onEquivocation(validator(2));
    forkChoice.onEquivocation(validator(3));

    assertEquals(hash(1), forkChoice.head(5));
  }

  @Test
  void aWithheldJustificationPullsTheHeadOntoItsBranchWhenReleased() {
    // Honest branch H has more votes; the attacker withheld blocks on branch A whose votes justify A2. Once the
    // node learns A2 is justified, the head must descend from it: justification outranks LMD weight.
    add(hash(0x11), GENESIS, 1);
    add(hash(0x12), hash(0x11), 2);
    add(hash(0x13), hash(0x12), 3);
    for (int v = 1; v <= 6; v++) {
      vote(v, 3, hash(0x13));
    }
    forkChoice.onBlock(hash(0xa1), GENESIS, 1, GENESIS_CHECKPOINT, 4, false);
    forkChoice.onBlock(hash(0xa2), hash(0xa1), 2, GENESIS_CHECKPOINT, 4, false);
    assertEquals(hash(0x13), forkChoice.head(4));

    Checkpoint a2 = new Checkpoint(2, hash(0xa2));
    forkChoice.onJustified(a2);

    assertEquals(hash(0xa2), forkChoice.head(4));
    forkChoice.onBlock(hash(0xa5), hash(0xa2), 5, a2, 5, false);
    assertEquals(hash(0xa5), forkChoice.head(5));
  }

  @Test
  void blocksAndVotesThatCannotBeCountedYetSaySo() {
    add(hash(1), GENESIS, 1);

    assertEquals(BlockOutcome.ALREADY_KNOWN, forkChoice.onBlock(hash(1), GENESIS, 1, GENESIS_CHECKPOINT, 5, false));
    assertEquals(BlockOutcome.UNKNOWN_PARENT, forkChoice.onBlock(hash(3), hash(2), 3, GENESIS_CHECKPOINT, 5, false));
    assertEquals(
        BlockOutcome.SLOT_NOT_AFTER_PARENT, forkChoice.onBlock(hash(4), hash(1), 1, GENESIS_CHECKPOINT, 5, false));
    assertEquals(BlockOutcome.FUTURE_SLOT, forkChoice.onBlock(hash(5), hash(1), 6, GENESIS_CHECKPOINT, 5, false));
    assertEquals(VoteOutcome.UNKNOWN_HEAD, forkChoice.onVote(validator(1), STAKE, 2, hash(9), 5));
    assertEquals(VoteOutcome.FUTURE_SLOT, forkChoice.onVote(validator(1), STAKE, 6, hash(1), 5));
    assertEquals(VoteOutcome.COUNTED, forkChoice.onVote(validator(1), STAKE, 2, hash(1), 5));
    assertEquals(VoteOutcome.STALE, forkChoice.onVote(validator(1), STAKE, 2, hash(1), 5), "the same vote again");
    assertFalse(forkChoice.contains(hash(5)));
  }

  @Test
  void finalityPrunesEveryBranchThatCannotBeTheHeadAgain() {
    add(hash(1), GENESIS, 1);
    add(hash(2), hash(1), 2);
    Checkpoint second = new Checkpoint(2, hash(2));
    forkChoice.onBlock(hash(3), hash(2), 3, second, 3, false);
    add(hash(0xb1), GENESIS, 2);
    add(hash(0xc2), hash(1), 3);

    forkChoice.onFinalized(second);

    assertEquals(2, forkChoice.size());
    assertFalse(forkChoice.contains(hash(0xb1)));
    assertFalse(forkChoice.contains(hash(0xc2)));
    assertEquals(second, forkChoice.justified(), "the justified block was pruned: finality takes its place");
    assertEquals(hash(3), forkChoice.head(10));
    assertThrows(IllegalArgumentException.class, () -> forkChoice.onJustified(new Checkpoint(2, hash(0xb1))));
  }

  @Test
  void theHeadDoesNotDependOnTheOrderBlocksAndVotesArrive() {
    List<Arrival> blocks = new ArrayList<>();
    SecureRandom random = SeededRandom.of(2026);
    for (int id = 1; id <= 40; id++) {
      int parent = random.nextInt(id);
      blocks.add(new Arrival(id, parent, id, 0));
    }
    List<Arrival> votes = new ArrayList<>();
    for (int v = 1; v <= 10; v++) {
      votes.add(new Arrival(1 + random.nextInt(40), 0, 41, v));
    }
    Hash expected = null;
    for (int run = 0; run < 20; run++) {
      ForkChoice shuffled = new ForkChoice(GENESIS_CHECKPOINT, TOTAL);
      List<Arrival> pending = new ArrayList<>(blocks);
      Collections.shuffle(pending, random);
      // Blocks whose parent has not arrived wait, as a node's orphan buffer holds them.
      while (!pending.isEmpty()) {
        for (Arrival block : List.copyOf(pending)) {
          Hash parent = block.parent() == 0 ? GENESIS : hash(block.parent());
          if (shuffled.onBlock(hash(block.id()), parent, block.slot(), GENESIS_CHECKPOINT, 50, false)
              != BlockOutcome.UNKNOWN_PARENT) {
            pending.remove(block);
          }
        }
      }
      List<Arrival> shuffledVotes = new ArrayList<>(votes);
      Collections.shuffle(shuffledVotes, random);
      shuffledVotes.forEach(vote -> shuffled.onVote(validator(vote.validator()), STAKE, vote.slot(), hash(vote.id()), 50));
      Hash head = shuffled.head(50);
      if (expected == null) {
        expected = head;
      }
      assertEquals(expected, head, "run " + run);
    }
    assertEquals(naiveGhost(blocks, votes), expected, "the head a direct reading of LMD-GHOST picks");
  }

  /** A block (id, parent, slot) or a vote (for block id, in slot, by validator) in the order-independence test. */
  private record Arrival(int id, int parent, int slot, int validator) {}

  /** LMD-GHOST read literally: at each block, the child with the most votes on it or below, ties to the higher hash. */
  private static Hash naiveGhost(List<Arrival> blocks, List<Arrival> votes) {
    int head = 0;
    while (true) {
      int best = -1;
      long bestWeight = -1;
      for (Arrival child : blocks) {
        if (child.parent() != head) {
          continue;
        }
        long weight = votes.stream().filter(vote -> descendsFrom(vote.id(), child.id(), blocks)).count();
        if (weight > bestWeight || (weight == bestWeight && hash(child.id()).compareTo(hash(best)) > 0)) {
          best = child.id();
          bestWeight = weight;
        }
      }
      if (best < 0) {
        return head == 0 ? GENESIS : hash(head);
      }
      head = best;
    }
  }

  private static boolean descendsFrom(int block, int ancestor, List<Arrival> blocks) {
    for (int at = block; at != 0; at = blocks.get(at - 1).parent()) {
      if (at == ancestor) {
        return true;
      }
    }
    return false;
  }

  private void add(Hash block, Hash parent, long slot) {
    assertEquals(BlockOutcome.ADDED, forkChoice.onBlock(block, parent, slot, GENESIS_CHECKPOINT, slot, false));
  }

  private void vote(int validator, long slot, Hash head) {
    assertEquals(VoteOutcome.COUNTED, forkChoice.onVote(validator(validator), STAKE, slot, head, slot));
  }

  private static Address validator(int n) {
    byte[] bytes = new byte[Address.LENGTH];
    bytes[Address.LENGTH - 1] = (byte) n;
    return Address.wrap(bytes);
  }

  private static Hash hash(int n) {
    byte[] bytes = new byte[Hash.LENGTH];
    bytes[0] = (byte) n;
    bytes[Hash.LENGTH - 1] = (byte) (n >> 8);
    return Hash.wrap(bytes);
  }
}
