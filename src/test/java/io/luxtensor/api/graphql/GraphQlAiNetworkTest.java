package io.luxtensor.api.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.execution.system.NeuronsContract;
import io.luxtensor.execution.system.StakeContract;
import io.luxtensor.execution.system.SubnetRegistryContract;
import io.luxtensor.execution.system.WeightsContract;
import io.luxtensor.node.ChainService.Sealing;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.txpool.TxPoolConfig;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The AI network's GraphQL fields on a dev node whose subnet was set up by signed transactions: subnet 0 of tempo 4
 * with three UIDs and 100 LUX staked on UID 0, whose validator permit from the epoch of block 3 lets it weigh UIDs 1
 * and 2 (1 : 3) in block 4, where it also announces its axon; the epoch of block 8 scores them. Every field is
 * checked against the same node's lux_getMetagraph and lux_getWeights, at the head and at a past block.
 */
class GraphQlAiNetworkTest {
  private static final List<Integer> HYPERPARAMETERS = List.of(4, 8, 1, 4_096, 5_000, 0, 1, 32_767, 900_000, 0, 1);
  private static final int OWNER = 0;
  private static final int COLDKEY = 1;
  /** The hotkeys of UIDs 0 (the validator), 1 and 2 are these dev accounts and the next two. */
  private static final int VALIDATOR = 2;
  private static final String ENDPOINT = "https://validator.example:8091";
  private static final String NEURON_FIELDS = """
      uid hotkey coldkey stake rank trust validatorTrust consensus incentive dividends emission validatorPermit
      lastUpdate registeredAt axon { endpoint modelHash } bonds weights { uid value }""";

  private final LuxtensorNode node = TestNodes.devNode(StorageConfig.memory(), new Sealing.Manual(),
      TxPoolConfig.DEFAULT);
  private final GraphQlHttp http = new GraphQlHttp(node.rpcPort());
  private final DevCalls calls = new DevCalls(node, http);

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void aSubnetAndItsNeuronsAreItsMetagraph() throws Exception {
    populate();
    JsonNode subnet = http.data("""
        { subnet(netuid: 0) { netuid name owner lock registeredAt neuronCount lastEpoch pendingEmission
            hyperparameters { tempo maxUids maxValidators immunityPeriod activityCutoff weightsRateLimit
              minAllowedWeights kappa bondsMovingAverage commitReveal commitRevealPeriod }
            neurons { %s } } }""".formatted(NEURON_FIELDS)).get("subnet");
    ObjectNode expected = http.rpc("lux_getMetagraph", "0x0").deepCopy();
    for (JsonNode neuron : expected.get("neurons")) {
      JsonNode weights = http.rpc("lux_getWeights", "0x0", neuron.get("uid").asText()).get("weights");
      ((ObjectNode) neuron).set("weights", weights);
    }
    assertEquals(expected, subnet);

    JsonNode neurons = subnet.get("neurons");
    assertEquals("0x8", subnet.get("lastEpoch").asText());
    assertTrue(neurons.get(0).get("validatorPermit").asBoolean());
    assertEquals(ENDPOINT, neurons.get(0).get("axon").get("endpoint").asText());
    assertEquals(List.of("0x1", "0x2"), texts(neurons.get(0).get("weights"), "uid"));
    assertEquals(List.of("0x5555", "0xffff"), texts(neurons.get(0).get("weights"), "value"), "scaled to 65535");
    assertTrue(quantity(neurons.get(0).get("dividends")) > 0, "the validator earns dividends");
    assertTrue(quantity(neurons.get(2).get("incentive")) > quantity(neurons.get(1).get("incentive")),
        "UID 2, weighed three times UID 1, earns more incentive");
    assertEquals(0, neurons.get(1).get("weights").size(), "miners set none");
  }

