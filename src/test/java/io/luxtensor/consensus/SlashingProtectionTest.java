package io.luxtensor.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.consensus.SlashingProtection.Refusal;
import io.luxtensor.testing.SeededRandom;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** EIP-3076's watermark rules: what a validator signed never lets it sign a slashable block or vote. */
class SlashingProtectionTest {
  private final SlashingProtection signedUpTo10 = SlashingProtection.NOTHING_SIGNED.withBlock(10).withVote(9, 10);

  @Test
  void aValidatorThatSignedNothingMaySignAnything() {
    assertEquals(Optional.empty(), SlashingProtection.NOTHING_SIGNED.checkBlock(0));
    assertEquals(Optional.empty(), SlashingProtection.NOTHING_SIGNED.checkVote(0, 0));
  }

  @Test
  void aBlockIsSignedOnlyForASlotAfterEveryBlockSigned() {
    assertEquals(Optional.of(Refusal.BLOCK_SLOT_ALREADY_SIGNED), signedUpTo10.checkBlock(10), "the same slot again");
    assertEquals(Optional.of(Refusal.BLOCK_SLOT_ALREADY_SIGNED), signedUpTo10.checkBlock(3), "an earlier slot");
    assertEquals(Optional.empty(), signedUpTo10.checkBlock(11));
  }

  @Test
  void aSecondVoteForTheSameTargetIsRefused() {
    assertEquals(Optional.of(Refusal.VOTE_TARGET_ALREADY_SIGNED), signedUpTo10.checkVote(9, 10));
    assertEquals(Optional.of(Refusal.VOTE_TARGET_ALREADY_SIGNED), signedUpTo10.checkVote(10, 10));
  }

  @Test
  void aVoteThatWouldSurroundOrBeSurroundedIsRefused() {
    assertEquals(Optional.of(Refusal.VOTE_SOURCE_BEFORE_LAST), signedUpTo10.checkVote(8, 11), "surrounds (9, 10)");
    assertEquals(Optional.of(Refusal.VOTE_TARGET_ALREADY_SIGNED),
        SlashingProtection.NOTHING_SIGNED.withVote(2, 20).checkVote(5, 15), "surrounded by (2, 20)");
  }

  @Test
  void aVoteWhoseSourceIsAfterItsTargetIsRefused() {
    assertEquals(Optional.of(Refusal.VOTE_SOURCE_AFTER_TARGET), signedUpTo10.checkVote(12, 11));
  }

  @Test
  void theHonestSequenceOfAValidatorIsNeverRefused() {
    SlashingProtection signed = SlashingProtection.NOTHING_SIGNED;
    long justified = 0;
    for (long slot = 1; slot <= 1000; slot++) {
      assertEquals(Optional.empty(), signed.checkBlock(slot), "block " + slot);
      assertEquals(Optional.empty(), signed.checkVote(justified, slot), "vote " + slot);
      signed = signed.withBlock(slot).withVote(justified, slot);
      if (slot % 3 != 0) {
        justified = slot;
      }
    }
    assertEquals(new SlashingProtection(1000, 998, 1000), signed);
  }

  @Test
  void nothingItLetsThroughIsSlashableWhateverIsAskedOfIt() {
    SecureRandom random = SeededRandom.of(3076);
    int votesSigned = 0;
    for (int run = 0; run < 200; run++) {
      SlashingProtection signed = SlashingProtection.NOTHING_SIGNED;
      List<long[]> votes = new ArrayList<>();
      List<Long> blocks = new ArrayList<>();
      for (int request = 0; request < 50; request++) {
        long source = random.nextInt(40);
        long target = random.nextInt(40);
        if (signed.checkVote(source, target).isEmpty()) {
          signed = signed.withVote(source, target);
          votes.add(new long[] {source, target});
        }
        long slot = random.nextInt(40);
        if (signed.checkBlock(slot).isEmpty()) {
          signed = signed.withBlock(slot);
          blocks.add(slot);
        }
      }
      assertEquals(blocks.size(), blocks.stream().distinct().count(), "run " + run + ": two blocks in one slot");
      for (int i = 0; i < votes.size(); i++) {
        for (int j = i + 1; j < votes.size(); j++) {
          long[] a = votes.get(i);
          long[] b = votes.get(j);
          assertFalse(a[1] == b[1], "run " + run + ": double vote");
          assertFalse(a[0] < b[0] && b[1] < a[1] || b[0] < a[0] && a[1] < b[1], "run " + run + ": surround vote");
        }
      }
      votesSigned += votes.size();
    }
    assertTrue(votesSigned >= 400, "the random requests let votes through to check: " + votesSigned);
  }

