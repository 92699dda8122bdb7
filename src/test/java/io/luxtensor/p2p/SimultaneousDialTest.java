package io.luxtensor.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.node.ChainService.CanonicalHead;
import io.luxtensor.p2p.NetworkedNodes.Node;
import io.luxtensor.p2p.NetworkedNodes.Offline;
import io.luxtensor.p2p.transport.NodeAddress;
import io.luxtensor.testing.Await;
import io.luxtensor.testing.TestChains;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes that dial each other at the same moment, as two restarted nodes of a testnet do: each sees a second
 * connection with the same peer and must close one of them, and both must close the same one.
 */
class SimultaneousDialTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final int BLOCKS = 5;
  /** Holds back the first answer to each dialer, so on both nodes the peer's connection is ready before its own. */
  private static final long ANSWER_DELAY_MS = 300;

  private final NetworkedNodes network = new NetworkedNodes();

  @AfterEach
  void close() throws Exception {
    network.close();
  }

  @Test
  void nodesDialingEachOtherAtOnceKeepTheConnectionTheLowerIdDialedAndSync() throws Exception {
    Offline producer = network.create(true);
    for (int i = 0; i < BLOCKS; i++) {
      TestChains.seal(producer.chain(), List.of(TestChains.transfer(0, i, 1_000 + i)));
    }
    CanonicalHead head = producer.chain().head();
    Node first = network.start(producer, List.of());
    Node second = network.start(false, List.of());

    DialGate gate = new DialGate(network.vertx(), 2);
    int toSecond = gate.relayTo(second.address().port());
    int toFirst = gate.relayTo(first.address().port());
    first.network().addPeer(new NodeAddress(second.address().key(), "127.0.0.1", toSecond));
    second.network().addPeer(new NodeAddress(first.address().key(), "127.0.0.1", toFirst));

    Await.until("the second node syncs the first's blocks over the connection they keep", DEADLINE,
        () -> second.chain().head().latest().equals(head.latest()),
        () -> "second at block " + second.chain().head().latest().number() + ", links open " + gate.open()
            + ", peers " + first.network().peerCount() + " and " + second.network().peerCount());
    boolean firstIsLower = first.network().peerId().compareTo(second.network().peerId()) < 0;
    int keptLink = firstIsLower ? 0 : 1;
    Await.until("the connection the higher id dialed closes", DEADLINE, () -> !gate.open().get(1 - keptLink),
        () -> "links open " + gate.open());
    assertTrue(gate.open().get(keptLink), "the connection the lower id dialed stays open: " + gate.open());
    assertFalse(gate.open().get(1 - keptLink));
    assertEquals(1, first.network().peerCount());
    assertEquals(1, second.network().peerCount());
  }

  /**
   * Relays loopback TCP to targets, holding every dialer until {@code expected} have dialed, so their handshakes
   * start together. Link {@code i} is the {@code i}-th relay made; {@link #open()} says which links are still open.
   */
  private static final class DialGate {
    private final Vertx vertx;
    private final NetClient client;
    private final int expected;
    private final List<Runnable> waiting = new ArrayList<>();
    private final List<CompletableFuture<Void>> closed = new ArrayList<>();
    private final AtomicInteger arrived = new AtomicInteger();

    DialGate(Vertx vertx, int expected) {
      this.vertx = vertx;
      this.client = vertx.createNetClient();
      this.expected = expected;
    }

    /** A port that relays to {@code targetPort}, as link number {@code closed.size()}. */
    int relayTo(int targetPort) throws Exception {
      CompletableFuture<Void> linkClosed = new CompletableFuture<>();
      closed.add(linkClosed);
      NetServer server = vertx.createNetServer().connectHandler(dialer -> {
        dialer.pause();
        synchronized (waiting) {
          waiting.add(() -> relay(dialer, targetPort, linkClosed));
          if (arrived.incrementAndGet() == expected) {
            waiting.forEach(Runnable::run);
          }
        }
      });
      return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get().actualPort();
    }

    List<Boolean> open() {
      return closed.stream().map(c -> !c.isDone()).toList();
    }

    private void relay(NetSocket dialer, int targetPort, CompletableFuture<Void> linkClosed) {
      client.connect(targetPort, "127.0.0.1").onSuccess(target -> {
        List<Buffer> heldBack = new ArrayList<>();
        boolean[] released = {false};
        target.handler(data -> {
          if (released[0]) {
            dialer.write(data);
          } else {
            heldBack.add(data);
          }
        });
        vertx.setTimer(ANSWER_DELAY_MS, id -> {
          heldBack.forEach(dialer::write);
          released[0] = true;
        });
        target.closeHandler(v -> {
          dialer.close();
          linkClosed.complete(null);
        });
        dialer.closeHandler(v -> {
          target.close();
          linkClosed.complete(null);
        });
        dialer.handler(target::write);
        dialer.resume();
      }).onFailure(e -> {
        dialer.close();
        linkClosed.complete(null);
      });
    }
  }
}
