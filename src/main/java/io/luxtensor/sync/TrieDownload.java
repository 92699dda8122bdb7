package io.luxtensor.sync;

import io.luxtensor.rlp.RlpDecodingException;
import io.luxtensor.state.Account;
import io.luxtensor.trie.MalformedTrieNodeException;
import io.luxtensor.trie.NodeReferences;
import io.luxtensor.trie.NodeStore;
import io.luxtensor.types.Hash;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The download of a whole state — the account trie under a checkpoint's state root and every storage trie its
 * accounts name — from peers that cannot be trusted, as pure bookkeeping: which node hashes are still wanted, and
 * whether what a peer sent is any of them.
 *
 * <p>Only the root is trusted (it is in a finalized header). A node is accepted only if its Keccak-256 hash is one
 * a node already accepted refers to, so everything stored is proven by the chain of hashes up to the root, and a
 * peer cannot slip in a single byte that was not asked for. A peer's answer to a list of hashes holds those nodes
 * and, after them, nodes below them, parents before children: a whole key range of accounts per round trip,
 * checked node by node as it arrives. The download is complete when no hash is wanted any more: then every node
 * below the root is stored, and the store holds the state of the root exactly.
 *
 * <p>Nodes already in the store (from an interrupted sync, or a storage trie two accounts share) are walked in place
 * rather than fetched. One owner; not thread-safe.
 */
public final class TrieDownload {
  /** Which trie a wanted node belongs to: the account trie's leaves are accounts, whose storage tries come next. */
  private enum Kind { ACCOUNT, STORAGE }

  /** What became of a peer's answer. */
  public sealed interface Accepted {
    /** All of it was wanted and is now stored. */
    record Valid(int nodes) implements Accepted {}

    /**
     * A node that nothing stored refers to, and not stored already: the peer sent what it was not asked for. The nodes before it were
     * valid and are kept. @param reason for the log
     */
    record Invalid(int nodesKept, String reason) implements Accepted {}
  }

  private final NodeStore store;
  private final Map<Hash, Kind> wanted = new HashMap<>();
  /** Wanted hashes in the order they were found: breadth first, so early answers fan out the most work. */
  private final ArrayDeque<Hash> toRequest = new ArrayDeque<>();
  private long nodesStored;
  private long bytesStored;
  private long accounts;

  /** A download of the state under {@code stateRoot} into {@code store}, which may hold part of it already. */
  public TrieDownload(NodeStore store, Hash stateRoot) {
    this.store = store;
    want(stateRoot, Kind.ACCOUNT, store);
  }

  /** Whether every node of the state is stored. */
  public boolean complete() {
    return wanted.isEmpty();
  }

  /** Up to {@code max} wanted hashes to ask a peer for, taken off the queue until answered or given back. */
  public List<Hash> nextRequest(int max) {
    List<Hash> request = new ArrayList<>(Math.min(max, toRequest.size()));
    while (request.size() < max && !toRequest.isEmpty()) {
      Hash hash = toRequest.pollFirst();
      if (wanted.containsKey(hash) && !request.contains(hash)) {
        request.add(hash);
      }
    }
    return request;
  }

  /** Puts back those of {@code hashes} still wanted: their request timed out, or its peer left or misbehaved. */
  public void giveBack(List<Hash> hashes) {
    for (int i = hashes.size() - 1; i >= 0; i--) {
      if (wanted.containsKey(hashes.get(i))) {
        toRequest.addFirst(hashes.get(i));
      }
    }
  }

  /**
   * A peer's answer to a request for {@code asked}: each node is stored through {@code sink} if it is wanted, and the
   * hashes it refers to become wanted. Asked hashes the answer did not cover go back on the queue.
   */
  public Accepted accept(List<Hash> asked, List<byte[]> nodes, NodeStore sink) {
    int kept = 0;
    Optional<String> problem = Optional.empty();
    for (byte[] node : nodes) {
      Hash hash = Hash.keccak(node);
      Kind kind = wanted.remove(hash);
      if (kind == null) {
        // A node two tries share (equal storage of two accounts) may come twice, from two subtrees' answers.
        if (sink.get(hash.toBytes()).isPresent()) {
          continue;
        }
        problem = Optional.of("node " + hash + " is neither asked for nor below a node sent before it");
        break;
      }
      NodeReferences references;
      try {
        references = NodeReferences.of(node);
      } catch (MalformedTrieNodeException e) {
        // Its hash was in a node already proven, so the chain itself holds it: no peer can be blamed.
        throw new IllegalStateException("the state under a finalized root holds a malformed node " + hash, e);
      }
      sink.put(hash.toBytes(), node);
      nodesStored++;
      bytesStored += node.length;
      kept++;
      expand(references, kind, sink);
    }
    giveBack(asked);
    int count = kept;
    return problem.<Accepted>map(reason -> new Accepted.Invalid(count, reason))
        .orElseGet(() -> new Accepted.Valid(count));
  }

  /** Nodes stored so far, by this download (not those found in the store). */
  public long nodesStored() {
    return nodesStored;
  }

  public long bytesStored() {
    return bytesStored;
  }

  /** Accounts found so far, in fetched and in already stored nodes. */
  public long accounts() {
    return accounts;
  }

  /** Hashes wanted now: a lower bound on what is left, since each answer reveals more. */
  public int wantedCount() {
    return wanted.size();
  }

  private void want(Hash hash, Kind kind, NodeStore reader) {
    if (wanted.containsKey(hash)) {
      return;
    }
    Optional<byte[]> stored = reader.get(hash.toBytes());
    if (stored.isPresent()) {
      expand(NodeReferences.of(stored.get()), kind, reader);
    } else {
      wanted.put(hash, kind);
      toRequest.addLast(hash);
    }
  }

  private void expand(NodeReferences references, Kind kind, NodeStore reader) {
    references.childHashes().forEach(child -> want(Hash.wrap(child), kind, reader));
    if (kind == Kind.ACCOUNT) {
      for (byte[] value : references.values()) {
        accounts++;
        Account account;
        try {
          account = Account.decode(value);
        } catch (RlpDecodingException e) {
          throw new IllegalStateException("the account trie under a finalized root holds a value that is no account",
              e);
        }
        if (!account.storageRoot().equals(Account.EMPTY_STORAGE_ROOT)) {
          want(account.storageRoot(), Kind.STORAGE, reader);
        }
      }
    }
  }
}
