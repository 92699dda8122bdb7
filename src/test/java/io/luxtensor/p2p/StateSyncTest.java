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
import io.luxtensor.sync.SyncMode;
import io.luxtensor.testing.Await;
import io.luxtensor.testing.TestChains;
import io.luxtensor.testing.TransferBlocks;
import io.luxtensor.types.Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * State sync over real sockets: a peer that changes a byte of one trie node is banned at its first answer, and the
 * node still ends on the checkpoint's state, fetched from an honest peer, with the nodes it had kept.
 */
class StateSyncTest {
  private static final int BLOCKS = 5;
  private static final int TRANSFERS_PER_BLOCK = 400;
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private final NetworkedNodes network = new NetworkedNodes();

  @AfterEach
  void close() throws Exception {
    network.close();
  }

  @Test
  void aPeerServingATamperedTrieNodeIsBannedAndTheStateComesFromAnHonestOne() throws Exception {
    Offline validator = network.create(true);
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
    CanonicalHead head = validator.chain().head();
    Node honest = network.start(validator, List.of());
    Node snap = network.start(network.create(false),
        NetworkConfig.defaults("127.0.0.1", 0, List.of()).withSyncMode(SyncMode.SNAP));

    Status claim = new Status(Network.PROTOCOL_VERSION, DevChain.CHAIN_ID,
        validator.database().canonicalHash(0).orElseThrow(), head.latest().number(), head.latest().hash(),
        head.finalized().number(), head.finalized().hash());
    ScriptedPeer tampering = new ScriptedPeer(network.vertx(), 107, Behaviour.TAMPERED_TRIE_NODES,
        validator.database(), claim).connect(snap.address());
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
  }
}
