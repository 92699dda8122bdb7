package io.luxtensor.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.chain.DevChain;
import io.luxtensor.docs.examples.Web3jTransfer;
import io.luxtensor.node.ChainService;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.DevNodeClient;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.testing.TextMessages;
import io.luxtensor.txpool.TxPoolConfig;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * Runs every example of docs/getting-started.md against a real dev node on a free port, as a reader would: the web3j
 * class, the CLI script with bash, the ethers scripts with node, the raw eth_subscribe request. Each transfer is
 * checked to the wei: the recipient gets exactly 1.5 LUX, the sender pays exactly value + gasUsed x
 * effectiveGasPrice.
 */
class GettingStartedTest {
  private static final String DOC = "docs/getting-started.md";
  private static final String SENDER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
  private static final String RECIPIENT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  private static final BigInteger ONE_AND_A_HALF_LUX = new BigInteger("1500000000000000000");
  private static final Path ETHERS = EthersExamples.DIRECTORY;
  /** Four JVM starts and two scrypt unlocks (about a second each) on a shared machine. */
  private static final Duration CLI_SCRIPT_DEADLINE = Duration.ofSeconds(180);
  private static final Duration NODE_SCRIPT_DEADLINE = Duration.ofSeconds(60);
  private static final Duration NOTIFICATION_DEADLINE = Duration.ofSeconds(20);
  /** Blocks for subscribe.mjs to see without anyone sending transactions. */
  private static final long SUBSCRIBE_BLOCK_TIME_MS = 200;
  private static final Pattern HASH_LINE = Pattern.compile("(?m)^(?:Sent|hash) (0x[0-9a-f]{64})\\b");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path temp;

  private final LuxtensorNode node = TestNodes.devNode();
  private final String rpc = "http://127.0.0.1:" + node.rpcPort();
  private final Web3j web3 = Web3j.build(new HttpService(rpc));

  @AfterEach
  void stop() {
    web3.shutdown();
    node.close();
  }

  @Test
  void theWeb3jExampleMoves1Point5LuxAndTheSenderPaysValuePlusFee() throws Exception {
    Balances before = balances();
    TransactionReceipt receipt = Web3jTransfer.transfer(rpc);
    assertSettled(receipt.getTransactionHash(), before, "Web3jTransfer");
  }

  @Test
  void theCliScriptMoves1Point5LuxAndShowsTheBalanceAndTheReceipt() throws Exception {
    Balances before = balances();
    ExampleProcess run = ExampleProcess.run(Path.of("").toAbsolutePath(), Map.of("LUXTENSOR", luxtensorCommand().toString(),
        "LUXTENSOR_RPC", rpc, "TMPDIR", temp.toString()), CLI_SCRIPT_DEADLINE,
        executable("bash").toString(), "docs/examples/cli/transfer.sh");

    assertEquals(0, run.exitCode(), run::printed);
    String hash = hashPrinted(run);
    assertSettled(hash, before, run.printed());
    assertTrue(run.output().contains("\n10001.5 LUX\n"), () -> "the balance, in LUX: " + run.printed());
    assertTrue(run.output().contains("transaction          " + hash + "\nstatus               success\n"),
        () -> "the receipt: " + run.printed());
  }

  @Test
  void theEthersTransferMoves1Point5LuxAndPrintsTheNewBalance() throws Exception {
    Path nodeJs = EthersExamples.nodeJs();
    Balances before = balances();
    ExampleProcess run = ExampleProcess.run(ETHERS, Map.of("LUXTENSOR_RPC", rpc), NODE_SCRIPT_DEADLINE,
        nodeJs.toString(), "transfer.mjs");

    assertEquals(0, run.exitCode(), run::printed);
    assertSettled(hashPrinted(run), before, run.printed());
    assertTrue(run.output().contains("balance of " + RECIPIENT + ": 10001.5 LUX\n"), run::printed);
  }

  @Test
  void theEthersSubscriberPrintsTheNextThreeBlockNumbersAndExits() throws Exception {
    Path nodeJs = EthersExamples.nodeJs();
    try (LuxtensorNode ticking = TestNodes.devNode(StorageConfig.memory(), new ChainService.Sealing.EverySlot(),
        TxPoolConfig.DEFAULT, SUBSCRIBE_BLOCK_TIME_MS)) {
      ExampleProcess run = ExampleProcess.run(ETHERS, Map.of("LUXTENSOR_RPC", "http://127.0.0.1:" + ticking.rpcPort()),
          NODE_SCRIPT_DEADLINE, nodeJs.toString(), "subscribe.mjs");

      assertEquals(0, run.exitCode(), run::printed);
      List<Long> numbers = new ArrayList<>();
      for (String line : run.output().lines().toList()) {
        assertTrue(line.matches("block \\d+"), () -> "only block lines: " + run.printed());
        numbers.add(Long.parseLong(line.substring("block ".length())));
      }
      assertEquals(3, numbers.size(), run::printed);
      assertTrue(numbers.get(0) < numbers.get(1) && numbers.get(1) < numbers.get(2), run::printed);
      assertTrue(numbers.get(2) <= ticking.chain().head().latest().number(), "blocks the node made: " + run.printed());
    }
  }

