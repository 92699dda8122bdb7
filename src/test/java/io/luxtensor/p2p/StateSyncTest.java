package io.luxtensor.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.chain.DevChain;
import io.luxtensor.node.ChainService.CanonicalHead;
import io.luxtensor.p2p.NetworkedNodes.Node;
import io.luxtensor.p2p.NetworkedNodes.Offline;
import io.luxtensor.p2p.ScriptedPeer.Behaviour;
import io.luxtensor.p2p.message.Message.Status;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.sync.SyncMode;
import io.luxtensor.testing.Await;
import io.luxtensor.testing.TestChains;
import io.luxtensor.testing.TransferBlocks;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * State sync and the backfill after it over real sockets, with peers that lie: one that changes a byte of a trie node
 * is banned at its first answer, one that serves bodies not matching their headers is banned by the backfill, and
 * the node still ends on the checkpoint's state and with every block before it, fetched from an honest peer.
 */
class StateSyncTest {
  private static final int BLOCKS = 5;
  private static final int TRANSFERS_PER_BLOCK = 400;
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private final NetworkedNodes network = new NetworkedNodes();
  private Offline validator;
  private CanonicalHead head;
  /** The finalized block the validator's head names: the one state sync starts from. */
  private BlockHeader checkpoint;

  @BeforeEach
  void buildAChainOfTransfersToNewAccounts() {
    validator = network.create(true);
    TransferBlocks blocks = new TransferBlocks(validator.chain(),
        DevChain.accounts(DevChain.ACCOUNTS_DEFAULT).stream().map(DevChain.DevAccount::key).toList());
    for (int block = 0; block < BLOCKS; block++) {
      List<Address> recipients = new ArrayList<>();
      for (int i = 0; i < TRANSFERS_PER_BLOCK; i++) {
        recipients.add(Address.fromHex(String.format("0x%040x", 0x10_000 + block * TRANSFERS_PER_BLOCK + i)));
      }
      blocks.seal(recipients);
    }
    for (int i = 0; i < 3; i++) {
      blocks.seal(List.of());
    }
    head = validator.chain().head();
    checkpoint = validator.database().header(head.latest().finalized().blockHash()).orElseThrow();
  }

  @AfterEach
  void close() throws Exception {
    network.close();
  }

  @Test
  void aPeerServingATamperedTrieNodeIsBannedAndTheStateComesFromAnHonestOne() throws Exception {
    Node honest = network.start(validator, List.of());
    Node snap = startSnapNode();
    ScriptedPeer tampering = new ScriptedPeer(network.vertx(), 107, Behaviour.TAMPERED_TRIE_NODES,
        validator.database(), status(head.latest(), head.finalized())).connect(snap.address());
    Await.until("the tampering peer is asked for state, and banned", DEADLINE,
        () -> snap.network().isBanned(tampering.peerId()),
        () -> tampering.trieNodeRequests() + " trie node requests, " + snap.network().stateSyncProgress());
    long nodesKept = snap.network().stateSyncProgress().orElseThrow().trieNodes();
    snap.network().addPeer(honest.address());

    Await.until("the snap node reaches the validator's head", DEADLINE,
        () -> snap.chain().head().latest().equals(head.latest()),
        () -> "at block " + snap.chain().head().latest().number() + ", " + snap.network().stateSyncProgress());
    assertEquals(head.latest().stateRoot(), snap.chain().head().latest().stateRoot());
    assertTrue(nodesKept > 0, "the valid nodes before the tampered one were kept");
    assertTrue(snap.network().stateSyncProgress().orElseThrow().accounts() >= BLOCKS * TRANSFERS_PER_BLOCK,
        "the accounts came by state sync: " + snap.network().stateSyncProgress());
    assertFalse(snap.network().isBanned(honest.network().peerId()), "the honest peer is not banned");
    assertTrue(snap.network().syncCounters().blocksImported() < head.latest().number(),
        "the blocks before the checkpoint were not replayed");
    awaitBackfill(snap);
  }

  @Test
  void theBackfillBansAPeerWhoseBodiesDoNotMatchAndTakesTheBlocksFromAnHonestOne() throws Exception {
    Node snap = startSnapNode();
    // Its head claimed at the checkpoint, the corrupt peer has nothing for block sync: only the backfill asks it
    // for bodies, after state sync (which it serves honestly) is done.
    ScriptedPeer corrupt = new ScriptedPeer(network.vertx(), 109, Behaviour.CORRUPT_BODIES, validator.database(),
        status(checkpoint, checkpoint)).connect(snap.address());
    Await.until("the backfill asks the corrupt peer for bodies, and bans it", DEADLINE,
        () -> snap.network().isBanned(corrupt.peerId()),
        () -> corrupt.bodyRequests() + " body requests, " + snap.network().stateSyncProgress());
    assertEquals(checkpoint, snap.chain().head().latest(), "state sync came from the corrupt peer's honest answers");
    assertEquals(checkpoint.number(), snap.database().backfillNext(), "no block stored from the corrupt bodies");

    snap.network().addPeer(network.start(validator, List.of()).address());
    awaitBackfill(snap);
    // The block above the checkpoint is within the follow distance: the next block's gossip brings both.
    BlockHeader next = TestChains.seal(validator.chain(), List.of()).block().header();
    Await.until("the snap node follows the validator's head", DEADLINE,
        () -> snap.chain().head().latest().equals(next),
        () -> "at block " + snap.chain().head().latest().number() + " of " + next.number());
  }

  private Node startSnapNode() {
    return network.start(network.create(false),
        NetworkConfig.defaults("127.0.0.1", 0, List.of()).withSyncMode(SyncMode.SNAP));
  }

  private Status status(BlockHeader claimedHead, BlockHeader claimedFinalized) {
    return new Status(Network.PROTOCOL_VERSION, DevChain.CHAIN_ID, validator.database().canonicalHash(0).orElseThrow(),
        claimedHead.number(), claimedHead.hash(), claimedFinalized.number(), claimedFinalized.hash());
  }

  /** Waits for every block before the checkpoint, then checks each against the validator's, transactions and all. */
  private void awaitBackfill(Node snap) {
    Await.until("the backfill fetches every block before the checkpoint", DEADLINE,
        () -> snap.database().backfillNext() == 0, () -> "next missing " + snap.database().backfillNext());
    ChainDatabase ours = snap.database();
    ChainDatabase theirs = validator.database();
    for (long number = 1; number <= checkpoint.number(); number++) {
      var expected = theirs.canonicalHash(number).flatMap(theirs::block).orElseThrow();
      assertEquals(expected, ours.canonicalHash(number).flatMap(ours::block).orElseThrow(), "block " + number);
      var first = expected.block().transactions().stream().findFirst();
      first.ifPresent(tx -> assertEquals(theirs.transactionLocation(tx.hash()), ours.transactionLocation(tx.hash())));
    }
  }
}
