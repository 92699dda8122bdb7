package io.luxtensor.api.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.bytes.Hex;
import io.luxtensor.chain.DevChain;
import io.luxtensor.node.ChainService.Sealing;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Wei;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sendRawTransaction} over real HTTP: accepted into the pool, or refused with Geth's message, the same
 * message eth_sendRawTransaction gives for the same bytes.
 */
class GraphQlMutationTest {
  private static final String SEND = "mutation($data: Bytes!) { sendRawTransaction(data: $data) }";

  private final LuxtensorNode node = TestNodes.devNode(StorageConfig.memory(), new Sealing.Manual(),
      TxPoolConfig.DEFAULT);
  private final GraphQlHttp http = new GraphQlHttp(node.rpcPort());

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void anAcceptedTransactionIsPendingAndThenIncluded() throws Exception {
    String raw = DevTransactions.transfer(0, 0, 1_000);
    GraphQlHttp.Answer answer = http.query(SEND, Map.of("data", raw));
    String hash = Hash.keccak(Hex.decode(raw)).toHex();
    assertEquals(null, answer.error());
    assertEquals(hash, answer.data().get("sendRawTransaction").asText());
    assertEquals(hash, http.rpc("eth_getTransactionByHash", hash).get("hash").asText(), "JSON-RPC sees it pending");
    assertEquals("0x1", http.data("{ pending { transactionCount } }").get("pending").get("transactionCount").asText());

    node.chain().seal().get();
    assertEquals("0x1", http.rpc("eth_getTransactionReceipt", hash).get("status").asText());
    assertEquals("0x1", http.data("{ transaction(hash: \"" + hash + "\") { status } }").get("transaction")
        .get("status").asText());
  }

  @Test
  void aRefusedTransactionIsAGraphQlErrorWithGethsMessage() throws Exception {
    String raw = DevTransactions.transfer(0, 0, 1_000);
    assertEquals(null, http.query(SEND, Map.of("data", raw)).error());
    assertRefused("already known", raw);
    node.chain().seal().get();
    assertRefused("nonce too low", raw);
    assertRefused("insufficient funds for gas * price + value",
        DevTransactions.transfer(1, 0, DevChain.BALANCE_DEFAULT.add(Wei.of(1))));
    String otherChain = Hex.encode(new DynamicFeeTransaction(DevChain.CHAIN_ID + 1, 0, DevTransactions.GWEI,
        DevTransactions.MAX_FEE, 21_000, Optional.of(DevTransactions.RECIPIENT), Wei.of(1), Bytes.EMPTY, List.of(),
        null).sign(DevTransactions.key(1)).encode());
    assertRefused("invalid chain id", otherChain);
    GraphQlHttp.Answer garbage = http.query("mutation { sendRawTransaction(data: \"0x01c0\") }");
    assertTrue(garbage.error().startsWith("invalid transaction: "), garbage.error());
    assertEquals("0x0", http.data("{ pending { transactionCount } }").get("pending").get("transactionCount").asText(),
        "nothing refused entered the pool");
  }

  /** Refused with Geth's message (its prefix, which clients match on), word for word as JSON-RPC refuses it. */
  private void assertRefused(String gethMessage, String raw) throws Exception {
    GraphQlHttp.Answer answer = http.query(SEND, Map.of("data", raw));
    assertEquals(200, answer.status());
    assertTrue(answer.error().startsWith(gethMessage), answer.error());
    assertEquals(http.rpcError("eth_sendRawTransaction", raw), answer.error());
    assertEquals("sendRawTransaction", answer.body().get("errors").get(0).get("path").get(0).asText());
    assertTrue(answer.data().isNull());
  }
}