  @Test
  void aKeyWithoutHistoryVotesFromAnOlderJustifiedCheckpointOnlyOnceItsHeadIsPastItsWait() {
    SlashingProtection restored = SlashingProtection.withoutHistory(100, 16);

    assertEquals(Optional.of(Refusal.BLOCK_SLOT_ALREADY_SIGNED), restored.checkBlock(116), "no block in the wait");
    assertEquals(Optional.of(Refusal.VOTE_SOURCE_BEFORE_LAST), restored.checkVoteFromJustified(0, 117, 115),
        "its head is not past the wait: its node may not yet know what was justified");
    assertEquals(Optional.of(Refusal.VOTE_TARGET_ALREADY_SIGNED), restored.checkVoteFromJustified(0, 116, 120),
        "no target in the wait");
    assertEquals(Optional.of(Refusal.VOTE_SOURCE_BEFORE_LAST), restored.checkVote(0, 117),
        "only a vote from the justified checkpoint is let through");
    assertEquals(Optional.empty(), restored.checkVoteFromJustified(0, 117, 116));

    SlashingProtection voted = restored.withVote(0, 117);
    assertEquals(new SlashingProtection(116, 0, 117), voted, "its watermarks are its own again");
    assertEquals(Optional.of(Refusal.VOTE_TARGET_ALREADY_SIGNED), voted.checkVoteFromJustified(0, 117, 117));
    assertEquals(Optional.empty(), voted.checkVoteFromJustified(0, 118, 118));
    assertEquals(voted, restored.withBlock(110).withVote(0, 117), "a block signed in the wait keeps the flag");
  }

  @Test
  void aKeyWithItsHistoryNeverVotesFromBelowItsSourceWatermark() {
    SlashingProtection signed = SlashingProtection.NOTHING_SIGNED.withVote(50, 60);

    assertEquals(Optional.of(Refusal.VOTE_SOURCE_BEFORE_LAST), signed.checkVoteFromJustified(40, 70, 70));
  }

  /**
   * A key whose record was lost had signed votes with targets before its start and sources no later than what its
   * node, once its head is past the wait, sees justified: whatever its node then asks, with sources from that
   * checkpoint on, nothing signed doubles or surrounds anything signed before.
   */
  @Test
  void aKeyWithoutHistorySignsNothingSlashableWithWhatItForgot() {
    SecureRandom random = SeededRandom.of(3077);
    int votesSigned = 0;
    for (int run = 0; run < 200; run++) {
      long start = 20 + random.nextInt(20);
      long justifiedAtHead = random.nextInt((int) start);
      List<long[]> votes = new ArrayList<>();
      for (int forgotten = 0; forgotten < 10; forgotten++) {
        long target = random.nextInt((int) start);
        votes.add(new long[] {Math.min(target, random.nextInt((int) justifiedAtHead + 1)), target});
      }
      int before = votes.size();
      SlashingProtection signed = SlashingProtection.withoutHistory(start, 8);
      for (int request = 0; request < 50; request++) {
        long source = justifiedAtHead + random.nextInt(60);
        long target = random.nextInt(90);
        long head = random.nextInt(90);
        if (signed.checkVoteFromJustified(source, target, head).isEmpty()) {
          signed = signed.withVote(source, target);
          votes.add(new long[] {source, target});
        }
      }
      for (int i = 0; i < votes.size(); i++) {
        for (int j = Math.max(i + 1, before); j < votes.size(); j++) {
          long[] a = votes.get(i);
          long[] b = votes.get(j);
          assertFalse(a[1] == b[1], "run " + run + ": double vote");
          assertFalse(a[0] < b[0] && b[1] < a[1] || b[0] < a[0] && a[1] < b[1], "run " + run + ": surround vote");
        }
      }
      votesSigned += votes.size() - before;
    }
    assertTrue(votesSigned >= 400, "the random requests let votes through to check: " + votesSigned);
  }
}