  @Test
  void theRawNewHeadsRequestAnswersWithAnIdThenAnnouncesTheNextBlock() throws Exception {
    BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    HttpClient http = HttpClient.newHttpClient();
    WebSocket socket = http.newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + node.rpcPort()), new TextMessages(messages))
        .get(NOTIFICATION_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    try {
      socket.sendText(Docs.read("docs/examples/websocket/new-heads.json").strip(), true);
      JsonNode answer = next(messages);
      assertEquals(1, answer.path("id").asInt(), answer.toString());
      String id = answer.path("result").asText();
      assertTrue(id.matches("0x[0-9a-f]{1,32}"), answer.toString());

      try (DevNodeClient client = new DevNodeClient(node)) {
        client.sendAndAwaitInclusion(client.signedDynamicTransfer(0, 0, RECIPIENT, ONE_AND_A_HALF_LUX));
      }
      JsonNode notification = next(messages);
      assertEquals("eth_subscription", notification.path("method").asText(), notification.toString());
      assertEquals(id, notification.path("params").path("subscription").asText(), notification.toString());
      assertEquals("0x1", notification.path("params").path("result").path("number").asText(),
          notification.toString());
    } finally {
      socket.abort();
      http.close();
    }
  }

  @Test
  void theDocShowsTheAccountsKeysAndChainIdTheDevNodePrints() {
    String doc = Docs.read(DOC);
    Matcher account = Pattern.compile("(?m)^\\((\\d+)\\) (0x\\w+)\\n    private key (0x\\w+)$").matcher(doc);
    List<DevChain.DevAccount> accounts = DevChain.accounts(DevChain.ACCOUNTS_DEFAULT);
    int shown = 0;
    while (account.find()) {
      DevChain.DevAccount expected = accounts.get(Integer.parseInt(account.group(1)));
      assertEquals(expected.address().toChecksumHex(), account.group(2), account.group());
      assertEquals(Numeric.toHexString(expected.key().toBytes()), account.group(3), account.group());
      shown++;
    }
    assertEquals(DevChain.ACCOUNTS_DEFAULT, shown, "every dev account is shown with its key");
    assertTrue(doc.contains("(chain id " + DevChain.CHAIN_ID + ")"), "the banner's chain id");
    assertTrue(doc.contains("Validator " + DevChain.validatorKeys().address().toChecksumHex() + " seals"),
        "the banner's validator");
    assertTrue(doc.contains("Available accounts (10000 LUX each), mnemonic: " + DevChain.MNEMONIC),
        "the banner's balance and mnemonic");
  }

  @Test
  void theDocAsksForTheWeb3jVersionTheExampleIsTestedWith() {
    Matcher property = Pattern.compile("<web3j.version>([^<]+)</web3j.version>").matcher(Docs.read("pom.xml"));
    assertTrue(property.find(), "pom.xml names web3j's version");
    assertTrue(Docs.read(DOC).contains("<artifactId>core</artifactId>\n  <version>" + property.group(1)
        + "</version>"), "docs/getting-started.md should ask for org.web3j:core " + property.group(1));
  }

  /** The balances of the examples' sender and recipient. */
  private record Balances(BigInteger sender, BigInteger recipient) {}

  private Balances balances() throws Exception {
    return new Balances(balance(SENDER), balance(RECIPIENT));
  }

  private BigInteger balance(String address) throws Exception {
    return web3.ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
  }

  /** The transfer {@code hash} succeeded, moved exactly 1.5 LUX, and cost its sender exactly value + fee. */
  private void assertSettled(String hash, Balances before, String context) throws Exception {
    TransactionReceipt receipt = web3.ethGetTransactionReceipt(hash).send().getTransactionReceipt()
        .orElseThrow(() -> new AssertionError("no receipt for " + hash + ": " + context));
    assertTrue(receipt.isStatusOK(), context);
    assertEquals(SENDER.toLowerCase(), receipt.getFrom().toLowerCase(), context);
    assertEquals(RECIPIENT.toLowerCase(), receipt.getTo().toLowerCase(), context);
    BigInteger fee = receipt.getGasUsed().multiply(Numeric.decodeQuantity(receipt.getEffectiveGasPrice()));
    assertEquals(before.recipient().add(ONE_AND_A_HALF_LUX), balance(RECIPIENT),
        () -> "the recipient gets exactly 1.5 LUX: " + context);
    assertEquals(before.sender().subtract(ONE_AND_A_HALF_LUX).subtract(fee), balance(SENDER),
        () -> "the sender pays exactly value + gasUsed x effectiveGasPrice: " + context);
  }

  private static String hashPrinted(ExampleProcess run) {
    Matcher hash = HASH_LINE.matcher(run.output());
    assertTrue(hash.find(), () -> "a transaction hash: " + run.printed());
    return hash.group(1);
  }

  /** {@code luxtensor} as the reader runs it, from this build's classes: no jar is built or needed. */
  private Path luxtensorCommand() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path arguments = Files.writeString(temp.resolve("java.args"),
        "-cp \"" + System.getProperty("java.class.path") + "\"\n");
    Path command = Files.writeString(temp.resolve("luxtensor"),
        "#!/bin/sh\nexec '" + java + "' '@" + arguments + "' io.luxtensor.cli.Main \"$@\"\n");
    assertTrue(command.toFile().setExecutable(true), "chmod +x " + command);
    return command;
  }

  private static Path executable(String name) {
    return ExampleProcess.onPath(name).orElseGet(() -> fail(name + " is not on the PATH: the examples of " + DOC
        + " need bash, and Node.js >= 18 with npm (apt-get install nodejs npm; .ci/run installs them)"));
  }

  private static JsonNode next(BlockingQueue<String> messages) throws Exception {
    String message = messages.poll(NOTIFICATION_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    if (message == null) {
      throw new AssertionError("no message within " + NOTIFICATION_DEADLINE);
    }
    return JSON.readTree(message);
  }
}
