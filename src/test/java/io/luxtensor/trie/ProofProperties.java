package io.luxtensor.trie;

import static io.luxtensor.trie.TrieGenerators.bytes;
import static io.luxtensor.trie.TrieGenerators.trieOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Hex;
import io.luxtensor.trie.InvalidProofException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Proofs verify for present and absent keys alike, and cannot be altered. Because verification consumes the proof's
 * nodes in order, each checked against the hash its parent holds, and allows none left over, every alteration
 * below must be rejected, each with the reason it must produce; none may be answered at all.
 */
class ProofProperties {

  @Property(tries = 300)
  void proofsProveValuesAndAbsences(@ForAll("entries") Map<String, byte[]> entries, @ForAll("keys") String probe) {
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerklePatriciaTrie trie = trieOf(store, entries);
    byte[] root = trie.rootHash();
    List<String> keys = new ArrayList<>(entries.keySet());
    keys.add(probe);
    List<List<byte[]>> uncommitted = keys.stream().map(key -> trie.proof(bytes(key))).toList();
    trie.commit();
    MerklePatriciaTrie reopened = MerklePatriciaTrie.open(store, root);
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      List<byte[]> proof = uncommitted.get(i);
      Optional<byte[]> proven = MerklePatriciaTrie.verifyProof(root, bytes(key), proof);
      assertEquals(Optional.ofNullable(entries.get(key)).map(Hex::encode), proven.map(Hex::encode), "key " + key);
      assertEquals(hex(proof), hex(reopened.proof(bytes(key))), "proof from the store, key " + key);
    }
  }

  @Property(tries = 300)
  void aFlippedByteInAnyNodeIsAHashMismatch(
      @ForAll("nonEmptyEntries") Map<String, byte[]> entries, @ForAll("keys") String key,
      @ForAll @IntRange(min = 0, max = 1 << 16) int nodeChoice,
      @ForAll @IntRange(min = 0, max = 1 << 16) int byteChoice,
      @ForAll @IntRange(min = 1, max = 255) int flip) {
    MerklePatriciaTrie trie = trieOf(new InMemoryNodeStore(), entries);
    List<byte[]> proof = new ArrayList<>(trie.proof(bytes(key)));
    int node = nodeChoice % proof.size();
    byte[] tampered = proof.get(node).clone();
    tampered[byteChoice % tampered.length] ^= (byte) flip;
    proof.set(node, tampered);
    assertRejected(Set.of(Reason.HASH_MISMATCH), trie.rootHash(), key, proof);
  }

  /** Without node i, node i+1 stands where node i should (a mismatch), or the path runs out of nodes. */
  @Property(tries = 300)
  void aRemovedNodeIsAMismatchOrMissing(
      @ForAll("nonEmptyEntries") Map<String, byte[]> entries, @ForAll("keys") String key,
      @ForAll @IntRange(min = 0, max = 1 << 16) int nodeChoice) {
    MerklePatriciaTrie trie = trieOf(new InMemoryNodeStore(), entries);
    List<byte[]> proof = new ArrayList<>(trie.proof(bytes(key)));
    proof.remove(nodeChoice % proof.size());
    assertRejected(Set.of(Reason.HASH_MISMATCH, Reason.MISSING_NODE), trie.rootHash(), key, proof);
  }

  /**
   * A node inserted anywhere, taken from any proof of another trie or of another key of this one: it mismatches the
   * hash expected at its position, or (if it equals the node it displaces) that node mismatches the next position;
   * after the last node it is left over.
   */
  @Property(tries = 300)
  void anAddedNodeIsAMismatchOrLeftOver(
      @ForAll("nonEmptyEntries") Map<String, byte[]> entries, @ForAll("nonEmptyEntries") Map<String, byte[]> elsewhere,
      @ForAll("keys") String key, @ForAll("keys") String otherKey, @ForAll boolean fromThisTrie,
      @ForAll @IntRange(min = 0, max = 1 << 16) int sourceChoice, @ForAll @IntRange(min = 0, max = 1 << 16) int at) {
    MerklePatriciaTrie trie = trieOf(new InMemoryNodeStore(), entries);
    MerklePatriciaTrie source = fromThisTrie ? trie : trieOf(new InMemoryNodeStore(), elsewhere);
    List<byte[]> donor = source.proof(bytes(otherKey));
    List<byte[]> proof = new ArrayList<>(trie.proof(bytes(key)));
    proof.add(at % (proof.size() + 1), donor.get(sourceChoice % donor.size()));
    assertRejected(Set.of(Reason.HASH_MISMATCH, Reason.UNUSED_NODES), trie.rootHash(), key, proof);
  }

  /** Two nodes swapped: the first of them no longer hashes to the reference its position expects. */
  @Property(tries = 200)
  void swappedNodesAreAHashMismatch(
      @ForAll("nonEmptyEntries") Map<String, byte[]> entries, @ForAll @IntRange(min = 0, max = 1 << 16) int keyChoice,
      @ForAll @IntRange(min = 0, max = 1 << 16) int first, @ForAll @IntRange(min = 0, max = 1 << 16) int second) {
    MerklePatriciaTrie trie = trieOf(new InMemoryNodeStore(), entries);
    String key = new ArrayList<>(entries.keySet()).get(keyChoice % entries.size());
    List<byte[]> proof = new ArrayList<>(trie.proof(bytes(key)));
    Assume.that(proof.size() >= 2);
    int i = first % proof.size();
    int j = (i + 1 + second % (proof.size() - 1)) % proof.size();
    proof.set(i, proof.set(j, proof.get(i)));
    assertRejected(Set.of(Reason.HASH_MISMATCH), trie.rootHash(), key, proof);
  }

  /**
   * Soundness: a real proof presented for another key either is rejected or tells the truth about that key (it does
   * when both keys' walks end at the same node, e.g. in the same leaf or empty branch slot).
   */
  @Property(tries = 300)
  void aProofForOneKeyNeverLiesAboutAnother(
      @ForAll("entries") Map<String, byte[]> entries,
      @ForAll("keys") String provenKey, @ForAll("keys") String askedKey) {
    MerklePatriciaTrie trie = trieOf(new InMemoryNodeStore(), entries);
    List<byte[]> proof = trie.proof(bytes(provenKey));
    Optional<byte[]> answer;
    try {
      answer = MerklePatriciaTrie.verifyProof(trie.rootHash(), bytes(askedKey), proof);
    } catch (InvalidProofException rejected) {
      return;
    }
    assertEquals(Optional.ofNullable(entries.get(askedKey)).map(Hex::encode), answer.map(Hex::encode));
  }

  /** A proof checked against another trie's root fails at its first node. */
  @Property(tries = 200)
  void aProofDoesNotVerifyAgainstAnotherRoot(
      @ForAll("nonEmptyEntries") Map<String, byte[]> entries, @ForAll("entries") Map<String, byte[]> other,
      @ForAll("keys") String key) {
    MerklePatriciaTrie trie = trieOf(new InMemoryNodeStore(), entries);
    byte[] otherRoot = trieOf(new InMemoryNodeStore(), other).rootHash();
    Assume.that(!Hex.encode(otherRoot).equals(Hex.encode(trie.rootHash())));
    InvalidProofException rejected = assertThrows(InvalidProofException.class,
        () -> MerklePatriciaTrie.verifyProof(otherRoot, bytes(key), trie.proof(bytes(key))));
    assertTrue(Set.of(Reason.HASH_MISMATCH, Reason.MISSING_NODE).contains(rejected.reason()), rejected.getMessage());
  }

  @Property(tries = 100)
  void secureProofsProveTheUnhashedKey(@ForAll("entries") Map<String, byte[]> entries, @ForAll("keys") String probe) {
    SecureTrie trie = SecureTrie.empty(new InMemoryNodeStore());
    entries.forEach((key, value) -> trie.put(bytes(key), value));
    Optional<byte[]> proven = SecureTrie.verifyProof(trie.rootHash(), bytes(probe), trie.proof(bytes(probe)));
    assertEquals(Optional.ofNullable(entries.get(probe)).map(Hex::encode), proven.map(Hex::encode));
    entries.forEach((key, value) -> assertArrayEquals(
        value, SecureTrie.verifyProof(trie.rootHash(), bytes(key), trie.proof(bytes(key))).orElseThrow()));
  }

  private static void assertRejected(Set<Reason> allowed, byte[] root, String key, List<byte[]> proof) {
    InvalidProofException rejected = assertThrows(
        InvalidProofException.class, () -> MerklePatriciaTrie.verifyProof(root, bytes(key), proof));
    assertTrue(allowed.contains(rejected.reason()), rejected.getMessage());
  }

  private static List<String> hex(List<byte[]> nodes) {
    return nodes.stream().map(Hex::encode).toList();
  }

  @Provide
  Arbitrary<Map<String, byte[]>> entries() {
    return TrieGenerators.entries();
  }

  @Provide
  Arbitrary<Map<String, byte[]>> nonEmptyEntries() {
    return TrieGenerators.entries().filter(entries -> !entries.isEmpty());
  }

  @Provide
  Arbitrary<String> keys() {
    return TrieGenerators.keys();
  }
}
