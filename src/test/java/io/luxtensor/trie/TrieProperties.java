package io.luxtensor.trie;

import static io.luxtensor.trie.TrieGenerators.apply;
import static io.luxtensor.trie.TrieGenerators.bytes;
import static io.luxtensor.trie.TrieGenerators.expectedRoot;
import static io.luxtensor.trie.TrieGenerators.trieOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.Keccak256;
import io.luxtensor.trie.TrieGenerators.History;
import io.luxtensor.trie.TrieGenerators.Operation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Updates, commits and reopening against a model map and the Yellow Paper's definition of the root. */
class TrieProperties {

  /** Any sequence of puts and deletes gives the root the Yellow Paper defines for the final content. */
  @Property(tries = 400)
  void rootIsTheYellowPaperRootOfTheContent(@ForAll("operations") List<Operation> operations) {
    Map<String, byte[]> model = new LinkedHashMap<>();
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(new InMemoryNodeStore());
    apply(operations, trie, model);
    assertEquals(Hex.encode(expectedRoot(model)), Hex.encode(trie.rootHash()));
    assertReads(model, operations, trie);
  }

  @Property(tries = 300)
  void rootDoesNotDependOnInsertionOrder(@ForAll("entries") Map<String, byte[]> entries, @ForAll Random random) {
    List<String> shuffled = new ArrayList<>(entries.keySet());
    Collections.shuffle(shuffled, random);
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(new InMemoryNodeStore());
    shuffled.forEach(key -> trie.put(bytes(key), entries.get(key)));
    assertEquals(Hex.encode(trieOf(new InMemoryNodeStore(), entries).rootHash()), Hex.encode(trie.rootHash()));
  }

  /** Deleting keys leaves exactly the trie of the rest, down to the empty root when nothing is left. */
  @Property(tries = 300)
  void deletingGivesTheTrieOfWhatRemains(@ForAll("entries") Map<String, byte[]> entries, @ForAll Random random) {
    MerklePatriciaTrie trie = trieOf(new InMemoryNodeStore(), entries);
    List<String> order = new ArrayList<>(entries.keySet());
    Collections.shuffle(order, random);
    Map<String, byte[]> remaining = new LinkedHashMap<>(entries);
    for (String key : order) {
      trie.delete(bytes(key));
      remaining.remove(key);
      assertEquals(
          Hex.encode(trieOf(new InMemoryNodeStore(), remaining).rootHash()), Hex.encode(trie.rootHash()));
    }
    assertArrayEquals(MerklePatriciaTrie.emptyRootHash(), trie.rootHash());
  }

  /**
   * A new instance opened at a committed root reads the same values, and updates to it (which load nodes lazily,
   * and fold branches into stored siblings on deletion) give the same roots as updates to an in-memory trie.
   */
  @Property(tries = 300)
  void reopenedTrieReadsAndUpdatesLikeTheOriginal(@ForAll("histories") History history) {
    Map<String, byte[]> entries = history.entries();
    List<Operation> operations = history.operations();
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerklePatriciaTrie original = trieOf(store, entries);
    byte[] root = original.commit();
    MerklePatriciaTrie reopened = MerklePatriciaTrie.open(store, root);
    assertArrayEquals(root, reopened.rootHash());
    assertReads(entries, operations, reopened);

    Map<String, byte[]> model = new LinkedHashMap<>(entries);
    apply(operations, reopened, model);
    assertEquals(Hex.encode(expectedRoot(model)), Hex.encode(reopened.rootHash()));
    byte[] updatedRoot = reopened.commit();
    assertReads(model, operations, MerklePatriciaTrie.open(store, updatedRoot));
  }

  /** Committing stores nodes and leaves the content as it was; committing again stores nothing new. */
  @Property(tries = 200)
  void commitKeepsTheContent(@ForAll("histories") History history) {
    Map<String, byte[]> entries = history.entries();
    List<Operation> operations = history.operations();
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerklePatriciaTrie trie = trieOf(store, entries);
    byte[] before = trie.rootHash();
    assertArrayEquals(before, trie.commit());
    int stored = store.size();
    assertArrayEquals(before, trie.commit());
    assertArrayEquals(before, trieOf(store, entries).commit());
    assertEquals(stored, store.size(), "nodes stored by committing the same content again");
    assertReads(entries, operations, trie);
  }

  /**
   * Snapshots: instances opened at root R1, before and after more changes are committed as R2, still read the content
   * of R1, and R2 reads the new content.
   */
  @Property(tries = 200)
  void olderRootsKeepTheirContentAfterNewerCommits(@ForAll("histories") History history) {
    Map<String, byte[]> entries = history.entries();
    List<Operation> operations = history.operations();
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerklePatriciaTrie trie = trieOf(store, entries);
    byte[] firstRoot = trie.commit();
    MerklePatriciaTrie openedBefore = MerklePatriciaTrie.open(store, firstRoot);

    Map<String, byte[]> model = new LinkedHashMap<>(entries);
    apply(operations, trie, model);
    byte[] secondRoot = trie.commit();

    assertReads(entries, operations, openedBefore);
    assertReads(entries, operations, MerklePatriciaTrie.open(store, firstRoot));
    assertReads(model, operations, MerklePatriciaTrie.open(store, secondRoot));
    assertArrayEquals(firstRoot, openedBefore.rootHash());
  }

  /** The secure trie is the plain trie keyed by keccak256(key). */
  @Property(tries = 100)
  void secureTrieHashesItsKeys(@ForAll("operations") List<Operation> operations) {
    SecureTrie secure = SecureTrie.empty(new InMemoryNodeStore());
    MerklePatriciaTrie plain = MerklePatriciaTrie.empty(new InMemoryNodeStore());
    for (Operation operation : operations) {
      secure.put(bytes(operation.key()), operation.value());
      plain.put(Keccak256.hash(bytes(operation.key())), operation.value());
    }
    assertArrayEquals(plain.rootHash(), secure.rootHash());
  }

  /** {@code trie} holds exactly {@code model} among the model's keys and the keys {@code operations} touch. */
  static void assertReads(Map<String, byte[]> model, List<Operation> operations, Trie trie) {
    model.forEach((key, value) -> assertArrayEquals(value, trie.get(bytes(key)).orElseThrow(), "value of " + key));
    for (Operation operation : operations) {
      if (!model.containsKey(operation.key())) {
        assertEquals(Optional.empty(), trie.get(bytes(operation.key())), "absent " + operation);
      }
    }
  }

  @Provide
  Arbitrary<List<Operation>> operations() {
    return TrieGenerators.operations();
  }

  @Provide
  Arbitrary<History> histories() {
    return TrieGenerators.histories();
  }

  @Provide
  Arbitrary<Map<String, byte[]>> entries() {
    return TrieGenerators.entries();
  }
}
