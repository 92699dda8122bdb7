package io.luxtensor.trie;

import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.Keccak256;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ethereum's hexary Merkle Patricia Trie over a {@link NodeStore}, with keys used as given (see {@link SecureTrie}
 * for the hashed keys of the state and storage tries).
 *
 * <p>Opening reads nothing: nodes are loaded from the store when a walk reaches them. Updates copy the nodes on
 * their path and share the rest, and every node memoizes its hash, so {@link #rootHash()} after a few updates hashes
 * only the changed paths. {@link #commit()} writes the new nodes and leaves the trie holding just the root hash;
 * nothing is ever overwritten, so instances opened at older roots keep reading their own snapshot.
 *
 * <p>Any operation that must read a node throws {@link MissingTrieNodeException} if the store lacks it, and
 * {@link MalformedTrieNodeException} if the store holds something else than a node under its hash.
 */
public final class MerklePatriciaTrie implements Trie {
  /**
   * Longest key accepted. Ethereum's keys are at most 32 bytes (hashes, or RLP-encoded indices); this leaves room for
   * other uses while bounding the recursion of updates and commits, a few frames per key nibble (512 nibbles).
   */
  public static final int KEY_LENGTH_BYTES_MAX = 256;

  private static final byte[] EMPTY_ROOT_HASH = Keccak256.hash(Rlp.encode(RlpString.EMPTY));

  private final NodeStore store;
  private TrieNode root;

  private MerklePatriciaTrie(NodeStore store, TrieNode root) {
    this.store = Objects.requireNonNull(store, "store");
    this.root = root;
  }

  /** A new empty trie whose commits go to {@code store}. */
  public static MerklePatriciaTrie empty(NodeStore store) {
    return new MerklePatriciaTrie(store, EmptyNode.INSTANCE);
  }

  /** The trie committed to {@code store} with this root hash; a missing root shows up on first access. */
  public static MerklePatriciaTrie open(NodeStore store, byte[] rootHash) {
    checkHash(rootHash);
    return new MerklePatriciaTrie(
        store, Arrays.equals(rootHash, EMPTY_ROOT_HASH) ? EmptyNode.INSTANCE : new HashNode(rootHash.clone()));
  }

  /**
   * The root hash of a trie holding {@code values.get(i)} under {@code rlp(i)}, as a block's transactions and receipts
   * roots are. The values are only read, and not copied: the trie is dropped before this returns.
   */
  public static byte[] orderedRoot(List<byte[]> values) {
    MerklePatriciaTrie trie = empty(new InMemoryNodeStore());
    for (int i = 0; i < values.size(); i++) {
      trie.putOwned(Rlp.encode(RlpString.of(i)), values.get(i));
    }
    return trie.rootHash();
  }

  /** keccak256(rlp("")) = 0x56e81f17...b421, the root hash of the empty trie. */
  public static byte[] emptyRootHash() {
    return EMPTY_ROOT_HASH.clone();
  }

  /**
   * What {@code proof} proves about {@code key} under {@code rootHash}: the value, or empty if the key is absent.
   *
   * @throws InvalidProofException if the proof does not link {@code key}'s path to {@code rootHash}, saying why
   */
  public static Optional<byte[]> verifyProof(byte[] rootHash, byte[] key, List<byte[]> proof) {
    checkHash(rootHash);
    return ProofVerifier.verify(rootHash, Nibbles.fromBytes(checkKey(key)), proof);
  }

  @Override
  public Optional<byte[]> get(byte[] key) {
    byte[] path = Nibbles.fromBytes(checkKey(key));
    TrieNode node = root;
    int position = 0;
    while (true) {
      switch (node) {
        case EmptyNode empty -> {
          return Optional.empty();
        }
        case HashNode hashed -> node = load(hashed);
        case ContentNode content -> {
          switch (LookupStep.from(content, path, position)) {
            case LookupStep.Answer answer -> {
              return answer.value().map(byte[]::clone);
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

  @Override
  public void put(byte[] key, byte[] value) {
    putOwned(key, value.clone());
  }

  /** {@link #put} of a value this trie may keep: nobody modifies it while the trie is in use. */
  private void putOwned(byte[] key, byte[] value) {
    if (value.length == 0) {
      delete(key);
      return;
    }
    root = put(root, Nibbles.fromBytes(checkKey(key)), 0, value);
  }

  @Override
  public void delete(byte[] key) {
    root = delete(root, Nibbles.fromBytes(checkKey(key)), 0);
  }

  @Override
  public byte[] rootHash() {
    return switch (root) {
      case EmptyNode empty -> EMPTY_ROOT_HASH.clone();
      case HashNode hashed -> hashed.hash().clone();
      case ContentNode content -> content.encoding().hash().clone();
    };
  }

  @Override
  public byte[] commit() {
    if (root instanceof ContentNode content) {
      byte[] hash = content.encoding().hash();
      store.put(hash, content.encoding().rlp());
      writeChildren(content);
      root = new HashNode(hash);
    }
    return rootHash();
  }

  @Override
  public List<byte[]> proof(byte[] key) {
    byte[] path = Nibbles.fromBytes(checkKey(key));
    List<byte[]> proof = new ArrayList<>();
    TrieNode node = root;
    int position = 0;
    boolean atRoot = true;
    while (true) {
      ContentNode content;
      switch (node) {
        case EmptyNode empty -> {
          return proof;
        }
        case HashNode hashed -> {
          byte[] rlp = read(hashed);
          proof.add(rlp.clone());
          content = decodeStored(hashed, rlp);
        }
        case ContentNode inMemory -> {
          if (atRoot || !inMemory.encoding().embedded()) {
            proof.add(inMemory.encoding().rlp().clone());
          }
          content = inMemory;
        }
      }
      atRoot = false;
      switch (LookupStep.from(content, path, position)) {
        case LookupStep.Answer answer -> {
          return proof;
        }
        case LookupStep.Descend descend -> {
          node = descend.child();
          position = descend.keyPosition();
        }
      }
    }
  }

  private TrieNode put(TrieNode node, byte[] key, int position, byte[] value) {
    return switch (node) {
      case EmptyNode empty -> new LeafNode(Nibbles.slice(key, position, key.length), value);
      case HashNode hashed -> put(load(hashed), key, position, value);
      case LeafNode leaf -> putBelowLeaf(leaf, key, position, value);
      case ExtensionNode extension -> putBelowExtension(extension, key, position, value);
      case BranchNode branch -> position == key.length
          ? branch.withValue(value)
          : branch.withChild(key[position], put(branch.child(key[position]), key, position + 1, value));
    };
  }

  private static TrieNode putBelowLeaf(LeafNode leaf, byte[] key, int position, byte[] value) {
    int common = Nibbles.commonPrefixLength(leaf.path(), key, position);
    if (common == leaf.path().length && position + common == key.length) {
      return new LeafNode(leaf.path(), value);
    }
    BranchNode withOldLeaf = withLeaf(BranchNode.EMPTY, leaf.path(), common, leaf.value());
    BranchNode fork = withLeaf(withOldLeaf, key, position + common, value);
    return prefixed(key, position, common, fork);
  }

  private TrieNode putBelowExtension(ExtensionNode extension, byte[] key, int position, byte[] value) {
    byte[] path = extension.path();
    int common = Nibbles.commonPrefixLength(path, key, position);
    if (common == path.length) {
      return new ExtensionNode(path, put(extension.child(), key, position + common, value));
    }
    TrieNode rest = common + 1 == path.length
        ? extension.child()
        : new ExtensionNode(Nibbles.slice(path, common + 1, path.length), extension.child());
    BranchNode fork = withLeaf(BranchNode.EMPTY.withChild(path[common], rest), key, position + common, value);
    return prefixed(key, position, common, fork);
  }

  /** {@code branch} holding the key whose remaining path is {@code path} from {@code from}. */
  private static BranchNode withLeaf(BranchNode branch, byte[] path, int from, byte[] value) {
    if (from == path.length) {
      return branch.withValue(value);
    }
    return branch.withChild(path[from], new LeafNode(Nibbles.slice(path, from + 1, path.length), value));
  }

  /** {@code fork} behind an extension of the {@code length} nibbles of {@code key} from {@code from}, if any. */
  private static TrieNode prefixed(byte[] key, int from, int length, BranchNode fork) {
    return length == 0 ? fork : new ExtensionNode(Nibbles.slice(key, from, from + length), fork);
  }

  /** {@code node} without {@code key}; the very same instance if it did not hold the key. */
  private TrieNode delete(TrieNode node, byte[] key, int position) {
    return switch (node) {
      case EmptyNode empty -> empty;
      case HashNode hashed -> {
        ContentNode loaded = load(hashed);
        TrieNode updated = delete(loaded, key, position);
        yield updated == loaded ? hashed : updated;
      }
      case LeafNode leaf -> Nibbles.endsWith(key, position, leaf.path()) ? EmptyNode.INSTANCE : leaf;
      case ExtensionNode extension -> {
        if (!Nibbles.startsWith(key, position, extension.path())) {
          yield extension;
        }
        TrieNode child = delete(extension.child(), key, position + extension.path().length);
        yield child == extension.child() ? extension : joined(extension.path(), child);
      }
      case BranchNode branch -> deleteBelowBranch(branch, key, position);
    };
  }

  private TrieNode deleteBelowBranch(BranchNode branch, byte[] key, int position) {
    BranchNode updated;
    if (position == key.length) {
      if (branch.value().length == 0) {
        return branch;
      }
      updated = branch.withValue(Nibbles.EMPTY);
    } else {
      TrieNode child = branch.child(key[position]);
      TrieNode remaining = delete(child, key, position + 1);
      if (remaining == child) {
        return branch;
      }
      updated = branch.withChild(key[position], remaining);
    }
    if (updated.entryCount() >= 2) {
      return updated;
    }
    // A branch left with one entry is not canonical: fold it into its only value or child.
    if (updated.value().length > 0) {
      return new LeafNode(Nibbles.EMPTY, updated.value());
    }
    int slot = updated.onlyChildSlot();
    return joined(new byte[] {(byte) slot}, updated.child(slot));
  }

  /** The node for {@code prefix} then {@code node}'s own path, merging paths as Ethereum's canonical form does. */
  private TrieNode joined(byte[] prefix, TrieNode node) {
    return switch (node) {
      case HashNode hashed -> {
        ContentNode loaded = load(hashed);
        yield loaded instanceof BranchNode ? new ExtensionNode(prefix, hashed) : joined(prefix, loaded);
      }
      case LeafNode leaf -> new LeafNode(Nibbles.concat(prefix, leaf.path()), leaf.value());
      case ExtensionNode extension -> new ExtensionNode(Nibbles.concat(prefix, extension.path()), extension.child());
      case BranchNode branch -> new ExtensionNode(prefix, branch);
      case EmptyNode empty -> throw new IllegalStateException("a deletion emptied a node that holds two entries");
    };
  }

  /** Writes the hash-referenced nodes below {@code node} that are not in the store yet (those in memory). */
  private void writeChildren(ContentNode node) {
    switch (node) {
      case LeafNode leaf -> { }
      case ExtensionNode extension -> write(extension.child());
      case BranchNode branch -> {
        for (int slot = 0; slot < BranchNode.WIDTH; slot++) {
          write(branch.child(slot));
        }
      }
    }
  }

  private void write(TrieNode node) {
    // An embedded node is part of its parent's RLP; it cannot hold a hash reference (33 bytes) either.
    if (node instanceof ContentNode content && !content.encoding().embedded()) {
      store.put(content.encoding().hash(), content.encoding().rlp());
      writeChildren(content);
    }
  }

  private ContentNode load(HashNode node) {
    return decodeStored(node, read(node));
  }

  private byte[] read(HashNode node) {
    return store.get(node.hash()).orElseThrow(() -> new MissingTrieNodeException(node.hash()));
  }

  private static ContentNode decodeStored(HashNode node, byte[] rlp) {
    TrieNode decoded;
    try {
      decoded = TrieNodeCodec.decode(rlp);
    } catch (MalformedTrieNodeException e) {
      throw new MalformedTrieNodeException("stored node " + Hex.encode(node.hash()) + ": " + e.getMessage(), e);
    }
    if (decoded instanceof ContentNode content) {
      return content;
    }
    throw new MalformedTrieNodeException(
        "stored node " + Hex.encode(node.hash()) + " is the empty trie, which is never referenced by hash");
  }

  private static byte[] checkKey(byte[] key) {
    if (key.length > KEY_LENGTH_BYTES_MAX) {
      throw new IllegalArgumentException(
          "trie key is " + key.length + " bytes, at most " + KEY_LENGTH_BYTES_MAX + " allowed");
    }
    return key;
  }

  private static void checkHash(byte[] hash) {
    if (hash.length != Keccak256.LENGTH) {
      throw new IllegalArgumentException("a root hash is " + Keccak256.LENGTH + " bytes, got " + hash.length);
    }
  }
}
