package io.luxtensor.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.chain.BlockInvalidReason;
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
}
