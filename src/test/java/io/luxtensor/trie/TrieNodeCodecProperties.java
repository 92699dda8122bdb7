package io.luxtensor.trie;

import static io.luxtensor.trie.TrieGenerators.bytes;
import static io.luxtensor.trie.TrieGenerators.trieOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.Keccak256;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzing: hostile bytes reach the decoder through the store and through proofs. Whatever they are, the decoder
 * either returns a node that encodes back to exactly those bytes or throws {@link MalformedTrieNodeException}, and
 * {@code verifyProof} either answers or throws {@link InvalidProofException}; nothing else escapes.
 */
class TrieNodeCodecProperties {

  @Property(tries = 3000)
  void randomBytesDecodeCanonicallyOrFailTyped(@ForAll @Size(max = 600) byte[] input) {
    TrieNode node;
    try {
      node = TrieNodeCodec.decode(input);
    } catch (MalformedTrieNodeException rejected) {
      return;
    }
    byte[] reencoded = switch (node) {
      case EmptyNode empty -> Rlp.encode(RlpString.EMPTY);
      case ContentNode content -> content.encoding().rlp();
      case HashNode hashed -> throw new AssertionError("the decoder never returns a bare hash");
    };
    assertEquals(Hex.encode(input), Hex.encode(reencoded));
  }

  /** Real nodes with a byte changed, cut short or extended: the inputs most likely to get past the RLP layer. */
  @Property(tries = 1000)
  void alteredNodesDecodeCanonicallyOrFailTyped(
      @ForAll("alteredNodes") byte[] altered) {
    randomBytesDecodeCanonicallyOrFailTyped(altered);
  }

  /** The first node hashes to the root, so verification gets past the hash check into decoding and walking. */
  @Property(tries = 1000)
  void verifyProofAnswersOrFailsTyped(
      @ForAll("proofNodes") List<byte[]> proof, @ForAll @Size(max = 8) byte[] key, @ForAll boolean linkRoot) {
    byte[] root = linkRoot && !proof.isEmpty() ? Keccak256.hash(proof.get(0)) : Keccak256.hash(key);
    try {
      MerklePatriciaTrie.verifyProof(root, key, proof);
    } catch (InvalidProofException rejected) {
      // the only failure allowed
    }
  }

  @Provide
  Arbitrary<byte[]> alteredNodes() {
    return realNodes().flatMap(node -> Arbitraries.oneOf(
        Arbitraries.integers().between(0, node.length - 1).flatMap(position ->
            Arbitraries.integers().between(1, 255).map(flip -> flipped(node, position, flip))),
        Arbitraries.integers().between(0, node.length - 1).map(length -> Arrays.copyOf(node, length)),
        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(4).map(tail -> concat(node, tail))));
  }

  @Provide
  Arbitrary<List<byte[]>> proofNodes() {
    Arbitrary<byte[]> node = Arbitraries.oneOf(
        alteredNodes(), realNodes(), Arbitraries.bytes().array(byte[].class).ofMaxSize(100));
    return node.list().ofMaxSize(6);
  }

  /**
   * Nodes from the proofs of seeded random tries (leaves, extensions, branches, with embedded children), built once:
   * building a trie per generated input would dominate the run.
   */
  private static final List<byte[]> REAL_NODES = realNodes(new Random(20240611L));

  private static Arbitrary<byte[]> realNodes() {
    return Arbitraries.of(REAL_NODES);
  }

  private static List<byte[]> realNodes(Random random) {
    List<byte[]> nodes = new ArrayList<>();
    for (int trie = 0; trie < 20; trie++) {
      Map<String, byte[]> entries = TrieGenerators.entries(random);
      MerklePatriciaTrie built = trieOf(new InMemoryNodeStore(), entries);
      entries.keySet().forEach(key -> nodes.addAll(built.proof(bytes(key))));
    }
    return List.copyOf(nodes);
  }

  private static byte[] flipped(byte[] node, int position, int flip) {
    byte[] out = node.clone();
    out[position] ^= (byte) flip;
    return out;
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] out = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, out, first.length, second.length);
    return out;
  }
}
