package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.chain.DevChain;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.types.Wei;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code luxtensor aot-training} (hidden): the workload a JVM records into an ahead-of-time cache (JDK 25's
 * {@code -XX:AOTCacheOutput}, see docs/operations.md), so later starts load and link these classes from the cache
 * instead of from the jar. It does what a node does when it starts or restarts: a two-validator network on
 * loopback with RocksDB and p2p finalizes blocks, takes transfers and reads over JSON-RPC, and one node is stopped
 * and started again on its data (replay and sync); then a dev node starts and takes a transfer. Everything happens
 * in a temporary directory, removed at the end.
 */
@Command(name = "aot-training", hidden = true, mixinStandardHelpOptions = true,
    description = "Run a short network workload in a temporary directory (training for a JVM's AOT cache).",
    footer = {"", "Example (JDK 25; ./luxtensor does this once per build):",
        "  java -XX:AOTCacheOutput=luxtensor.aot -jar luxtensor.jar aot-training"})
final class AotTrainingCommand implements Runnable {
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final int TRANSFERS = 3;

  @Override
  public void run() {
    Path directory = createTemporaryDirectory();
    try {
      trainNetwork(directory.resolve("testnet"));
      trainDevNode();
    } finally {
      delete(directory);
    }
  }

  private static void trainNetwork(Path testnet) {
    run("testnet", "--validators", "2", "--slot-ms", "250", "--base-port", "0", "--dir", testnet.toString());
    LuxtensorNode first = start(testnet.resolve("node0"));
    LuxtensorNode second = start(testnet.resolve("node1"));
    try {
      NodeClient client = client(first);
      awaitFinalizedAbove(client(second), 2);
      transfer(client);
      run("query", "head", "--rpc", url(first));
      run("bench", "rpc", "--rpc", url(first), "--rate", "200", "--warmup", "1", "--duration", "2");
      long finalized = finalizedNumber(client(second));
      second.close();
      second = start(testnet.resolve("node1"));
      awaitFinalizedAbove(client(second), finalized);
    } finally {
      second.close();
      first.close();
    }
  }

  private static void trainDevNode() {
    DevCommand options = new DevCommand();
    new CommandLine(options).parseArgs("--port", "0");
    try (LuxtensorNode node = DevCommand.start(options, new PrintStream(PrintStream.nullOutputStream()))) {
      transfer(client(node));
    }
  }

  private static LuxtensorNode start(Path nodeDirectory) {
    StartCommand command = new StartCommand();
    command.configFile = nodeDirectory.resolve("config.json");
    return command.startNode();
  }

  /** Transfers from the first dev account to the second, each awaited until its receipt. */
  private static void transfer(NodeClient node) {
    TransactionFiller filler = new TransactionFiller(node);
    long chainId = filler.chainId();
    List<DevChain.DevAccount> accounts = DevChain.accounts(2);
    ReceiptWaiter receipts = ReceiptWaiter.polling(node);
    for (int i = 0; i < TRANSFERS; i++) {
      var signed = filler.transfer(chainId, accounts.get(0).address(), accounts.get(1).address(), Wei.ofLux("1"))
          .sign(accounts.get(0).key());
      String hash = node.call("eth_sendRawTransaction", Hex.encode(signed.encode())).asText();
      WaitProgress progress = WaitProgress.on(new PrintWriter(System.err, true), false, "a receipt");
      receipts.await(hash, STEP_TIMEOUT, progress).orElseThrow(
          () -> new CliException(ExitCodes.FAILED, "no receipt for " + hash + " within " + STEP_TIMEOUT));
    }
  }

  private static void awaitFinalizedAbove(NodeClient node, long number) {
    long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
    while (finalizedNumber(node) <= number) {
      if (System.nanoTime() > deadline) {
        throw new CliException(ExitCodes.FAILED, "no block finalized past " + number + " within " + STEP_TIMEOUT);
      }
      try {
        Thread.sleep(POLL_INTERVAL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException(ExitCodes.FAILED, "interrupted while waiting for finality");
      }
    }
  }

  private static long finalizedNumber(NodeClient node) {
    JsonNode block = node.call("eth_getBlockByNumber", "finalized", false);
    return Hex.decodeQuantity(block.path("number").asText("0x0")).longValueExact();
  }

  private static void run(String... args) {
    int exit = Main.commandLine().execute(args);
    if (exit != 0) {
      throw new CliException(ExitCodes.FAILED, "luxtensor " + String.join(" ", args) + " exited with " + exit);
    }
  }

  private static NodeClient client(LuxtensorNode node) {
    return new NodeClient(url(node));
  }

  private static String url(LuxtensorNode node) {
    return "http://127.0.0.1:" + node.rpcPort();
  }

  private static Path createTemporaryDirectory() {
    try {
      return Files.createTempDirectory("luxtensor-aot-training");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory: " + e.getMessage(), e);
    }
  }

  private static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + directory + ": " + e.getMessage(), e);
    }
  }
}
