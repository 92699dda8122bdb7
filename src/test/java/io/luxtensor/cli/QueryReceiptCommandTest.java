package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.testing.DevNodeClient;
import io.luxtensor.types.Address;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;
import picocli.CommandLine;

/** {@code luxtensor query receipt}: status, gas, fee and the ChainInfo ping's log; JSON; exit codes. */
class QueryReceiptCommandTest {
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
  void thePingsReceiptShowsItsFeeAndLogAsJsonRpcDescribesThem() throws Exception {
    CommandRun run = chain.query("query", "receipt", chain.pingHash);
    assertEquals(ExitCodes.OK, run.exitCode(), run.printed());

    TransactionReceipt expected = chain.client.web3().ethGetTransactionReceipt(chain.pingHash).send()
        .getTransactionReceipt().orElseThrow();
    Map<String, String> shown = run.keyValues();
    assertEquals(chain.pingHash, shown.get("transaction"));
    assertEquals("success", shown.get("status"));
    assertEquals(expected.getBlockNumber() + " (" + expected.getBlockHash() + ")", shown.get("block"));
    assertEquals(Address.fromHex(expected.getFrom()).toChecksumHex(), shown.get("from"));
    assertEquals(expected.getGasUsed().toString(), shown.get("gas used"));
    assertEquals(expected.getCumulativeGasUsed().toString(), shown.get("cumulative gas used"));
    BigInteger gasPrice = Numeric.decodeQuantity(expected.getEffectiveGasPrice());
    BigInteger feeWei = expected.getGasUsed().multiply(gasPrice);
    assertEquals(Wei.of(feeWei).toLuxString() + " LUX", shown.get("fee"));

    Log log = expected.getLogs().get(0);
    assertEquals("1", shown.get("logs"));
    assertEquals(Address.fromHex(DevNodeClient.CHAIN_INFO).toChecksumHex(), shown.get("log 0 address"));
    assertEquals(DevNodeClient.PINGED_TOPIC, shown.get("log 0 topic 0"));
    assertEquals(log.getTopics(), List.of(shown.get("log 0 topic 0"), shown.get("log 0 topic 1")));
    assertFalse(shown.containsKey("log 0 topic 2"), "Pinged(address indexed, bytes32, uint256): two topics");
    assertTrue(shown.get("log 0 data").startsWith(log.getData() + " ("), shown.get("log 0 data"));

    Map<String, String> inWei = chain.query("query", "receipt", chain.pingHash, "--wei").keyValues();
    assertEquals(gasPrice + " wei", inWei.get("effective gas price"));
    assertEquals(feeWei + " wei", inWei.get("fee"));
  }

  @Test
  void jsonIsTheNodesAnswer() {
    for (String hash : List.of(chain.transferHash, chain.pingHash)) {
      CommandRun run = chain.query("query", "receipt", hash, "--json");
      assertEquals(ExitCodes.OK, run.exitCode(), run.printed());
      assertEquals(chain.rpc("eth_getTransactionReceipt", "[\"" + hash + "\"]"), QueryTestChain.json(run));
    }
  }

  @Test
  void theStatusIsColouredOnlyWhenTheCommandLineIsColoured() {
    CommandRun plain = CommandRun.of(CommandLine.Help.Ansi.OFF, "query", "receipt", chain.pingHash, "--rpc",
        chain.url());
    assertFalse(plain.out().contains("\u001b["), plain.printed());
    CommandRun coloured = CommandRun.of(CommandLine.Help.Ansi.ON, "query", "receipt", chain.pingHash, "--rpc",
        chain.url());
    assertTrue(coloured.out().contains("\u001b[32msuccess\u001b[0m"), coloured.printed());
  }

  @Test
  void anUnknownHashIsNotFoundAndAMalformedOneAUsageError() {
    String unknown = "0x" + "00".repeat(31) + "02";
    CommandRun notFound = chain.query("query", "receipt", unknown, "--json");
    assertEquals(ExitCodes.NOT_FOUND, notFound.exitCode(), notFound.printed());
    assertEquals("error: receipt of " + unknown + " not found (unknown, or still pending)\n", notFound.err());
    assertEquals("", notFound.out());

    CommandRun malformed = chain.query("query", "receipt", "0xabc");
    assertEquals(ExitCodes.USAGE, malformed.exitCode(), malformed.printed());
    assertEquals("error: not a transaction hash: 0xabc (expected 0x and 64 hex digits)\n", malformed.err());
  }
}
