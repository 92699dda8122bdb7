package io.luxtensor.api.jsonrpc.lux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.node.ChainService;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.DevNodeClient;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.txpool.TxPoolConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.Response;

/** LuxTensor's own read methods on a dev node whose blocks come one a second, so slots and epochs are real. */
class LuxMethodsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LuxtensorNode node = TestNodes.devNode(StorageConfig.memory(), new ChainService.Sealing.Manual(),
      TxPoolConfig.DEFAULT, 1000);
  private final DevNodeClient client = new DevNodeClient(node);

  @AfterEach
  void stop() {
    client.close();
    node.close();
  }

  @Test
  void epochInfoPlacesTheBlockInItsEpochWithTheCheckpointsItsHeaderCarries() throws Exception {
    StoredBlock first = node.chain().seal().get();
    StoredBlock second = node.chain().seal().get();

    JsonNode info = result("lux_getEpochInfo", List.of("latest"));

    long slot = second.block().header().slot();
    long slotsPerEpoch = Long.decode(info.get("slotsPerEpoch").asText());
    assertEquals(second.block().hash().toHex(), info.get("blockHash").asText());
    assertEquals(slot, Long.decode(info.get("slot").asText()));
    assertEquals(slot / slotsPerEpoch, Long.decode(info.get("epoch").asText()));
    assertEquals(slot / slotsPerEpoch * slotsPerEpoch, Long.decode(info.get("epochStartSlot").asText()));
    assertEquals((slot / slotsPerEpoch + 1) * slotsPerEpoch, Long.decode(info.get("nextEpochStartSlot").asText()));
    assertEquals(1000, Long.decode(info.get("slotMillis").asText()));
    assertEquals(first.block().hash().toHex(), info.get("justified").get("blockHash").asText(),
        "the block's header carries its parent as justified");
    assertEquals("0x1", info.get("validatorCount").asText());
    assertEquals(info, result("lux_getEpochInfo", List.of("0x2")), "by number, the same block");
  }

  @Test
  void oneValidatorOrNull() throws Exception {
    JsonNode validator = result("lux_getValidator", List.of(DevChain.validatorKeys().address().toHex()));
    assertEquals(result("lux_getValidators", List.of("latest")).get("validators").get(0), validator);

    assertTrue(result("lux_getValidator", List.of("0x000000000000000000000000000000000000beef")).isNull());
  }

  @Test
  void badArgumentsAndUnknownBlocksAreErrors() throws Exception {
    assertEquals(-32602, error("lux_getValidator", List.of("0x1234")).getCode());
    assertEquals(-32000, error("lux_getEpochInfo", List.of("0x99")).getCode());
    assertEquals(-32000, error("lux_getValidators", List.of("0x99")).getCode());
    assertEquals(-32602, error("lux_getValidators", List.of("latest", "extra")).getCode());
    assertNull(client.call("lux_getValidators", List.of()).getError(), "the block stays optional");
  }

  private JsonNode result(String method, List<?> params) throws Exception {
    Response<Object> response = client.call(method, params);
    assertNull(response.getError(), () -> method + ": " + response.getError().getMessage());
    return JSON.valueToTree(response.getResult());
  }

  private Response.Error error(String method, List<?> params) throws Exception {
    Response<Object> response = client.call(method, params);
    assertTrue(response.hasError(), method + " " + params + " answered " + response.getResult());
    return response.getError();
  }
}