  @Test
  void subnetsNeuronsAndPastBlocks() throws Exception {
    populate();
    JsonNode data = http.data("""
        { subnets { netuid name } past: subnets(block: 0) { netuid }
          subnet(netuid: 0) { neuron(uid: 2) { hotkey } missing: neuron(uid: 3) { hotkey } }
          other: subnet(netuid: 1) { name }
          before: subnet(netuid: 0, block: 3) { lastEpoch neurons { validatorPermit weights { uid } } } }""");
    assertEquals("[{\"netuid\":\"0x0\",\"name\":\"vision\"}]", data.get("subnets").toString());
    assertEquals(0, data.get("past").size(), "no subnet in genesis");
    assertEquals(DevTransactions.address(VALIDATOR + 2).toHex(),
        data.get("subnet").get("neuron").get("hotkey").asText());
    assertTrue(data.get("subnet").get("missing").isNull());
    assertTrue(data.get("other").isNull());
    JsonNode before = data.get("before");
    assertEquals("0x3", before.get("lastEpoch").asText());
    assertTrue(before.get("neurons").get(0).get("validatorPermit").asBoolean(), "the permit that let it weigh");
    assertEquals(0, before.get("neurons").get(0).get("weights").size(), "set in block 4");

    assertEquals("netuid is a u16 (at most 65535), not 65536",
        http.query("{ subnet(netuid: 65536) { name } }").error());
    assertEquals("block #99 not found", http.query("{ subnet(netuid: 0, block: 99) { name } }").error());
    String everyWeightOfEverySubnet = "{ subnets { neurons { hotkey bonds weights { uid value } } } }";
    assertEquals("maximum query complexity exceeded 2311 > " + GraphQlLimits.QUERY_COMPLEXITY_MAX,
        http.query(everyWeightOfEverySubnet).error(), "lists of lists of lists count ten items a level");
  }

  /** Subnet 0 as the class comment describes, sealed through block 8. */
  private void populate() throws Exception {
    calls.send(OWNER, SubnetRegistryContract.ADDRESS, "100", "registerSubnet(string,uint256[])",
        List.of(AbiType.STRING, AbiType.UINT256_ARRAY),
        List.of("vision", HYPERPARAMETERS.stream().map(BigInteger::valueOf).toList()));
    calls.sealThrough(1);
    for (int uid = 0; uid < 3; uid++) {
      calls.send(COLDKEY, NeuronsContract.ADDRESS, "10", "burnedRegister(uint16,address)",
          List.of(AbiType.UINT16, AbiType.ADDRESS), List.of(BigInteger.ZERO, DevTransactions.address(VALIDATOR + uid)));
    }
    calls.send(COLDKEY, StakeContract.ADDRESS, "100", "addStake(uint16,address)",
        List.of(AbiType.UINT16, AbiType.ADDRESS), List.of(BigInteger.ZERO, DevTransactions.address(VALIDATOR)));
    calls.sealThrough(3);
    calls.send(VALIDATOR, WeightsContract.ADDRESS, "0", "setWeights(uint16,uint16[],uint16[],uint64)",
        List.of(AbiType.UINT16, AbiType.UINT16_ARRAY, AbiType.UINT16_ARRAY, AbiType.UINT64),
        List.of(BigInteger.ZERO, List.of(BigInteger.ONE, BigInteger.TWO),
            List.of(BigInteger.ONE, BigInteger.valueOf(3)), BigInteger.ZERO));
    calls.send(VALIDATOR, NeuronsContract.ADDRESS, "0", "serveAxon(uint16,string,bytes32)",
        List.of(AbiType.UINT16, AbiType.STRING, AbiType.BYTES32), List.of(BigInteger.ZERO, ENDPOINT, new byte[32]));
    calls.sealThrough(8);
  }

  private static List<String> texts(JsonNode objects, String field) {
    List<String> texts = new ArrayList<>();
    objects.forEach(o -> texts.add(o.get(field).asText()));
    return texts;
  }

  private static long quantity(JsonNode hex) {
    return Long.parseLong(hex.asText().substring(2), 16);
  }
}
