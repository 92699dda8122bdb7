package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.bytes.Hex;
import io.luxtensor.chain.DevChain;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.types.Address;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code luxtensor bench tps} run in-process against a real dev node, and the chain read back afterwards. */
class BenchTpsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SEED = 7;

  @ParameterizedTest(name = "type {0}")
  @ValueSource(ints = {0, 1, 2})
  void everyTransferIsSubmittedIncludedAndOnChain(int type) throws Exception {
    try (LuxtensorNode node = TestNodes.devNode()) {
      CommandRun run = CommandRun.of("bench", "tps", "--rpc", url(node), "--senders", "10", "--txs", "200",
          "--type", Integer.toString(type), "--seed", Long.toString(SEED), "--batch", "30", "--json");

      assertEquals(ExitCodes.OK, run.exitCode(), run.printed());
      JsonNode result = JSON.readTree(run.out());
      assertEquals(200, result.get("submitted").asInt(), run.printed());
      assertEquals(200, result.get("accepted").asInt(), run.printed());
      assertEquals(200, result.get("included").asInt(), run.printed());
      assertEquals(0, result.get("rejected").asInt(), run.printed());
      assertEquals(0, result.get("notIncluded").asInt(), run.printed());
      assertEquals(0, result.get("rejections").size(), run.printed());
      assertEquals(10, result.get("funded").asInt(), "every fresh sender was funded: " + run.printed());
      assertTrue(result.get("includedPerSecond").asDouble() > 0, run.printed());
      assertTrue(result.get("inclusionMs").get("p99").asDouble() >= result.get("inclusionMs").get("p50").asDouble());
      assertTrue(run.err().contains("bench tps: 200 type-" + type + " transfers from 10 senders over 4 HTTP "
          + "connections in batches of 30, as fast as possible (window 320)"), run.printed());
      if (Files.isDirectory(Path.of("/proc"))) {
        assertEquals(ProcessHandle.current().pid(), result.get("node").get("pid").asLong(),
            "the node listening on the port is this JVM: " + run.printed());
        assertTrue(result.get("node").get("rssMiB").asDouble() > 0, run.printed());
      }

      NodeClient chain = new NodeClient(url(node));
      for (int sender = 0; sender < 10; sender++) {
        Address address = Address.of(BenchTransfers.senderKey(SEED, sender).publicKey());
        assertEquals(20, quantity(chain.call("eth_getTransactionCount", address.toHex(), "latest")),
            "sender " + sender + " sent its share");
      }
      for (int transfer = 0; transfer < 200; transfer++) {
        assertEquals(1, quantity(chain.call("eth_getBalance", BenchTransfers.recipient(SEED, transfer).toHex(),
            "latest")), "recipient of transfer " + transfer);
      }
      JsonNode firstBlock = chain.call("eth_getBlockByNumber", Hex.encodeQuantity(result.get("firstBlock").asLong()),
          true);
      assertEquals(Hex.encodeQuantity(type), firstBlock.get("transactions").get(0).get("type").asText());
    }
  }

  @Test
  void unfundedSendersAreRefusedAndTheRefusalsCountedByReason() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode()) {
      CommandRun run = CommandRun.of("bench", "tps", "--rpc", url(node), "--senders", "5", "--txs", "50",
          "--no-fund", "--json");

      assertEquals(ExitCodes.FAILED, run.exitCode(), run.printed());
      JsonNode result = JSON.readTree(run.out());
      assertEquals(50, result.get("submitted").asInt(), run.printed());
      assertEquals(50, result.get("rejected").asInt(), run.printed());
      assertEquals(0, result.get("included").asInt(), run.printed());
      assertEquals(0, result.get("funded").asInt(), run.printed());
      JsonNode reasons = result.get("rejections");
      assertEquals(1, reasons.size(), run.printed());
      assertEquals("insufficient funds for gas * price + value", reasons.get(0).get("reason").asText());
      assertEquals(50, reasons.get(0).get("count").asInt());
      assertTrue(reasons.get(0).get("example").asText().startsWith("insufficient funds for gas * price + value: "),
          run.printed());
      assertTrue(run.err().contains("; rejected: insufficient funds for gas * price + value (50)"), run.printed());
    }
  }

  @Test
  void aSecondRunWithTheSameSeedGoesOnFromTheSendersNoncesAndTopsThemUp() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode()) {
      String[] args = {"bench", "tps", "--rpc", url(node), "--senders", "4", "--txs", "40", "--json"};
      assertEquals(ExitCodes.OK, CommandRun.of(args).exitCode());
      CommandRun again = CommandRun.of(args);

      assertEquals(ExitCodes.OK, again.exitCode(), again.printed());
      assertEquals(40, JSON.readTree(again.out()).get("included").asInt(), again.printed());
      NodeClient chain = new NodeClient(url(node));
      for (int sender = 0; sender < 4; sender++) {
        Address address = Address.of(BenchTransfers.senderKey(1, sender).publicKey());
        assertEquals(20, quantity(chain.call("eth_getTransactionCount", address.toHex(), "latest")));
      }
    }
  }

  @Test
  void overWebSocketsPacedItIncludesEveryTransfer() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode()) {
      CommandRun run = CommandRun.of("bench", "tps", "--rpc", url(node), "--ws", "--senders", "5", "--txs", "100",
          "--rate", "500", "--connections", "2", "--json");

      assertEquals(ExitCodes.OK, run.exitCode(), run.printed());
      JsonNode result = JSON.readTree(run.out());
      assertEquals("websocket", result.get("transport").asText());
      assertEquals("ws://127.0.0.1:" + node.rpcPort() + "/", result.get("url").asText());
      assertEquals(500, result.get("rate").asInt());
      assertEquals(100, result.get("included").asInt(), run.printed());
      assertEquals(0, result.get("followErrors").asInt(), run.printed());
      assertTrue(run.err().contains("over 2 WebSocket connections in batches of 100, 500/s"), run.printed());
    }
  }

  @Test
  void aKeystoreKeyCanFundTheSenders(@TempDir Path directory) throws Exception {
    WalletCli wallet = new WalletCli(directory);
    assertEquals(ExitCodes.OK, wallet.importMnemonic("payer", DevChain.MNEMONIC, 3, directory).exitCode());
    try (LuxtensorNode node = TestNodes.devNode()) {
      CommandRun run = CommandRun.of("bench", "tps", "--rpc", url(node), "--senders", "3", "--txs", "30",
          "--funder", "payer", "--keystore", wallet.keystore().toString(), "--password-file",
          wallet.passwordFile().toString());

      assertEquals(ExitCodes.OK, run.exitCode(), run.printed());
      String payer = DevChain.accounts(4).get(3).address().toHex();
      assertEquals(3, quantity(new NodeClient(url(node)).call("eth_getTransactionCount", payer, "latest")),
          "one funding transfer a sender, from the keystore key");
    }
  }

  @Test
  void anUnreachableNodeExitsWithThree() {
    CommandRun run = CommandRun.of("bench", "tps", "--rpc", "http://127.0.0.1:1", "--txs", "10", "--senders", "1");
    assertEquals(ExitCodes.UNREACHABLE, run.exitCode(), run.printed());
  }

  @Test
  void optionsOutOfBoundsAreUsageErrorsBeforeTheNodeIsAsked() {
    List<List<String>> bad = List.of(List.of("--senders", "0"), List.of("--senders", "10001", "--txs", "20000"),
        List.of("--txs", "0"), List.of("--txs", "1000001"), List.of("--senders", "20", "--txs", "10"),
        List.of("--rate", "0"), List.of("--rate", "100001"), List.of("--type", "3"), List.of("--batch", "0"),
        List.of("--batch", "1025"), List.of("--connections", "0"), List.of("--batch", "100", "--window", "99"),
        List.of("--max-fee", "0"), List.of("--timeout", "0"), List.of("--funder-index", "1000"),
        List.of("--no-fund", "--funder", "alice"), List.of("--rpc", "ftp://127.0.0.1:1"), List.of("--pid", "0"),
        List.of("--password", "secret"), List.of("--txs", "many"));
    for (List<String> options : bad) {
      List<String> args = new ArrayList<>(List.of("bench", "tps"));
      args.addAll(options.contains("--rpc") ? List.of() : List.of("--rpc", "http://127.0.0.1:1"));
      args.addAll(options);
      CommandRun run = CommandRun.of(args.toArray(String[]::new));
      assertEquals(ExitCodes.USAGE, run.exitCode(), options + "\n" + run.printed());
    }
    CommandRun help = CommandRun.of("bench", "tps", "--help");
    assertEquals(ExitCodes.OK, help.exitCode());
    assertTrue(help.out().contains("--senders=K") && help.out().contains("--ws"), help.out());
  }

  private static String url(LuxtensorNode node) {
    return "http://127.0.0.1:" + node.rpcPort();
  }

  private static long quantity(JsonNode answer) {
    return new BigInteger(answer.asText().substring(2), 16).longValueExact();
  }
}
