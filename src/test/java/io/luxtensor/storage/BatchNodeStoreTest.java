package io.luxtensor.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.luxtensor.crypto.Keccak256;
import io.luxtensor.trie.MerklePatriciaTrie;
import io.luxtensor.trie.MissingTrieNodeException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A trie committed through {@link BatchNodeStore} joins the batch: readable before, after, and after a restart. */
class BatchNodeStoreTest {
  private static final int ACCOUNTS = 500;

  @TempDir
  Path directory;

  @ParameterizedTest
  @EnumSource(value = StorageEngine.class, names = {"ROCKSDB"})
  void aTrieCommittedIntoABatchIsReadBeforeAndAfterTheCommitAndAfterARestart(StorageEngine engine) {
    StorageConfig config = StorageConfig.persistent(engine, directory);
    byte[] firstRoot;
    byte[] secondRoot;
    try (KeyValueStore store = KeyValueStores.open(config)) {
      try (WriteBatch block = store.newBatch()) {
        BatchNodeStore nodes = new BatchNodeStore(store, block);
        MerklePatriciaTrie trie = MerklePatriciaTrie.empty(nodes);
        for (int i = 0; i < ACCOUNTS; i++) {
          trie.put(key(i), value(i, 1));
        }
        firstRoot = trie.commit();
        assertEquals(Optional.empty(), store.get(Column.TRIE_NODES, firstRoot), "nothing reaches the store early");
        assertAccounts(trie, 1);
        assertAccounts(MerklePatriciaTrie.open(nodes, firstRoot), 1);
        assertThrows(MissingTrieNodeException.class,
            () -> MerklePatriciaTrie.open(new BatchNodeStore(store, block), firstRoot).get(key(0)),
            "the overlay is the adapter's: another adapter, even over the same batch, reads the store alone");
        block.commit();
        assertAccounts(trie, 1);
      }
      assertAccounts(MerklePatriciaTrie.open(readOnly(store), firstRoot), 1);

      try (WriteBatch block = store.newBatch()) {
        MerklePatriciaTrie trie = MerklePatriciaTrie.open(new BatchNodeStore(store, block), firstRoot);
        for (int i = 0; i < ACCOUNTS; i += 2) {
          trie.put(key(i), value(i, 2));
        }
        secondRoot = trie.commit();
        block.put(Column.CHAIN_METADATA, "head".getBytes(), secondRoot);
        block.commit();
      }
    }

    try (KeyValueStore store = KeyValueStores.open(config)) {
      assertArrayEquals(secondRoot, store.get(Column.CHAIN_METADATA, "head".getBytes()).orElseThrow());
      assertAccounts(MerklePatriciaTrie.open(readOnly(store), firstRoot), 1);
      MerklePatriciaTrie second = MerklePatriciaTrie.open(readOnly(store), secondRoot);
      for (int i = 0; i < ACCOUNTS; i++) {
        assertArrayEquals(value(i, i % 2 == 0 ? 2 : 1), second.get(key(i)).orElseThrow());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = StorageEngine.class, names = {"ROCKSDB"})
  void aTrieWhoseBatchWasNotCommittedIsGoneAfterARestart(StorageEngine engine) {
    StorageConfig config = StorageConfig.persistent(engine, directory);
    byte[] root;
    try (KeyValueStore store = KeyValueStores.open(config); WriteBatch abandoned = store.newBatch()) {
      MerklePatriciaTrie trie = MerklePatriciaTrie.empty(new BatchNodeStore(store, abandoned));
      for (int i = 0; i < ACCOUNTS; i++) {
        trie.put(key(i), value(i, 1));
      }
      root = trie.commit();
    }
    try (KeyValueStore store = KeyValueStores.open(config)) {
      assertThrows(MissingTrieNodeException.class, () -> MerklePatriciaTrie.open(readOnly(store), root).get(key(0)));
      store.scan(Column.TRIE_NODES, new byte[0], new byte[0], (key, value) -> {
        throw new AssertionError("a node of the abandoned batch reached the store");
      });
    }
  }

  /** An adapter over a batch never committed: reads come from the store alone. */
  private static BatchNodeStore readOnly(KeyValueStore store) {
    return new BatchNodeStore(store, store.newBatch());
  }

  private static void assertAccounts(MerklePatriciaTrie trie, int version) {
    for (int i = 0; i < ACCOUNTS; i++) {
      assertArrayEquals(value(i, version), trie.get(key(i)).orElseThrow(), "account " + i);
    }
  }

  private static byte[] key(int i) {
    return Keccak256.hash(ByteBuffer.allocate(Integer.BYTES).putInt(i).array());
  }

  /** Account-sized values (~70 bytes), so nodes are hashed, not embedded. */
  private static byte[] value(int i, int version) {
    byte[] value = new byte[70];
    ByteBuffer.wrap(value).putInt(i).putInt(version);
    return value;
  }
}
