package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.node.ChainService;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.DevNodeClient;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.types.Address;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.Transaction;

/** {@code luxtensor query tx}: included and pending transactions, in tables and JSON, and its exit codes. */
class QueryTransactionCommandTest {
  private static QueryTestChain chain;

  @BeforeAll
  static void startChain() throws Exception {
    chain = QueryTestChain.start();
  }

  @AfterAll
  static void stopChain() {
    chain.close();
  }

  @Test
  void anIncludedTransferIsShownAsJsonRpcDescribesIt() throws Exception {
    CommandRun run = chain.query("query", "tx", chain.transferHash);
    assertEquals(ExitCodes.OK, run.exitCode(), run.printed());

    Transaction expected = chain.client.web3().ethGetTransactionByHash(chain.transferHash).send().getTransaction()
        .orElseThrow();
    Map<String, String> shown = run.keyValues();
    assertEquals(chain.transferHash, shown.get("hash"));
    assertEquals(expected.getBlockNumber() + " (" + expected.getBlockHash() + ")", shown.get("block"));
    assertEquals("0", shown.get("index"));
    long seconds = chain.transferBlock.block().header().timestamp();
    assertEquals(seconds + " (" + Instant.ofEpochSecond(seconds) + ")", shown.get("timestamp"));
    assertEquals(Address.fromHex(expected.getFrom()).toChecksumHex(), shown.get("from"));
    assertEquals(Address.fromHex(expected.getTo()).toChecksumHex(), shown.get("to"));
    assertEquals("1.5 LUX", shown.get("value"));
    assertEquals(expected.getNonce().toString(), shown.get("nonce"));
    assertEquals("2 (EIP-1559, dynamic fee)", shown.get("type"));
    assertEquals(expected.getGas().toString(), shown.get("gas limit"));
    assertEquals("31337", shown.get("chain id"));
    assertEquals("none", shown.get("input"));

    Map<String, String> inWei = chain.query("query", "tx", chain.transferHash, "--wei").keyValues();
    assertEquals("1500000000000000000 wei", inWei.get("value"));
    assertEquals(expected.getGasPrice() + " wei", inWei.get("gas price"), "the effective price");
    assertEquals(expected.getMaxFeePerGas() + " wei", inWei.get("max fee"));
    assertEquals(expected.getMaxPriorityFeePerGas() + " wei", inWei.get("max priority fee"));
  }

  @Test
  void aLegacyPingShowsItsInput() {
    Map<String, String> shown = chain.query("query", "tx", chain.pingHash).keyValues();
    assertEquals("0 (legacy)", shown.get("type"));
    assertEquals(DevNodeClient.pingData((byte) 7) + " (36 bytes)", shown.get("input"));
    assertEquals(Address.fromHex(DevNodeClient.CHAIN_INFO).toChecksumHex(), shown.get("to"));
  }

  @Test
  void jsonIsTheNodesAnswer() {
    for (String hash : List.of(chain.transferHash, chain.pingHash)) {
      CommandRun run = chain.query("query", "tx", hash, "--json");
      assertEquals(ExitCodes.OK, run.exitCode(), run.printed());
      assertEquals(chain.rpc("eth_getTransactionByHash", "[\"" + hash + "\"]"), QueryTestChain.json(run));
    }
  }

  @Test
  void aPendingTransactionIsFoundAndSaysSoUntilItsBlockIsSealed() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode(StorageConfig.memory(), new ChainService.Sealing.Manual(),
        TxPoolConfig.DEFAULT); DevNodeClient client = new DevNodeClient(node)) {
      String rpc = "http://127.0.0.1:" + node.rpcPort();
      String hash = client.send(client.signedTransfer(2, 0, QueryTestChain.RECIPIENT, QueryTestChain.TRANSFER_WEI));

      CommandRun pending = CommandRun.of("query", "tx", hash, "--rpc", rpc);
      assertEquals(ExitCodes.OK, pending.exitCode(), pending.printed());
      assertEquals("pending: in the node's pool, not in a block yet", pending.keyValues().get("status"));
      assertTrue(pending.keyValues().containsKey("gas price (at most)"), pending.printed());
      CommandRun noReceiptYet = CommandRun.of("query", "receipt", hash, "--rpc", rpc);
      assertEquals(ExitCodes.NOT_FOUND, noReceiptYet.exitCode(), noReceiptYet.printed());
      assertEquals("error: receipt of " + hash + " not found (unknown, or still pending)\n", noReceiptYet.err());

      long number = node.chain().seal().join().block().header().number();
      CommandRun included = CommandRun.of("query", "tx", hash, "--rpc", rpc);
      assertTrue(included.keyValues().get("block").startsWith(number + " (0x"), included.printed());
      assertEquals(ExitCodes.OK, CommandRun.of("query", "receipt", hash, "--rpc", rpc).exitCode());
    }
  }

  @Test
  void anUnknownHashIsNotFoundAndAMalformedOneAUsageError() {
    String unknown = "0x" + "00".repeat(31) + "01";
    CommandRun notFound = chain.query("query", "tx", unknown);
    assertEquals(ExitCodes.NOT_FOUND, notFound.exitCode(), notFound.printed());
    assertEquals("error: transaction " + unknown + " not found\n", notFound.err());
    assertEquals("", notFound.out());

    for (String malformed : List.of("0x1234", chain.transferHash.substring(2), chain.transferHash + "00",
        chain.transferHash.replace('0', 'z'))) {
      CommandRun run = chain.query("query", "tx", malformed);
      assertEquals(ExitCodes.USAGE, run.exitCode(), run.printed());
      assertEquals("error: not a transaction hash: " + malformed + " (expected 0x and 64 hex digits)\n", run.err());
    }
  }
}
