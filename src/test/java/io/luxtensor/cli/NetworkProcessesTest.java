package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Hex;
import io.luxtensor.testing.Await;
import io.luxtensor.testing.TestChains;
import io.luxtensor.types.Transaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * Two {@code luxtensor start} processes on loopback form a network: the validator's blocks reach the follower, and a
 * transaction sent to the follower's JSON-RPC reaches the validator's pool and a block.
 */
class NetworkProcessesTest {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final Path REPOSITORY = Path.of("").toAbsolutePath();
  private static final Pattern RPC = Pattern.compile("JSON-RPC listening on (http://\\S+)");
  private static final Pattern ADDRESS = Pattern.compile("this node's address: (lux://\\S+)");
  private static final Pattern FOLLOWING = Pattern.compile("(no validator key: following the chain)");

  @TempDir
  Path directory;
  private final List<NodeProcess> processes = new ArrayList<>();
  private final List<Web3j> clients = new ArrayList<>();

  /** A started node: its process and every line it printed. */
  private record NodeProcess(Process process, List<String> lines) {
    Optional<String> find(Pattern pattern) {
      for (String line : lines) {
        Matcher matcher = pattern.matcher(line);
        if (matcher.find()) {
          return Optional.of(matcher.group(1));
        }
      }
      return Optional.empty();
    }

    String await(Pattern pattern) {
      Await.until("the node prints " + pattern, DEADLINE, () -> find(pattern).isPresent() || !process.isAlive(),
          () -> String.join("\n", lines));
      return find(pattern).orElseThrow(() -> new AssertionError("the node stopped:\n" + String.join("\n", lines)));
    }
  }

  @AfterEach
  void stop() throws InterruptedException {
    clients.forEach(Web3j::shutdown);
    for (NodeProcess node : processes) {
      node.process().destroy();
    }
    for (NodeProcess node : processes) {
      node.process().waitFor();
    }
  }

  @Test
  void aFollowerProcessImportsTheValidatorsBlocksAndForwardsTransactions() throws Exception {
    NodeProcess validator = start("validator", "\"validator\": {\"keystore\": \"" + config("dev-validator.json")
        + "\", \"passwordFile\": \"" + config("dev-validator.password") + "\"},");
    String validatorAddress = validator.await(ADDRESS);
    Web3j validatorRpc = client(validator.await(RPC));
    // The follower learns the validator from the command line, as an operator would give it.
    NodeProcess follower = start("follower", "", "--bootnodes", validatorAddress);
    Web3j followerClient = client(follower.await(RPC));
    follower.await(ADDRESS);
    assertTrue(validator.find(FOLLOWING).isEmpty(), "the validator validates");
    assertTrue(follower.find(FOLLOWING).isPresent(), "the follower says it follows");

    Await.until("the follower has a peer and blocks", DEADLINE,
        () -> peers(followerClient) == 1 && number(followerClient) >= 2, () -> String.join("\n", follower.lines()));
    long shared = number(followerClient);
    assertEquals(block(validatorRpc, shared).getHash(), block(followerClient, shared).getHash(),
        "both nodes hold the same block " + shared);

    Transaction transfer = TestChains.transfer(0, 0, 12_345);
    String hash = followerClient.ethSendRawTransaction(Hex.encode(transfer.encode())).send().getTransactionHash();
    assertEquals(transfer.hash().toString(), hash);
    Await.until("the validator includes the follower's transaction and the follower imports it", DEADLINE,
        () -> receipt(followerClient, hash).isPresent());
    TransactionReceipt receipt = receipt(followerClient, hash).orElseThrow();
    assertTrue(receipt.isStatusOK());
    assertEquals(block(validatorRpc, receipt.getBlockNumber().longValueExact()).getHash(), receipt.getBlockHash());
  }

  private NodeProcess start(String name, String validatorSection, String... arguments) throws IOException {
    Path home = Files.createDirectories(directory.resolve(name));
    Path configFile = Files.writeString(home.resolve("config.json"), "{\"datadir\": \"data\", \"genesis\": \""
        + config("genesis-dev.json") + "\", " + validatorSection
        + " \"api\": {\"host\": \"127.0.0.1\", \"port\": 0}, \"p2p\": {\"host\": \"127.0.0.1\", \"port\": 0}}");
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "start", "--config", configFile.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread.ofVirtual().start(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line; (line = reader.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("(output ended: " + e.getMessage() + ")");
      }
    });
    NodeProcess node = new NodeProcess(process, lines);
    processes.add(node);
    return node;
  }

  private static String config(String file) {
    return REPOSITORY.resolve("config").resolve(file).toString();
  }

  private Web3j client(String url) {
    Web3j client = Web3j.build(new HttpService(url));
    clients.add(client);
    return client;
  }

  private static long peers(Web3j client) {
    try {
      return client.netPeerCount().send().getQuantity().longValueExact();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long number(Web3j client) {
    try {
      return client.ethBlockNumber().send().getBlockNumber().longValueExact();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static EthBlock.Block block(Web3j client, long number) throws IOException {
    return client.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false).send()
        .getBlock();
  }

  private static Optional<TransactionReceipt> receipt(Web3j client, String hash) {
    try {
      return client.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
