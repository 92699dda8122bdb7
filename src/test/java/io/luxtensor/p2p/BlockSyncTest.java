package io.luxtensor.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.chain.DevChain;
import io.luxtensor.node.ChainService;
import io.luxtensor.node.ChainService.CanonicalHead;
import io.luxtensor.p2p.NetworkedNodes.Node;
import io.luxtensor.p2p.NetworkedNodes.Offline;
import io.luxtensor.p2p.ScriptedPeer.Behaviour;
import io.luxtensor.p2p.message.Message.Status;
import io.luxtensor.testing.Await;
import io.luxtensor.testing.TestChains;
import io.luxtensor.types.Transaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node that joins late downloads the chain from several peers at once and ends on the same head and state as they
 * are, even when some of its peers serve corrupt bodies, stall, or leave in the middle of a batch.
 */
class BlockSyncTest {
  private static final int BLOCKS = 5_000;
  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private final NetworkedNodes network = new NetworkedNodes();

  @AfterEach
  void close() throws Exception {
    network.close();
  }

  @Test
  void aLateNodeSyncsFromFourPeersDespiteACorruptAStallingAndALeavingOne() throws Exception {
    Offline validator = network.create(true);
    List<Offline> followers = List.of(network.create(false), network.create(false), network.create(false));
    for (int i = 0; i < BLOCKS; i++) {
      List<Transaction> transactions = i % 10 == 0 ? List.of(TestChains.transfer(i % 3, i / 30, 1_000 + i))
          : List.of();
      var block = TestChains.seal(validator.chain(), transactions).block();
      for (Offline follower : followers) {
        follower.chain().importBlock(block);
      }
    }
    CanonicalHead head = validator.chain().head();
    for (Offline follower : followers) {
      Await.until("a serving peer has the chain", DEADLINE,
          () -> follower.chain().head().latest().equals(head.latest()));
    }
    List<Node> serving = new ArrayList<>();
    serving.add(network.start(validator, List.of()));
    followers.forEach(f -> serving.add(network.start(f, List.of())));
    Node late = network.start(false, List.of());

    Status claim = new Status(Network.PROTOCOL_VERSION, DevChain.CHAIN_ID,
        validator.database().canonicalHash(0).orElseThrow(), head.latest().number(), head.latest().hash(),
        head.finalized().number(), head.finalized().hash());
    ScriptedPeer corrupt = new ScriptedPeer(network.vertx(), 101, Behaviour.CORRUPT_BODIES, validator.database(), claim)
        .connect(late.address());
    ScriptedPeer stalling = new ScriptedPeer(network.vertx(), 103, Behaviour.STALL, validator.database(), claim)
        .connect(late.address());
    ScriptedPeer leaving = new ScriptedPeer(network.vertx(), 105, Behaviour.DISCONNECT_ON_BODIES,
        validator.database(), claim).connect(late.address());
    // The faulty peers come first, so sync starts with them; the honest ones join once each faulty one has been
    // asked for bodies. Joined earlier, the honest peers could take every batch, and the faults would go untested.
    Await.until("sync asks each faulty peer for bodies", DEADLINE,
        () -> corrupt.bodyRequests() > 0 && stalling.bodyRequests() > 0 && leaving.bodyRequests() > 0,
        () -> corrupt.bodyRequests() + " corrupt, " + stalling.bodyRequests() + " stalling, "
            + leaving.bodyRequests() + " leaving requests, " + late.network().syncProgress());
    serving.forEach(peer -> late.network().addPeer(peer.address()));

    ChainService chain = late.chain();
    Await.until("the late node reaches the chain's head", DEADLINE, () -> chain.head().latest().equals(head.latest()),
        () -> "at block " + chain.head().latest().number() + ", " + late.network().syncProgress());
    assertEquals(head.latest().stateRoot(), chain.head().latest().stateRoot());
    assertTrue(late.network().isBanned(corrupt.peerId()), "the peer serving corrupt bodies is banned");
    assertFalse(late.network().isBanned(serving.getFirst().network().peerId()), "honest peers are not banned");
    // The head moves on the chain's thread before sync counts the last batch on its own: wait for the count.
    Await.until("the blocks came by sync, not gossip", DEADLINE,
        () -> late.network().syncCounters().blocksImported() >= BLOCKS - 2,
        () -> late.network().syncCounters().blocksImported() + " counted");
  }
}
