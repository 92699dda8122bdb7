package io.luxtensor.trie;

import io.luxtensor.crypto.Keccak256;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpDecodingException;
import io.luxtensor.rlp.RlpItem;
import io.luxtensor.rlp.RlpList;
import io.luxtensor.rlp.RlpString;

/**
 * Trie nodes to and from RLP (Yellow Paper appendix D): a leaf is {@code [hexPrefix(path, leaf), value]}, an
 * extension {@code [hexPrefix(path, extension), child]}, a branch {@code [child0 .. child15, value]}; a child is the
 * empty string, the hash of its RLP, or its RLP item itself when that is shorter than 32 bytes.
 *
 * <p>Decoding is strict: it accepts exactly what encoding produces, so decode-then-encode gives back the input.
 */
final class TrieNodeCodec {
  private static final int SHORT_NODE_SIZE = 2;
  private static final int BRANCH_NODE_SIZE = BranchNode.WIDTH + 1;

  private TrieNodeCodec() {}

  static NodeEncoding encode(ContentNode node) {
    byte[] rlp = switch (node) {
      case LeafNode leaf -> {
        byte[] path = Nibbles.encodeHexPrefix(leaf.path(), true);
        int payload = Rlp.encodedStringLength(path) + Rlp.encodedStringLength(leaf.value());
        byte[] out = list(payload);
        Rlp.writeString(leaf.value(), out, Rlp.writeString(path, out, Rlp.writeListHeader(payload, out, 0)));
        yield out;
      }
      case ExtensionNode extension -> {
        byte[] path = Nibbles.encodeHexPrefix(extension.path(), false);
        int payload = Rlp.encodedStringLength(path) + referenceLength(extension.child());
        byte[] out = list(payload);
        writeReference(extension.child(), out, Rlp.writeString(path, out, Rlp.writeListHeader(payload, out, 0)));
        yield out;
      }
      case BranchNode branch -> {
        int payload = Rlp.encodedStringLength(branch.value());
        for (int slot = 0; slot < BranchNode.WIDTH; slot++) {
          payload += referenceLength(branch.child(slot));
        }
        byte[] out = list(payload);
        int pos = Rlp.writeListHeader(payload, out, 0);
        for (int slot = 0; slot < BranchNode.WIDTH; slot++) {
          pos = writeReference(branch.child(slot), out, pos);
        }
        Rlp.writeString(branch.value(), out, pos);
        yield out;
      }
    };
    return NodeEncoding.of(rlp);
  }

  /** The output for a list whose items take {@code payloadLength} bytes. */
  private static byte[] list(int payloadLength) {
    return new byte[Rlp.listHeaderLength(payloadLength) + payloadLength];
  }

  /** How many bytes what a parent holds for {@code child} takes. */
  private static int referenceLength(TrieNode child) {
    return switch (child) {
      case EmptyNode empty -> Rlp.encodedStringLength(Nibbles.EMPTY);
      case HashNode hashed -> NodeEncoding.HASH_REFERENCE_RLP_LENGTH;
      case ContentNode content -> content.encoding().referenceLength();
    };
  }

  /** Writes what a parent holds for {@code child}: the empty string, its hash, or the child itself if embedded. */
  private static int writeReference(TrieNode child, byte[] out, int pos) {
    return switch (child) {
      case EmptyNode empty -> Rlp.writeString(Nibbles.EMPTY, out, pos);
      case HashNode hashed -> Rlp.writeString(hashed.hash(), out, pos);
      case ContentNode content -> content.encoding().writeReference(out, pos);
    };
  }

  /**
   * The node encoded by {@code rlp}: a leaf, extension or branch, or the empty node for the RLP empty string (the
   * encoding of the empty trie, whose hash is the empty root).
   *
   * @throws MalformedTrieNodeException if {@code rlp} is not a canonical node encoding, saying why
   */
  static TrieNode decode(byte[] rlp) {
    RlpItem item;
    try {
      item = Rlp.decode(rlp);
    } catch (RlpDecodingException e) {
      throw new MalformedTrieNodeException("node is not canonical RLP: " + e.getMessage(), e);
    }
    return switch (item) {
      case RlpList list -> decodeContent(list);
      case RlpString string when string.length() == 0 -> EmptyNode.INSTANCE;
      case RlpString string -> throw new MalformedTrieNodeException(
          "node is a byte string of " + string.length() + " bytes; only the empty trie is a string");
    };
  }

  private static ContentNode decodeContent(RlpList list) {
    return switch (list.size()) {
      case SHORT_NODE_SIZE -> decodeShort(list);
      case BRANCH_NODE_SIZE -> decodeBranch(list);
      default -> throw new MalformedTrieNodeException(
          "node is a list of " + list.size() + " items; a leaf or extension has 2, a branch 17");
    };
  }

  private static ContentNode decodeShort(RlpList list) {
    Nibbles.HexPrefixPath path = Nibbles.decodeHexPrefix(string(list.get(0), "path").bytes());
    if (path.leaf()) {
      byte[] value = string(list.get(1), "leaf value").bytes();
      if (value.length == 0) {
        throw new MalformedTrieNodeException("leaf value is empty; an empty value means the key is absent");
      }
      return new LeafNode(path.nibbles(), value);
    }
    if (path.nibbles().length == 0) {
      throw new MalformedTrieNodeException("extension path is empty");
    }
    TrieNode child = decodeChild(list.get(1));
    if (!(child instanceof BranchNode || child instanceof HashNode)) {
      throw new MalformedTrieNodeException("extension child must be a branch");
    }
    return new ExtensionNode(path.nibbles(), child);
  }

  private static BranchNode decodeBranch(RlpList list) {
    TrieNode[] children = new TrieNode[BranchNode.WIDTH];
    for (int slot = 0; slot < BranchNode.WIDTH; slot++) {
      children[slot] = decodeChild(list.get(slot));
    }
    BranchNode branch = new BranchNode(children, string(list.get(BranchNode.WIDTH), "branch value").bytes());
    if (branch.entryCount() < 2) {
      throw new MalformedTrieNodeException(
          "branch holds " + branch.entryCount() + " children and values; Ethereum keeps at least 2");
    }
    return branch;
  }

  private static TrieNode decodeChild(RlpItem reference) {
    return switch (reference) {
      case RlpString string when string.length() == 0 -> EmptyNode.INSTANCE;
      case RlpString string when string.length() == Keccak256.LENGTH -> new HashNode(string.bytes());
      case RlpString string -> throw new MalformedTrieNodeException(
          "child reference is " + string.length() + " bytes; it must be empty, a 32-byte hash or an embedded node");
      case RlpList embedded -> {
        int length = Rlp.encode(embedded).length;
        if (!NodeEncoding.isEmbedded(length)) {
          throw new MalformedTrieNodeException(
              "embedded child is " + length + " bytes; nodes of " + NodeEncoding.HASH_REFERENCE_LENGTH_MIN
                  + " bytes or more are referenced by hash");
        }
        yield decodeContent(embedded);
      }
    };
  }

  private static RlpString string(RlpItem item, String field) {
    if (item instanceof RlpString string) {
      return string;
    }
    throw new MalformedTrieNodeException(field + " must be a byte string, found a list");
  }
}
