package io.luxtensor.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.luxtensor.p2p.NetworkedNodes.Node;
import io.luxtensor.p2p.NetworkedNodes.Offline;
import io.luxtensor.testing.Await;
import io.luxtensor.testing.TestChains;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.Transaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nodes on loopback sockets gossip what they accept: a transaction sent to any node reaches every pool, the
 * validator's blocks and votes reach every node, and all end on the same head and finality.
 */
class NetworkGossipTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private final NetworkedNodes network = new NetworkedNodes();

  @AfterEach
  void close() throws Exception {
    network.close();
  }

  @Test
  void twoNodesShareTransactionsBlocksAndVotes() throws Exception {
    Node validator = network.start(true, List.of());
    Node follower = network.start(false, List.of(validator.address()));
    awaitConnected(1);

    Transaction tx = TestChains.transfer(0, 0, 1_000);
    follower.chain().submit(RecoveredTransaction.recover(tx)).get();
    Await.until("the follower's transaction reaches the validator's pool", DEADLINE,
        () -> validator.chain().pending(tx.hash()).isPresent());
    for (int i = 0; i < 3; i++) {
      TestChains.seal(validator.chain(), List.of());
    }
    awaitAgreement();
    assertEquals(0, follower.chain().status().pending(), "the included transaction left the follower's pool");
    assertEquals(tx.hash(), follower.database().block(follower.database().canonicalHash(1).orElseThrow())
        .orElseThrow().block().transactions().getFirst().hash(), "the follower imported the block holding it");
  }

  @Test
  void aPeerThatConnectsLaterIsOfferedTheTransactionsGossipedBefore() throws Exception {
    Node validator = network.start(true, List.of());
    Transaction tx = TestChains.transfer(1, 0, 2_000);
    validator.chain().submit(RecoveredTransaction.recover(tx)).get();
    Await.until("the transaction has gone out, to nobody yet", DEADLINE,
        () -> validator.network().transactionsFlushed() == 1);
    Node late = network.start(false, List.of(validator.address()));
    Await.until("the late peer's pool has it too", DEADLINE, () -> late.chain().pending(tx.hash()).isPresent());
  }

  @Test
  void fourNodesInALineReachEveryPoolAndAgree() throws Exception {
    Node validator = network.start(true, List.of());
    Node first = network.start(false, List.of(validator.address()));
    Node second = network.start(false, List.of(first.address()));
    Node third = network.start(false, List.of(second.address()));
    Await.until("every node has a peer", DEADLINE,
        () -> network.nodes().stream().allMatch(n -> n.network().peerCount() >= 1));

    List<Transaction> sent = new ArrayList<>();
    for (int account = 0; account < 4; account++) {
      Transaction tx = TestChains.transfer(account, 0, 100 + account);
      sent.add(tx);
      network.nodes().get(account).chain().submit(RecoveredTransaction.recover(tx)).get();
    }
    Await.until("every transaction reaches every pool", DEADLINE, () -> network.nodes().stream()
        .allMatch(n -> sent.stream().allMatch(tx -> n.chain().pending(tx.hash()).isPresent())), this::describe);
    for (int i = 0; i < 4; i++) {
      TestChains.seal(validator.chain(), List.of());
    }
    awaitAgreement();
    assertEquals(4, third.chain().head().latest().number());
    assertEquals(3, third.chain().head().finalized().number(), "the last block's vote reached the far end");
    network.nodes().forEach(n -> assertEquals(0, n.chain().status().pending(), "pools emptied by the block"));
  }

  @Test
  void aBlockGossipedDuringASyncIsCaughtUpWithThoughNoBlockFollows() throws Exception {
    Offline built = network.create(true);
    for (int i = 0; i < 100; i++) {
      TestChains.seal(built.chain(), List.of());
    }
    Node validator = network.start(built, List.of());
    Node late = network.start(false, List.of());
    AtomicBoolean sealed = new AtomicBoolean();
    late.network().onSyncChange(event -> {
      if (event.syncing() && sealed.compareAndSet(false, true)) {
        // On the late node's network context, as its sync begins: the block's announcement arrives during the sync.
        TestChains.seal(validator.chain(), List.of());
      }
    });
    late.network().addPeer(validator.address());
    Await.until("the late node reaches the block sealed while it synced", DEADLINE,
        () -> late.chain().head().latest().number() == 101, this::describe);
  }

  private void awaitConnected(int peers) {
    Await.until("every node has " + peers + " peers", DEADLINE,
        () -> network.nodes().stream().allMatch(n -> n.network().peerCount() == peers), this::describe);
  }

  private void awaitAgreement() {
    Node validator = network.nodes().getFirst();
    Await.until("every node reaches the validator's head and finality", DEADLINE, () -> network.nodes().stream()
        .allMatch(n -> n.chain().head().equals(validator.chain().head())), this::describe);
  }

  private String describe() {
    return network.nodes().stream().map(n -> "head " + n.chain().head().latest().number() + " finalized "
        + n.chain().head().finalized().number() + " peers " + n.network().peerCount() + " pending "
        + n.chain().status().pending()).collect(Collectors.joining("; "));
  }
}
