package io.luxtensor.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.node.ChainService;
import io.luxtensor.node.ChainService.CanonicalHead;
import io.luxtensor.p2p.NetworkedNodes.Node;
import io.luxtensor.p2p.NetworkedNodes.Offline;
import io.luxtensor.p2p.ScriptedPeer.Behaviour;
import io.luxtensor.p2p.message.Message.Status;
import io.luxtensor.testing.Await;
import io.luxtensor.sync.PeerId;
import io.luxtensor.sync.ReadyBatch;
import io.luxtensor.testing.TestChains;
import io.luxtensor.testing.TestData;
import io.luxtensor.testing.TransferBlocks;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Transaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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

  @Test
  void fullBlocksAreRecoveredAndImportedInChunksAndEndOnThePeersState() throws Exception {
    int senders = 1_000;
    GenesisSpec genesis = DevChain.genesis(new DevChain.Settings(DevChain.CHAIN_ID, senders,
        DevChain.BALANCE_DEFAULT, 0, 1_700_000_000L));
    network.withGenesis(genesis, TxPoolConfig.DEFAULT);
    Offline validator = network.create(true);
    TransferBlocks blocks = new TransferBlocks(validator.chain(),
        DevChain.accounts(senders).stream().map(DevChain.DevAccount::key).toList());
    // 700 transfers a block: chunks of two blocks, so import begins before the batch is recovered.
    List<Integer> transfers = List.of(700, 700, 0, 700, 700, 10, 700);
    for (int count : transfers) {
      blocks.seal(Collections.nCopies(count, TestChains.RECIPIENT));
    }
    CanonicalHead head = validator.chain().head();
    Await.until("the last block's slot has begun, so that a node accepts it", DEADLINE,
        () -> System.currentTimeMillis() > genesis.parameters().slotStartMillis(head.latest().slot()));
    Node serving = network.start(validator, List.of());
    Node late = network.start(false, List.of());
    late.network().addPeer(serving.address());

    Await.until("the late node reaches the chain's head", DEADLINE,
        () -> late.chain().head().latest().equals(head.latest()),
        () -> "at block " + late.chain().head().latest().number() + ", " + late.network().syncProgress());
    assertEquals(head.latest().stateRoot(), late.chain().head().latest().stateRoot());
    Await.until("the blocks came by sync", DEADLINE,
        () -> late.network().syncCounters().blocksImported() == transfers.size(),
        () -> late.network().syncCounters().blocksImported() + " counted");
  }

  @Test
  void aBatchIsCutIntoChunksOfAtLeastTheMinimumOfTransactionsInOrder() {
    TestData data = new TestData(3);
    BlockHeader header = data.header(data.key());
    int[] sizes = {0, 0, 1_500, 3, 600, 600, 1_023, 1, 0, 5};
    List<Block> items = new ArrayList<>();
    for (int size : sizes) {
      items.add(new Block(header, Collections.nCopies(size, data.legacyTransaction())));
    }
    ReadyBatch<Block> batch = new ReadyBatch<>(40, items, new PeerId(Hash.keccak(new byte[] {1})));

    List<ReadyBatch<Block>> chunks = BlockSync.chunks(batch);

    assertEquals(List.of(40L, 43L, 46L, 48L), chunks.stream().map(ReadyBatch::fromNumber).toList());
    assertEquals(List.of(3, 3, 2, 2), chunks.stream().map(c -> c.items().size()).toList());
    assertTrue(items.equals(chunks.stream().flatMap(c -> c.items().stream()).toList()), "every block once, in order");
    for (ReadyBatch<Block> chunk : chunks.subList(0, chunks.size() - 1)) {
      assertTrue(chunk.items().stream().mapToInt(b -> b.transactions().size()).sum()
          >= BlockSync.CHUNK_TRANSACTIONS_MIN);
    }
    assertTrue(chunks.stream().allMatch(c -> c.peer().equals(batch.peer())), "the sender stays to blame");
    ReadyBatch<Block> small = new ReadyBatch<>(47, items.subList(7, 10), batch.peer());
    assertTrue(BlockSync.chunks(small).equals(List.of(small)), "blocks with fewer transactions stay one chunk");
  }
}
