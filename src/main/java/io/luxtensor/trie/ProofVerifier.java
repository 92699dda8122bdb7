package io.luxtensor.trie;

import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.Keccak256;
import io.luxtensor.trie.InvalidProofException.Reason;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Checks an EIP-1186 proof: the nodes on a key's path, root first, each hash-referenced node exactly once.
 *
 * <p>Nodes are consumed strictly in order, each checked against the hash its parent (or the root) holds, and none
 * may be left over. So any change to a valid proof (a byte flipped, a node removed, added or moved) is rejected: a
 * changed node no longer hashes to its reference, and a proof for a key can only end where that key's walk ends.
 */
final class ProofVerifier {

  private ProofVerifier() {}

  static Optional<byte[]> verify(byte[] rootHash, byte[] path, List<byte[]> proof) {
    if (proof.isEmpty() && Arrays.equals(rootHash, MerklePatriciaTrie.emptyRootHash())) {
      return Optional.empty();
    }
    int used = 0;
    TrieNode node = new HashNode(rootHash);
    int position = 0;
    while (true) {
      switch (node) {
        case EmptyNode empty -> {
          // Only the root can decode to the empty node (a child reference to it is malformed): the trie is empty.
          return finish(Optional.empty(), used, proof);
        }
        case HashNode hashed -> {
          node = decodeProofNode(hashed.hash(), used, proof);
          used++;
        }
        case ContentNode content -> {
          switch (LookupStep.from(content, path, position)) {
            case LookupStep.Answer answer -> {
              return finish(answer.value(), used, proof);
            }
            case LookupStep.Descend descend -> {
              node = descend.child();
              position = descend.keyPosition();
            }
          }
        }
      }
    }
  }

  private static TrieNode decodeProofNode(byte[] expectedHash, int index, List<byte[]> proof) {
    if (index >= proof.size()) {
      throw new InvalidProofException(
          Reason.MISSING_NODE, "node " + index + " (hash " + Hex.encode(expectedHash) + ") is not in the proof");
    }
    byte[] rlp = proof.get(index);
    byte[] actualHash = Keccak256.hash(rlp);
    if (!Arrays.equals(actualHash, expectedHash)) {
      throw new InvalidProofException(
          Reason.HASH_MISMATCH,
          "node " + index + " hashes to " + Hex.encode(actualHash) + ", expected " + Hex.encode(expectedHash));
    }
    TrieNode node;
    try {
      node = TrieNodeCodec.decode(rlp);
    } catch (MalformedTrieNodeException e) {
      throw new InvalidProofException(Reason.MALFORMED_NODE, "node " + index + ": " + e.getMessage(), e);
    }
    if (index > 0 && node == EmptyNode.INSTANCE) {
      throw new InvalidProofException(
          Reason.MALFORMED_NODE, "node " + index + " is the empty trie, which is never referenced by hash");
    }
    if (index > 0 && NodeEncoding.isEmbedded(rlp.length)) {
      throw new InvalidProofException(Reason.MALFORMED_NODE,
          "node " + index + " is " + rlp.length + " bytes; nodes under " + NodeEncoding.HASH_REFERENCE_LENGTH_MIN
              + " bytes are embedded in their parent, not referenced by hash");
    }
    return node;
  }

  private static Optional<byte[]> finish(Optional<byte[]> answer, int used, List<byte[]> proof) {
    if (used < proof.size()) {
      throw new InvalidProofException(
          Reason.UNUSED_NODES, "the path ended at node " + (used - 1) + " of " + proof.size());
    }
    return answer;
  }
}
