package io.luxtensor.node;

import static io.luxtensor.testing.DevNodeClient.CHAIN_INFO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.api.jsonrpc.JsonRpcLimits;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.testing.DevNodeClient;
import io.luxtensor.testing.TestNodes;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;

/** The configurable limits of log queries and filters, each answered with -32005 and what to do instead. */
class RpcLimitsTest {
  private static final JsonRpcLimits SMALL = new JsonRpcLimits(10, 3, 2);

  @Test
  void aLogQueryOverTheBlockRangeLimitSaysWhichRangeToAskFor() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode(new ChainService.Sealing.Manual(), SMALL, System::currentTimeMillis);
        DevNodeClient client = new DevNodeClient(node)) {
      for (int i = 0; i < 11; i++) {
        node.chain().seal().join();
      }
      Web3j web3 = client.web3();
      Response.Error tooWide = web3.ethGetLogs(new EthFilter(number(0), number(10), CHAIN_INFO)).send().getError();
      assertEquals(-32005, tooWide.getCode());
      assertEquals("block range of 11 blocks exceeds the limit of 10; narrow fromBlock/toBlock, e.g. fromBlock 0x0 "
          + "toBlock 0x9", tooWide.getMessage());
      assertFalse(web3.ethGetLogs(new EthFilter(number(1), number(10), CHAIN_INFO)).send().hasError(),
          "10 blocks are allowed");

      var filter = web3.ethNewFilter(new EthFilter(DefaultBlockParameterName.EARLIEST,
          DefaultBlockParameterName.LATEST, CHAIN_INFO)).send().getFilterId();
      assertEquals(-32005, web3.ethGetFilterLogs(filter).send().getError().getCode(), "eth_getFilterLogs too");
    }
  }

  @Test
  void aLogQueryOverTheResultLimitSaysHowToNarrowIt() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode(new ChainService.Sealing.Manual(), SMALL, System::currentTimeMillis);
        DevNodeClient client = new DevNodeClient(node)) {
      node.chain().seal().join();
      for (int nonce = 0; nonce < 4; nonce++) {
        client.send(client.signedPing(0, nonce, (byte) nonce));
      }
      StoredBlock fourPings = node.chain().seal().join();
      assertEquals(4, fourPings.block().transactions().size());
      Web3j web3 = client.web3();

      Response.Error tooMany = web3.ethGetLogs(new EthFilter(fourPings.block().hash().toHex())).send().getError();
      assertEquals(-32005, tooMany.getCode());
      assertTrue(tooMany.getMessage().startsWith("query returned more than 3 logs; narrow the block range"),
          tooMany.getMessage());
      assertTrue(tooMany.getMessage().endsWith("or filter by address or topics"), tooMany.getMessage());
      Response.Error byRange = web3.ethGetLogs(new EthFilter(number(0), DefaultBlockParameterName.LATEST, CHAIN_INFO))
          .send().getError();
      assertTrue(byRange.getMessage().contains("the limit was reached in block 0x2, so try fromBlock 0x0 toBlock 0x1"),
          byRange.getMessage());
      assertFalse(web3.ethGetLogs(new EthFilter(number(0), number(1), CHAIN_INFO)).send().hasError());
    }
  }

  @Test
  void theFilterCapRefusesTheNextFilterUntilOneIsUninstalled() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode(new ChainService.Sealing.Manual(), SMALL, System::currentTimeMillis);
        DevNodeClient client = new DevNodeClient(node)) {
      Web3j web3 = client.web3();
      BigInteger first = web3.ethNewBlockFilter().send().getFilterId();
      web3.ethNewPendingTransactionFilter().send().getFilterId();
      var refused = web3.ethNewFilter(new EthFilter(DefaultBlockParameterName.LATEST, DefaultBlockParameterName.LATEST,
          List.of())).send();
      assertEquals(-32005, refused.getError().getCode());
      assertTrue(refused.getError().getMessage().startsWith("too many filters: the node holds at most 2; uninstall"),
          refused.getError().getMessage());
      assertTrue(web3.ethUninstallFilter(first).send().isUninstalled());
      assertFalse(web3.ethNewBlockFilter().send().hasError(), "room again");
    }
  }

  @Test
  void theLimitsAreConfigurableAndMustBePositive() {
    NodeConfig config = NodeConfig.parse(
        "{\"api\": {\"logsBlockRangeMax\": 100, \"logsResultsMax\": 50, \"filtersMax\": 7}}", Path.of("."));
    assertEquals(new JsonRpcLimits(100, 50, 7), config.api().rpcLimits());
    assertEquals(JsonRpcLimits.DEFAULTS, NodeConfig.parse("{}", Path.of(".")).api().rpcLimits());
    ConfigException zero = assertThrows(ConfigException.class,
        () -> NodeConfig.parse("{\"api\": {\"filtersMax\": 0}}", Path.of(".")));
    assertTrue(zero.getMessage().startsWith("api: "), zero.getMessage());
  }

  private static DefaultBlockParameter number(long n) {
    return DefaultBlockParameter.valueOf(BigInteger.valueOf(n));
  }
}
