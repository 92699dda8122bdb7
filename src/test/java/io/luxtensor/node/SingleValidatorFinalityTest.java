package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.luxtensor.chain.StoredBlock;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.Vote;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A single validator finalizes each block's parent as it seals the block, also when slots went by without a block:
 * finality only moves from a slot's checkpoint to the next slot's, so the block carries the validator's vote for the
 * slot after its justified one, whose checkpoint is still the parent.
 */
class SingleValidatorFinalityTest {
  private final AtomicLong clock = new AtomicLong(System.currentTimeMillis());

  @Test
  void afterEmptySlotsTheBlockCarriesTheVoteThatFinalizesItsParent() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode(StorageConfig.memory(), new ChainService.Sealing.Manual(),
        clock::get)) {
      BlockHeader first = node.chain().seal().get().block().header();
      clock.addAndGet(5);

      StoredBlock second = node.chain().seal().get();

      ChainService.CanonicalHead head = node.chain().head();
      assertEquals(second.block().hash(), head.safe().hash(), "the validator's vote justifies its block");
      assertEquals(first.hash(), head.finalized().hash(), "and finalizes the parent across the empty slots");
      assertEquals(List.of(first.slot(), first.slot() + 1),
          second.block().votes().stream().map(vote -> vote.vote().slot()).toList(),
          "it carries the vote for its parent's slot and the one for the slot after");
      Vote bridge = second.block().votes().get(1).vote();
      assertEquals(new Checkpoint(first.slot(), first.hash()), bridge.source());
      assertEquals(new Checkpoint(first.slot() + 1, first.hash()), bridge.target());

      clock.addAndGet(1);
      StoredBlock third = node.chain().seal().get();

      assertEquals(second.block().hash(), node.chain().head().finalized().hash());
      assertEquals(List.of(second.block().header().slot()),
          third.block().votes().stream().map(vote -> vote.vote().slot()).toList(),
          "in the very next slot no other vote is needed");
    }
  }
}
