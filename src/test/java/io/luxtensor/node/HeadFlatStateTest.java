package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.Genesis;
import io.luxtensor.chain.ProducedBlock;
import io.luxtensor.execution.BlockExecution;
import io.luxtensor.node.ChainService.Sealing;
import io.luxtensor.state.Account;
import io.luxtensor.state.StateSnapshot;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.storage.WriteBatch;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.trie.InMemoryNodeStore;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.Hash;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Readers on other threads read the head's state from the flat columns, and only while those hold the root asked for:
 * a real dev node's chain, its database, and snapshots as the JSON-RPC methods open them.
 */
class HeadFlatStateTest {
  private static final DevChain.DevAccount ALICE = DevChain.accounts(1).getFirst();
  private static final Address BOB = Address.fromHex("0x00000000000000000000000000000000000b0b00");
  private static final long WEI_PER_BLOCK = 7;

  @Test
  void itAnswersForTheHeadsRootAsTheTrieDoesAndNotForAnOlderRoot() throws Exception {
    try (var node = TestNodes.devNode(StorageConfig.memory(), new Sealing.Manual(), TxPoolConfig.DEFAULT)) {
      ChainDatabase database = node.database();
      Hash genesisRoot = node.chain().head().latest().stateRoot();
      Account alice = database.headFlatState().account(genesisRoot, ALICE.address())
          .orElseThrow(() -> new AssertionError("no flat answer for the head's root"));
      assertEquals(StateSnapshot.at(database.trieNodes(), genesisRoot).account(ALICE.address()), alice);

      sendToBobAndSeal(node, 0);
      Hash headRoot = node.chain().head().latest().stateRoot();
      assertEquals(Optional.empty(), database.headFlatState().account(genesisRoot, ALICE.address()),
          "an older root is not the flat state's: read through the trie");
      Account bob = database.headFlatState().account(headRoot, BOB).orElseThrow();
      assertEquals(Wei.of(WEI_PER_BLOCK), bob.balance());
      assertEquals(StateSnapshot.at(database.trieNodes(), headRoot).account(BOB), bob);
      NodeQueries queries = new NodeQueries(DevChain.CHAIN_ID, database, node.chain());
      assertEquals(Account.EMPTY, queries.state(database.header(database.canonicalHash(0).orElseThrow())
          .orElseThrow()).account(BOB), "the snapshot of genesis still reads genesis");
    }
  }

  @Test
  void aNewHeadInABatchStopsTheAnswersUntilTheWriterDeclaresItsCommit() {
    try (var node = TestNodes.devNode(StorageConfig.memory(), new Sealing.Manual(), TxPoolConfig.DEFAULT)) {
      ChainDatabase database = node.database();
      Hash root = node.chain().head().latest().stateRoot();
      assertTrue(database.headFlatState().account(root, ALICE.address()).isPresent());
      Genesis.GenesisBlock genesis = Genesis.of(node.genesis(), new InMemoryNodeStore());
      try (WriteBatch batch = database.store().newBatch()) {
        database.writeHeadBlock(batch, new ProducedBlock(genesis.block(), new BlockExecution(List.of(), 0),
            genesis.state()), List.of());
        assertEquals(Optional.empty(), database.headFlatState().account(root, ALICE.address()),
            "a head put in a batch may commit any moment");
      }
      assertEquals(Optional.empty(), database.headFlatState().account(root, ALICE.address()),
          "until the writer declares what the columns hold");
      database.flatStateCommitted(root);
      assertTrue(database.headFlatState().account(root, ALICE.address()).isPresent());
    }
  }

  /**
   * A reader reads Bob's balance at the published head while the chain adds blocks that each pay him 7 wei: every
   * answer must be the balance of the head it asked for, never of a head committed while it read.
   */
  @Test
  void aReaderRacingNewHeadsReadsTheStateOfTheRootItAskedFor() throws Exception {
    try (var node = TestNodes.devNode(StorageConfig.memory(), new Sealing.Manual(), TxPoolConfig.DEFAULT)) {
      NodeQueries queries = new NodeQueries(DevChain.CHAIN_ID, node.database(), node.chain());
      AtomicBoolean sealing = new AtomicBoolean(true);
      AtomicLong reads = new AtomicLong();
      CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
        while (sealing.get()) {
          BlockHeader head = node.chain().head().latest();
          Wei balance = queries.state(head).account(BOB).balance();
          assertEquals(Wei.of(WEI_PER_BLOCK * head.number()), balance, "Bob's balance at block " + head.number());
          reads.incrementAndGet();
        }
      });
      try {
        for (long nonce = 0; nonce < 200 && !reader.isDone(); nonce++) {
          sendToBobAndSeal(node, nonce);
        }
      } finally {
        sealing.set(false);
      }
      reader.get(30, TimeUnit.SECONDS);
      assertTrue(reads.get() > 0, "the reader read");
    }
  }

  private static void sendToBobAndSeal(LuxtensorNode node, long nonce) throws Exception {
    var transfer = new DynamicFeeTransaction(DevChain.CHAIN_ID, nonce, BigInteger.ONE,
        BigInteger.valueOf(10_000_000_000L), 21_000, Optional.of(BOB), Wei.of(WEI_PER_BLOCK), Bytes.EMPTY, List.of(),
        null).sign(ALICE.key());
    node.chain().submit(RecoveredTransaction.recover(transfer)).get(10, TimeUnit.SECONDS);
    node.chain().seal().get(10, TimeUnit.SECONDS);
  }
}
