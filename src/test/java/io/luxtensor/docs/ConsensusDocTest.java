package io.luxtensor.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.chain.BlockInvalidReason;
import io.luxtensor.consensus.SlashingProtection;
import org.junit.jupiter.api.Test;

class ConsensusDocTest {
  @Test
  void everyReasonABlockIsRefusedForIsDocumented() {
    String doc = Docs.read("docs/consensus.md");
    for (BlockInvalidReason reason : BlockInvalidReason.values()) {
      assertTrue(
          doc.contains("`" + reason.message() + "`"),
          () -> "docs/consensus.md does not explain " + reason + ": " + reason.message());
    }
  }

  @Test
  void everyRefusalOfSlashingProtectionIsDocumented() {
    String doc = Docs.read("docs/consensus.md");
    for (SlashingProtection.Refusal refusal : SlashingProtection.Refusal.values()) {
      assertTrue(
          doc.contains("`" + refusal.message() + "`"),
          () -> "docs/consensus.md does not explain " + refusal + ": " + refusal.message());
    }
  }
}
