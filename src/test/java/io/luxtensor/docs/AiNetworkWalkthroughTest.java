package io.luxtensor.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.testing.TestNodes;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * docs/ai-network.md's ethers.js walk-through (docs/examples/ethers/ai-network.mjs) run with node against a real dev
 * node, as a reader would: a subnet, weights and an epoch, then an AI task paid by score.
 */
class AiNetworkWalkthroughTest {
  private final LuxtensorNode node = TestNodes.devNode();

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void theWalkthroughRegistersWeighsAndPaysATaskByScore() throws Exception {
    Path nodeJs = EthersExamples.nodeJs();
    ExampleProcess run = ExampleProcess.run(EthersExamples.DIRECTORY,
        Map.of("LUXTENSOR_RPC", "http://127.0.0.1:" + node.rpcPort()), EthersExamples.SCRIPT_DEADLINE,
        nodeJs.toString(), "ai-network.mjs");

    assertEquals(0, run.exitCode(), run::printed);
    // Weights 1 : 2 from the only validator: incentive a third and two thirds (u16 proportions).
    assertTrue(run.output().contains("incentive: miner A 0.333"), run::printed);
    // Medians 60000 and 20000 share the miners' 9 LUX 3 : 1.
    assertTrue(run.output().contains("task paid: miner A 6.75 LUX, miner B 2.25 LUX"), run::printed);
  }
}
