package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.node.ChainService;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.types.BlockHeader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@code luxtensor bench chain} run in-process against a dev node whose blocks are sealed at chosen slots. */
class BenchChainCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final AtomicLong clock = new AtomicLong(System.currentTimeMillis());

  @Test
  void itCountsTheSlotsLeftEmptyAndTheFinalityLagOfTheChainItReads() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode(StorageConfig.memory(), new ChainService.Sealing.Manual(),
        clock::get)) {
      List<BlockHeader> sealed = new ArrayList<>();
      sealed.add(node.chain().seal().get().block().header());
      for (int i = 0; i < 3; i++) {
        clock.addAndGet(1);
        sealed.add(node.chain().seal().get().block().header());
      }
      clock.addAndGet(4); // three slots without a block
      sealed.add(node.chain().seal().get().block().header());
      clock.addAndGet(1);
      sealed.add(node.chain().seal().get().block().header());
      long firstSlot = sealed.getFirst().slot();
      long[] lags = sealed.stream().mapToLong(h -> h.slot() - h.finalized().slot()).sorted().toArray();

      WalletCli.Run run = run("bench", "chain", "--rpc", "http://127.0.0.1:" + node.rpcPort(), "--json");

      assertEquals(ExitCodes.OK, run.exitCode(), run.err());
      JsonNode result = JSON.readTree(run.out());
      assertEquals(1, result.get("firstBlock").asLong());
      assertEquals(6, result.get("lastBlock").asLong());
      assertEquals(6, result.get("blocks").asLong());
      assertEquals(firstSlot, result.get("firstSlot").asLong());
      assertEquals(9, result.get("slots").asLong());
      assertEquals(3, result.get("missedSlots").asLong());
      assertEquals(3, result.get("longestMissedRun").asLong());
      assertEquals("[" + (firstSlot + 4) + "," + (firstSlot + 5) + "," + (firstSlot + 6) + "]",
          result.get("missedSlotsAt").toString());
      JsonNode lag = result.get("finalityLagSlots");
      assertEquals(lags[2], lag.get("median").asLong(), "the lower median of the headers' lags " + run.out());
      assertEquals(lags[5], lag.get("max").asLong(), "block 1 trails genesis, far back: " + run.out());
      assertEquals(Arrays.stream(lags).filter(l -> l > 2).count(), lag.get("blocksOverLimit").asLong());
      assertTrue(run.err().startsWith("bench chain: blocks 1-6, slots " + firstSlot + "-" + (firstSlot + 8)
          + " (9 slots of 1 ms, 0.0 min): 3 missed (longest run 3; first at slots "), run.err());
    }
  }

  @Test
  void aRangePastTheHeadIsAUsageError() {
    try (LuxtensorNode node = TestNodes.devNode()) {
      WalletCli.Run run = run("bench", "chain", "--rpc", "http://127.0.0.1:" + node.rpcPort(), "--from", "0",
          "--to", "5");
      assertEquals(ExitCodes.USAGE, run.exitCode());
      assertTrue(run.err().contains("--to 5 is past the node's head, block 0"), run.err());
      assertEquals(ExitCodes.USAGE, run("bench", "chain", "--from", "-1").exitCode());
      WalletCli.Run pastHead = run("bench", "chain", "--rpc", "http://127.0.0.1:" + node.rpcPort(), "--from", "7");
      assertTrue(pastHead.err().contains("--from 7 is past the node's head, block 0"), pastHead.err());
    }
  }

  private static WalletCli.Run run(String... args) {
    return WalletCli.execute(ScriptedConsole.noTerminal(), args);
  }
}
