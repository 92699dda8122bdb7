package io.luxtensor.trie;

import io.luxtensor.crypto.Keccak256;
import io.luxtensor.rlp.RlpDecodingException;
import io.luxtensor.rlp.RlpReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one encoded trie node points at: the hashes of the child nodes stored apart from it, and the values it holds
 * itself (in its leaves and branches, embedded children included). State sync walks a trie it does not have yet with
 * these: each child hash is what the next node must hash to, and an account's value names its storage root.
 *
 * @param childHashes the 32-byte hashes of the children referenced by hash, in slot order
 * @param values the values of the node and of its embedded children, in slot order (a branch's own value after
 *     its children's)
 */
public record NodeReferences(List<byte[]> childHashes, List<byte[]> values) {
  private static final int BRANCH_ITEMS = BranchNode.WIDTH + 1;

  /** Receives what one encoded node points at: see {@link #visit}. */
  public interface Visitor {
    /** A child referenced by hash: the 32 bytes of {@code source} at {@code offset}, which must not be modified. */
    void childHash(byte[] source, int offset);

    /** A value held by the node or an embedded child: the visitor's own copy. */
    void value(byte[] value);
  }

  /**
   * The references of the node encoded as {@code rlp}.
   *
   * @throws MalformedTrieNodeException if {@code rlp} is not a trie node
   */
  public static NodeReferences of(byte[] rlp) {
    TrieNodeCodec.decode(rlp);
    List<byte[]> hashes = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    visit(rlp, new Visitor() {
      @Override
      public void childHash(byte[] source, int offset) {
        hashes.add(Arrays.copyOfRange(source, offset, offset + Keccak256.LENGTH));
      }

      @Override
      public void value(byte[] value) {
        values.add(value);
      }
    });
    return new NodeReferences(List.copyOf(hashes), List.copyOf(values));
  }

  /**
   * Calls {@code visitor} with each child hash and value of the node encoded as {@code rlp}, in slot order.
   * For walks over many nodes of the node's own store, such as counting references to them: it reads the encoding
   * in place and builds no node, trusting the encoding to be a node's (checked when the node was built or received;
   * {@link #of} checks it). Nobody may modify {@code rlp} while the visitor holds slices of it.
   *
   * @throws MalformedTrieNodeException if {@code rlp} is not well-formed RLP
   */
  public static void visit(byte[] rlp, Visitor visitor) {
    try {
      RlpReader reader = new RlpReader(rlp);
      if (reader.nextIsList()) {
        visitContent(reader, rlp, visitor);
      }
    } catch (RlpDecodingException e) {
      throw new MalformedTrieNodeException("node is not canonical RLP: " + e.getMessage(), e);
    }
  }

  private static void visitContent(RlpReader reader, byte[] rlp, Visitor visitor) {
    int enclosingEnd = reader.enterList();
    if (reader.remainingItems() == BRANCH_ITEMS) {
      for (int slot = 0; slot < BranchNode.WIDTH; slot++) {
        visitChild(reader, rlp, visitor);
      }
      visitValue(reader, rlp, visitor);
    } else {
      int pathLength = reader.readStringInPlace();
      // The hex-prefix flag nibble is 2 or 3 for a leaf: its 0x20 bit.
      if (pathLength > 0 && (rlp[reader.position() - pathLength] & 0x20) != 0) {
        visitValue(reader, rlp, visitor);
      } else {
        visitChild(reader, rlp, visitor);
      }
    }
    reader.leaveList(enclosingEnd);
  }

  private static void visitChild(RlpReader reader, byte[] rlp, Visitor visitor) {
    if (reader.nextIsList()) {
      visitContent(reader, rlp, visitor);
      return;
    }
    if (reader.readStringInPlace() == Keccak256.LENGTH) {
      visitor.childHash(rlp, reader.position() - Keccak256.LENGTH);
    }
  }

  private static void visitValue(RlpReader reader, byte[] rlp, Visitor visitor) {
    int length = reader.readStringInPlace();
    if (length > 0) {
      visitor.value(Arrays.copyOfRange(rlp, reader.position() - length, reader.position()));
    }
  }
}
