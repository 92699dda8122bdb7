package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.chain.BlockImporter;
import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.Genesis;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.chain.ImportResult;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.execution.BlockExecutor;
import io.luxtensor.execution.TransactionProcessor;
import io.luxtensor.execution.system.SystemContracts;
import io.luxtensor.state.StateSnapshot;
import io.luxtensor.state.WorldState;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.storage.KeyValueStore;
import io.luxtensor.storage.KeyValueStores;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.crash.CrashWorkload;
import io.luxtensor.trie.InMemoryNodeStore;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The crash test's workload with real blocks: the child runs the dev chain's single writer, sealing one block per
 * transfer and acknowledging each block number once its batch committed; the parent checks what a kill left.
 */
public final class BlockImportWorkload implements CrashWorkload {
  static final Address RECIPIENT = Address.fromHex("0x000000000000000000000000000000000000bEEF");
  static final Wei VALUE = Wei.of(1_000);
  /** A fixed genesis, so every run of the child continues the same chain. */
  static final GenesisSpec GENESIS = DevChain.genesis(new DevChain.Settings(DevChain.CHAIN_ID, 1,
      DevChain.BALANCE_DEFAULT, 0, 1_700_000_000L));
  private static final PrivateKey SENDER = DevChain.accounts(1).get(0).key();

  @Override
  public void run(StorageConfig config, LongConsumer acknowledge) {
    KeyValueStore store = KeyValueStores.open(config);
    ChainDatabase database = new ChainDatabase(store);
    GenesisSpec genesis = ChainInitializer.initialize(database, GENESIS, true);
    ChainService chain = new ChainService(genesis.parameters(), new ValidatorSet(genesis.validators()), database,
        new BlockExecutor(new TransactionProcessor(SystemContracts.standard())), List.of(DevChain.validatorKeys()),
        TxPoolConfig.DEFAULT, new ChainService.Sealing.Manual(), StorageConfig.ARCHIVE, System::currentTimeMillis);
    try {
      while (true) {
        long nonce = chain.head().latest().number();
        var tx = new DynamicFeeTransaction(DevChain.CHAIN_ID, nonce, BigInteger.ONE,
            BigInteger.valueOf(10_000_000_000L), 21_000, Optional.of(RECIPIENT), VALUE, Bytes.EMPTY, List.of(), null)
            .sign(SENDER);
        chain.submit(RecoveredTransaction.recover(tx)).get();
        StoredBlock block = chain.seal().get();
        acknowledge.accept(block.block().header().number());
      }
    } catch (Exception e) {
      throw new IllegalStateException("block loop failed", e);
    }
  }

  /**
   * The head is at or past the last acknowledged block; every block up to it is stored; and re-executing the whole
   * chain from genesis on a fresh in-memory state reproduces every block's state root, including the head's.
   */
  @Override
  public void verify(StorageConfig config, long lastAcknowledged) {
    try (KeyValueStore store = KeyValueStores.open(config)) {
      ChainDatabase database = new ChainDatabase(store);
      BlockHeader head = database.header(database.headHash().orElseThrow()).orElseThrow();
      assertTrue(head.number() >= lastAcknowledged,
          "head " + head.number() + " is behind acknowledged block " + lastAcknowledged);

      InMemoryNodeStore replayNodes = new InMemoryNodeStore();
      Genesis.GenesisBlock genesis = Genesis.create(GENESIS, replayNodes);
      Map<io.luxtensor.types.Hash, BlockHeader> headers = new HashMap<>();
      BlockHeader parent = genesis.block().header();
      headers.put(parent.hash(), parent);
      assertEquals(parent.hash(), database.canonicalHash(0).orElseThrow(), "genesis");
      BlockImporter importer = new BlockImporter(GENESIS.parameters(), new ValidatorSet(GENESIS.validators()),
          new BlockExecutor(new TransactionProcessor(SystemContracts.standard())),
          hash -> Optional.ofNullable(headers.get(hash)));
      for (long number = 1; number <= head.number(); number++) {
        var hash = database.canonicalHash(number).orElseThrow(() -> new AssertionError("block missing"));
        StoredBlock block = database.block(hash).orElseThrow(() -> new AssertionError("body missing"));
        assertEquals(1, database.receipts(hash).orElseThrow().size(), "receipts of block " + hash);
        ImportResult result = importer.importBlock(block.block(), parent,
            WorldState.at(replayNodes, parent.stateRoot()), System.currentTimeMillis(), replayNodes);
        assertInstanceOf(ImportResult.Imported.class, result, () -> "block " + hash + ": " + result);
        parent = block.block().header();
        headers.put(parent.hash(), parent);
      }
      StateSnapshot stored = StateSnapshot.at(database.trieNodes(), head.stateRoot());
      assertEquals(Wei.of(VALUE.value().multiply(BigInteger.valueOf(head.number()))), stored.account(RECIPIENT).balance(),
          "the stored state at the head");
      assertEquals(stored.account(RECIPIENT), database.flatState().account(RECIPIENT), "flat state agrees with the trie");
    }
  }
}
