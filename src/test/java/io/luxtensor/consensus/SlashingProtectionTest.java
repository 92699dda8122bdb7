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
}
