package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.p2p.NetworkConfig;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.Await;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.txpool.TxPoolConfig;
import io.reactivex.Flowable;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.EthSubscribe;
import org.web3j.protocol.websocket.WebSocketService;
import org.web3j.protocol.websocket.events.Notification;

/**
 * A node that joins late syncs and says so the ways clients watch it: a web3j {@code syncing} subscription sees the
 * sync start and end, {@code /metrics} counts the blocks it fetched, and {@code eth_syncing} is false once caught up.
 */
class NodeSyncReportingTest {
  private static final int BLOCKS = 300;
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final Pattern SYNCED_BLOCKS =
      Pattern.compile("(?m)^luxtensor_sync_blocks_total(?:\\{[^}]*})? (\\S+)$");

  /** web3j's notification shape with the result left as JSON, since web3j has no type for syncing events. */
  public static final class SyncingNotification extends Notification<JsonNode> {}

  @TempDir
  Path directory;
  private LuxtensorNode validator;
  private LuxtensorNode follower;

  @AfterEach
  void stop() {
    if (follower != null) {
      follower.close();
    }
    if (validator != null) {
      validator.close();
    }
  }

  @Test
  void aLateNodeReportsItsSyncThroughTheSubscriptionMetricsAndEthSyncing() throws Exception {
    GenesisSpec genesis = DevChain.genesis(new DevChain.Settings(DevChain.CHAIN_ID, DevChain.ACCOUNTS_DEFAULT,
        DevChain.BALANCE_DEFAULT, 0, System.currentTimeMillis() / 1000));
    validator = start(genesis, Optional.of(DevChain.validatorKeys()), "validator");
    for (int i = 0; i < BLOCKS; i++) {
      validator.chain().seal().get(10, TimeUnit.SECONDS);
    }
    follower = start(genesis, Optional.empty(), "follower");

    WebSocketService service = new WebSocketService("ws://127.0.0.1:" + follower.rpcPort(), false);
    service.connect();
    Web3j web3 = Web3j.build(service);
    try {
      BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
      Flowable<SyncingNotification> syncing = service.subscribe(
          new Request<>("eth_subscribe", List.of("syncing"), service, EthSubscribe.class), "eth_unsubscribe",
          SyncingNotification.class);
      syncing.subscribe(n -> events.add(n.getParams().getResult()));
      Await.until("the subscription is in place", DEADLINE, () -> follower.subscriptions().subscriptionCount() == 1);

      follower.network().orElseThrow().addPeer(validator.network().orElseThrow().address());

      JsonNode started = events.poll(DEADLINE.toSeconds(), TimeUnit.SECONDS);
      assertNotNull(started, "a syncing event when the sync starts");
      assertTrue(started.get("syncing").asBoolean(), started.toString());
      assertEquals("0x0", started.get("status").get("startingBlock").asText(), started.toString());
      assertEquals(BLOCKS, Long.decode(started.get("status").get("highestBlock").asText()), started.toString());
      JsonNode ended = events.poll(DEADLINE.toSeconds(), TimeUnit.SECONDS);
      assertNotNull(ended, "a syncing event when the sync ends");
      assertFalse(ended.get("syncing").asBoolean(), ended.toString());
      assertEquals(BLOCKS, Long.decode(ended.get("status").get("currentBlock").asText()), ended.toString());

      Await.until("the follower reaches the validator's head", DEADLINE,
          () -> follower.chain().head().latest().equals(validator.chain().head().latest()));
      assertFalse(web3.ethSyncing().send().isSyncing(), "eth_syncing is false once caught up");
      assertEquals(BigInteger.valueOf(BLOCKS), web3.ethBlockNumber().send().getBlockNumber());
      Matcher synced = SYNCED_BLOCKS.matcher(metrics(follower));
      assertTrue(synced.find(), "luxtensor_sync_blocks_total is exported");
      assertTrue(Double.parseDouble(synced.group(1)) >= BLOCKS - 2, "the blocks came by sync: " + synced.group(1));
    } finally {
      web3.shutdown();
    }
  }

  private LuxtensorNode start(GenesisSpec genesis, Optional<ValidatorKeys> key, String name) {
    P2pSettings p2p = P2pSettings.inDatadir(directory.resolve(name),
        NetworkConfig.defaults("127.0.0.1", 0, List.of()));
    return LuxtensorNode.start(new LuxtensorNode.Options(StorageConfig.memory(), genesis, false, key.stream().toList(),
        new ChainService.Sealing.Manual(), TestNodes.LOCAL_API, TxPoolConfig.DEFAULT, false, "test", List.of(),
        Optional.of(p2p)), System::currentTimeMillis);
  }

  private static String metrics(LuxtensorNode node) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + node.rpcPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    return response.body();
  }
}
