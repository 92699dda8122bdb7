package io.luxtensor.trie;

import io.luxtensor.testing.YellowPaperTrie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.Keccak256;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The trie's edges by example: the empty trie, embedding, lazy loading, missing and corrupt nodes, limits. */
class MerklePatriciaTrieTest {

  @Test
  void theEmptyRootIsTheHashOfTheEmptyString() {
    assertEquals(
        "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421",
        Hex.encode(MerklePatriciaTrie.emptyRootHash()));
  }

  @Test
  void theEmptyTrieProvesEveryKeyAbsent() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(store);
    byte[] key = text("dog");
    assertEquals(Optional.empty(), trie.get(key));
    assertEquals(List.of(), trie.proof(key));
    byte[] emptyRoot = MerklePatriciaTrie.emptyRootHash();
    assertEquals(Optional.empty(), MerklePatriciaTrie.verifyProof(emptyRoot, key, List.of()));
    assertEquals(Optional.empty(), MerklePatriciaTrie.verifyProof(emptyRoot, key, List.of(Hex.decode("0x80"))));
    assertArrayEquals(emptyRoot, trie.commit());
    assertEquals(0, store.size());
    assertEquals(Optional.empty(), MerklePatriciaTrie.open(store, emptyRoot).get(key));
  }

  /** Two one-byte values under keys 0x01 and 0x02: every node is under 32 bytes, so all sit inside the root. */
  @Test
  void nodesShorterThanAHashAreEmbeddedInTheirParent() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(store);
    trie.put(new byte[] {0x01}, text("a"));
    trie.put(new byte[] {0x02}, text("b"));
    List<byte[]> proof = trie.proof(new byte[] {0x01});
    assertEquals(1, proof.size());
    assertTrue(proof.get(0).length < 32, "the root is hashed even though it is short");
    assertArrayEquals(
        text("a"), MerklePatriciaTrie.verifyProof(trie.rootHash(), new byte[] {0x01}, proof).orElseThrow());
    trie.commit();
    assertEquals(1, store.size());

    // A 40-byte value makes its leaf, and so the branch above it, too long to embed: root, branch, leaf.
    trie.put(new byte[] {0x03}, new byte[40]);
    assertEquals(3, trie.proof(new byte[] {0x03}).size());
    trie.commit();
    assertEquals(1 + 3, store.size());
  }

  @Test
  void anEmptyValueDeletes() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(new InMemoryNodeStore());
    trie.put(text("dog"), text("puppy"));
    trie.put(text("do"), text("verb"));
    byte[] root = trie.rootHash();
    trie.put(text("doge"), text("coin"));
    trie.put(text("doge"), new byte[0]);
    assertEquals(Optional.empty(), trie.get(text("doge")));
    assertArrayEquals(root, trie.rootHash());
  }

  /** Arrays handed in or out are copies: the trie's memoized hashes and values cannot be changed from outside. */
  @Test
  void callersCannotChangeWhatTheTrieHolds() {
    for (int valueLength : new int[] {5, 40}) {
      MerklePatriciaTrie trie = MerklePatriciaTrie.empty(new InMemoryNodeStore());
      byte[] value = new byte[valueLength];
      trie.put(text("dog"), value);
      byte[] root = trie.rootHash();
      value[0] = 'X';
      trie.get(text("dog")).orElseThrow()[1] = 'X';
      trie.rootHash()[0] ^= 1;
      trie.proof(text("dog")).get(0)[0] ^= 1;
      assertArrayEquals(new byte[valueLength], trie.get(text("dog")).orElseThrow());
      assertArrayEquals(root, trie.rootHash(), "root of a trie with a " + valueLength + "-byte value");
      trie.commit()[0] ^= 1;
      assertArrayEquals(root, trie.rootHash());
    }
  }

  /** Opening reads nothing; an update to a big committed trie reads only the nodes on its path. */
  @Test
  void nodesAreLoadedOnlyWhenAWalkReachesThem() {
    CountingStore store = new CountingStore();
    SecureTrie trie = SecureTrie.empty(store);
    for (int i = 0; i < 2000; i++) {
      trie.put(text("account " + i), text("balance " + i));
    }
    byte[] root = trie.commit();
    store.reads = 0;
    SecureTrie reopened = SecureTrie.open(store, root);
    assertEquals(0, store.reads);
    reopened.put(text("account 7"), text("spent"));
    reopened.rootHash();
    int pathLength = reopened.proof(text("account 7")).size();
    assertTrue(store.reads <= pathLength, store.reads + " nodes read for a path of " + pathLength);
  }

  @Test
  void aMissingRootIsReportedWithItsHash() {
    byte[] root = Keccak256.hash(text("never committed"));
    MerklePatriciaTrie trie = MerklePatriciaTrie.open(new InMemoryNodeStore(), root);
    assertMissing(root, () -> trie.get(text("dog")));
    assertMissing(root, () -> trie.put(text("dog"), text("puppy")));
    assertMissing(root, () -> trie.delete(text("dog")));
    assertMissing(root, () -> trie.proof(text("dog")));
    assertArrayEquals(root, trie.rootHash(), "the root hash needs no node");
  }

  /** Every operation whose walk needs a lost interior node names it, whichever operation it is. */
  @Test
  void aMissingInteriorNodeIsReportedWithItsHash() {
    InMemoryNodeStore full = new InMemoryNodeStore();
    SecureTrie trie = SecureTrie.empty(full);
    for (int i = 0; i < 100; i++) {
      trie.put(text("key " + i), text("value " + i));
    }
    byte[] root = trie.commit();
    byte[] key = text("key 42");
    List<byte[]> path = trie.proof(key);
    byte[] lost = Keccak256.hash(path.get(path.size() - 1));
    NodeStore lossy = new NodeStore() {
      @Override
      public Optional<byte[]> get(byte[] hash) {
        return Arrays.equals(hash, lost) ? Optional.empty() : full.get(hash);
      }

      @Override
      public void put(byte[] hash, byte[] encodedNode) {
        full.put(hash, encodedNode);
      }
    };
    List<Consumer<SecureTrie>> operations = List.of(
        t -> t.get(key), t -> t.put(key, text("new")), t -> t.delete(key), t -> t.proof(key));
    for (Consumer<SecureTrie> operation : operations) {
      SecureTrie opened = SecureTrie.open(lossy, root);
      assertMissing(lost, () -> operation.accept(opened));
    }
    assertArrayEquals(text("value 41"), SecureTrie.open(lossy, root).get(text("key 41")).orElseThrow(),
        "paths that avoid the lost node still read");
  }

  @Test
  void aCorruptStoredNodeIsReportedWithItsHash() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    byte[] hash = Keccak256.hash(text("garbage"));
    store.put(hash, text("garbage"));
    MalformedTrieNodeException e = assertThrows(
        MalformedTrieNodeException.class, () -> MerklePatriciaTrie.open(store, hash).get(text("dog")));
    assertTrue(e.getMessage().contains(Hex.encode(hash)), e.getMessage());
  }

  @Test
  void keysAreBoundedInLength() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(new InMemoryNodeStore());
    byte[] longest = new byte[MerklePatriciaTrie.KEY_LENGTH_BYTES_MAX];
    trie.put(longest, text("fits"));
    assertArrayEquals(text("fits"), trie.get(longest).orElseThrow());
    byte[] tooLong = new byte[MerklePatriciaTrie.KEY_LENGTH_BYTES_MAX + 1];
    byte[] root = trie.rootHash();
    List<Executable> uses = List.of(
        () -> trie.get(tooLong), () -> trie.put(tooLong, text("v")), () -> trie.delete(tooLong),
        () -> trie.proof(tooLong), () -> MerklePatriciaTrie.verifyProof(root, tooLong, List.of()));
    for (Executable use : uses) {
      assertThrows(IllegalArgumentException.class, use);
    }
  }

  /**
   * The deepest paths the key limit allows: each key extends the previous one, so every nibble adds a node. Updates
   * recurse along them without exhausting the stack, and agree with the Yellow Paper.
   */
  /** A block's transactions and receipts roots: values under rlp(0), rlp(1), ..., against the Yellow Paper's. */
  @Test
  void orderedRootsMatchTheYellowPapersAndLeaveTheirValuesAlone() {
    for (int count : new int[] {0, 1, 2, 16, 129, 300}) {
      Map<byte[], byte[]> entries = new IdentityHashMap<>();
      List<byte[]> values = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        byte[] value = Keccak256.hash(new byte[] {(byte) i, (byte) (i >> 8)});
        values.add(value);
        entries.put(Rlp.encode(RlpString.of(i)), value.clone());
      }
      assertArrayEquals(YellowPaperTrie.rootHash(entries), MerklePatriciaTrie.orderedRoot(values), count + " values");
      for (int i = 0; i < count; i++) {
        assertArrayEquals(Keccak256.hash(new byte[] {(byte) i, (byte) (i >> 8)}), values.get(i));
      }
    }
  }

  @Test
  void theLongestKeysNestAsDeepAsAllowed() {
    Map<byte[], byte[]> entries = new IdentityHashMap<>();
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(new InMemoryNodeStore());
    for (int length = 0; length <= MerklePatriciaTrie.KEY_LENGTH_BYTES_MAX; length++) {
      byte[] key = new byte[length];
      Arrays.fill(key, (byte) 0x11);
      entries.put(key, new byte[] {(byte) length, 1});
      trie.put(key, new byte[] {(byte) length, 1});
    }
    assertArrayEquals(YellowPaperTrie.rootHash(entries), trie.rootHash());
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerklePatriciaTrie committed = MerklePatriciaTrie.empty(store);
    entries.forEach(committed::put);
    MerklePatriciaTrie reopened = MerklePatriciaTrie.open(store, committed.commit());
    entries.keySet().forEach(trie::delete);
    entries.keySet().forEach(reopened::delete);
    assertArrayEquals(MerklePatriciaTrie.emptyRootHash(), trie.rootHash());
    assertArrayEquals(MerklePatriciaTrie.emptyRootHash(), reopened.rootHash(), "deleting through stored nodes");
  }

  private static void assertMissing(byte[] hash, Executable operation) {
    MissingTrieNodeException e = assertThrows(MissingTrieNodeException.class, operation);
    assertArrayEquals(hash, e.hash());
    assertTrue(e.getMessage().contains(Hex.encode(hash)), e.getMessage());
  }

  private static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A store that counts reads. */
  private static final class CountingStore implements NodeStore {
    private final InMemoryNodeStore nodes = new InMemoryNodeStore();
    private int reads;

    @Override
    public Optional<byte[]> get(byte[] hash) {
      reads++;
      return nodes.get(hash);
    }

    @Override
    public void put(byte[] hash, byte[] encodedNode) {
      nodes.put(hash, encodedNode);
    }
  }
}
