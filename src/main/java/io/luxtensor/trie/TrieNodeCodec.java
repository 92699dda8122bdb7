package io.luxtensor.trie;

import io.luxtensor.crypto.Keccak256;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpDecodingException;
import io.luxtensor.rlp.RlpReader;

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
      case HashNode hashed -> hashed.writeReference(out, pos);
      case ContentNode content -> content.encoding().writeReference(out, pos);
    };
  }

  /**
   * The node encoded by {@code rlp}: a leaf, extension or branch, or the empty node for the RLP empty string (the
   * encoding of the empty trie, whose hash is the empty root).
   *
   * The node may keep slices of {@code rlp} (its children's hashes): nobody may modify {@code rlp} afterwards.
   *
   * @throws MalformedTrieNodeException if {@code rlp} is not a canonical node encoding, saying why
   */
  static TrieNode decode(byte[] rlp) {
    try {
      RlpReader reader = new RlpReader(rlp);
      TrieNode node = reader.nextIsList() ? decodeContent(reader, rlp) : decodeEmpty(reader.readString());
      reader.checkFinished();
      return node;
    } catch (RlpDecodingException e) {
      throw new MalformedTrieNodeException("node is not canonical RLP: " + e.getMessage(), e);
    }
  }

  private static EmptyNode decodeEmpty(byte[] string) {
    if (string.length != 0) {
      throw new MalformedTrieNodeException(
          "node is a byte string of " + string.length + " bytes; only the empty trie is a string");
    }
    return EmptyNode.INSTANCE;
  }

  /** Decodes the list the reader is at, in place: no item tree is built on the way, as trie walks decode a lot. */
  private static ContentNode decodeContent(RlpReader reader, byte[] rlp) {
    int enclosingEnd = reader.enterList();
    int size = reader.remainingItems();
    ContentNode node = switch (size) {
      case SHORT_NODE_SIZE -> decodeShort(reader, rlp);
      case BRANCH_NODE_SIZE -> decodeBranch(reader, rlp);
      default -> throw new MalformedTrieNodeException(
          "node is a list of " + size + " items; a leaf or extension has 2, a branch 17");
    };
    reader.leaveList(enclosingEnd);
    return node;
  }

  private static ContentNode decodeShort(RlpReader reader, byte[] rlp) {
    Nibbles.HexPrefixPath path = Nibbles.decodeHexPrefix(string(reader, "path"));
    if (path.leaf()) {
      byte[] value = string(reader, "leaf value");
      if (value.length == 0) {
        throw new MalformedTrieNodeException("leaf value is empty; an empty value means the key is absent");
      }
      return new LeafNode(path.nibbles(), value);
    }
    if (path.nibbles().length == 0) {
      throw new MalformedTrieNodeException("extension path is empty");
    }
    TrieNode child = decodeChild(reader, rlp);
    if (!(child instanceof BranchNode || child instanceof HashNode)) {
      throw new MalformedTrieNodeException("extension child must be a branch");
    }
    return new ExtensionNode(path.nibbles(), child);
  }

  private static BranchNode decodeBranch(RlpReader reader, byte[] rlp) {
    TrieNode[] children = new TrieNode[BranchNode.WIDTH];
    for (int slot = 0; slot < BranchNode.WIDTH; slot++) {
      children[slot] = decodeChild(reader, rlp);
    }
    BranchNode branch = new BranchNode(children, string(reader, "branch value"));
    if (branch.entryCount() < 2) {
      throw new MalformedTrieNodeException(
          "branch holds " + branch.entryCount() + " children and values; Ethereum keeps at least 2");
    }
    return branch;
  }

  /** A child of a node decoded from {@code rlp}: a hash reference stays a slice of {@code rlp} (see HashNode). */
  private static TrieNode decodeChild(RlpReader reader, byte[] rlp) {
    if (reader.nextIsList()) {
      int start = reader.position();
      ContentNode embedded = decodeContent(reader, rlp);
      int length = reader.position() - start;
      if (!NodeEncoding.isEmbedded(length)) {
        throw new MalformedTrieNodeException(
            "embedded child is " + length + " bytes; nodes of " + NodeEncoding.HASH_REFERENCE_LENGTH_MIN
                + " bytes or more are referenced by hash");
      }
      return embedded;
    }
    int length = reader.readStringInPlace();
    return switch (length) {
      case 0 -> EmptyNode.INSTANCE;
      case Keccak256.LENGTH -> HashNode.slice(rlp, reader.position() - length);
      default -> throw new MalformedTrieNodeException(
          "child reference is " + length + " bytes; it must be empty, a 32-byte hash or an embedded node");
    };
  }

  private static byte[] string(RlpReader reader, String field) {
    if (reader.nextIsList()) {
      throw new MalformedTrieNodeException(field + " must be a byte string, found a list");
    }
    return reader.readString();
  }
}
