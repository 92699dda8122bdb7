package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.testing.DevNodeClient;
import io.luxtensor.testing.TestNodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * A dev node with something to query: block 1 holds an EIP-1559 transfer of 1.5 LUX from dev account 0 to
 * {@link #RECIPIENT}, block 2 a legacy ping of the ChainInfo system contract from dev account 1 (one Pinged log).
 * Expected values are read back over JSON-RPC by plain HTTP and web3j, not through the CLI's own client.
 */
final class QueryTestChain implements AutoCloseable {
  static final String RECIPIENT = "0x000000000000000000000000000000000000beef";
  static final BigInteger TRANSFER_WEI = new BigInteger("1500000000000000000");
  private static final ObjectMapper JSON = new ObjectMapper();

  final LuxtensorNode node;
  final DevNodeClient client;
  final String transferHash;
  final StoredBlock transferBlock;
  final String pingHash;
  final StoredBlock pingBlock;
  private final HttpClient http = HttpClient.newHttpClient();

  private QueryTestChain(LuxtensorNode node, DevNodeClient client, String transferHash, StoredBlock transferBlock,
      String pingHash, StoredBlock pingBlock) {
    this.node = node;
    this.client = client;
    this.transferHash = transferHash;
    this.transferBlock = transferBlock;
    this.pingHash = pingHash;
    this.pingBlock = pingBlock;
  }

  static QueryTestChain start() throws Exception {
    LuxtensorNode node = TestNodes.devNode();
    DevNodeClient client = new DevNodeClient(node);
    try {
      String transfer = client.signedDynamicTransfer(0, 0, RECIPIENT, TRANSFER_WEI);
      StoredBlock transferBlock = client.sendAndAwaitInclusion(transfer);
      String ping = client.signedPing(1, 0, (byte) 7);
      StoredBlock pingBlock = client.sendAndAwaitInclusion(ping);
      return new QueryTestChain(node, client, transferBlock.block().transactions().get(0).hash().toHex(),
          transferBlock, pingBlock.block().transactions().get(0).hash().toHex(), pingBlock);
    } catch (Exception | AssertionError e) {
      client.close();
      node.close();
      throw e;
    }
  }

  String url() {
    return "http://127.0.0.1:" + node.rpcPort();
  }

  /** {@code luxtensor ARGS --rpc URL} against this node. */
  CommandRun query(String... args) {
    return CommandRun.of(Stream.concat(Arrays.stream(args), Stream.of("--rpc", url())).toArray(String[]::new));
  }

  /** The node's JSON-RPC result for {@code method} with {@code params} (a JSON array), by plain HTTP. */
  JsonNode rpc(String method, String params) {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    return post("/", body).get("result");
  }

  /** The data of a GraphQL query, by plain HTTP. */
  JsonNode graphQl(String query) {
    return post("/graphql", JSON.createObjectNode().put("query", query).toString()).get("data");
  }

  private JsonNode post(String path, String body) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + path))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Parses what a {@code --json} command printed. */
  static JsonNode json(CommandRun run) {
    try {
      return JSON.readTree(run.out());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + run.printed(), e);
    }
  }

  @Override
  public void close() {
    client.close();
    node.close();
  }
}
