package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The follower against a node whose chain is reorganised while it follows. A real node reorganises only on a network
 * of several validators, and not on cue, so the node here is a scripted chain behind {@link RpcChannel}.
 */
class InclusionFollowerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Vertx vertx = Vertx.vertx();

  private record Seen(long number, List<String> hashes) {}

  @AfterEach
  void close() {
    vertx.close();
  }

  @Test
  void blocksReplacedByAReorganisationAreReadAgainFromTheFork() throws Exception {
    Map<Long, JsonNode> chain = new ConcurrentHashMap<>(Map.of(
        1L, block("0xa1", "0xa0", "0x01"),
        2L, block("0xa2", "0xa1", "0x02")));
    // When the follower first asks for block 3, block 2 has been replaced by a branch of two blocks.
    RpcChannel node = body -> {
      long number = Long.decode(read(body).path("params").path(0).asText());
      JsonNode answer = chain.get(number);
      if (number == 3 && !chain.containsKey(3L)) {
        chain.put(2L, block("0xb2", "0xa1", "0x03"));
        chain.put(3L, block("0xb3", "0xb2", "0x04"));
      }
      ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
      response.set("result", answer == null ? JSON.nullNode() : answer);
      return Future.succeededFuture(response);
    };
    List<Seen> seen = new CopyOnWriteArrayList<>();
    CompletableFuture<InclusionFollower> done = new CompletableFuture<>();
    vertx.runOnContext(start -> {
      InclusionFollower[] follower = new InclusionFollower[1];
      follower[0] = new InclusionFollower(vertx, node, 1, 1, (number, hashes, at) -> {
        seen.add(new Seen(number, hashes));
        if (number == 3) {
          follower[0].stop();
          done.complete(follower[0]);
        }
      });
      follower[0].start();
    });

    InclusionFollower follower = done.get(10, TimeUnit.SECONDS);

    assertEquals(List.of(new Seen(1, List.of("0x01")), new Seen(2, List.of("0x02")), new Seen(2, List.of("0x03")),
        new Seen(3, List.of("0x04"))), seen);
    assertEquals(1, follower.blocksReplaced());
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode block(String hash, String parentHash, String transaction) {
    ObjectNode block = JSON.createObjectNode().put("hash", hash).put("parentHash", parentHash);
    block.putArray("transactions").add(transaction);
    return block;
  }
}
