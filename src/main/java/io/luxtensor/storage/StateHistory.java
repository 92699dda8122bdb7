package io.luxtensor.storage;

import io.luxtensor.state.Account;
import io.luxtensor.trie.NodeReferences;
import io.luxtensor.types.Hash;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps the states of the last {@code statesKept} blocks and deletes every trie node none of them reaches, so that a
 * node in memory holds its recent state rather than every state it ever had (an archive).
 *
 * <p>Trie nodes are content-addressed and shared between versions and between tries (two accounts may have the same
 * storage), so a node may go only when nothing still reaches it. Each stored node's references are counted: those of
 * the stored nodes that point at it (a branch or extension by hash, an account by its storage root) and one per kept
 * state whose root it is. A block adds the nodes it wrote, counting their children when a node is first stored, and
 * its root; the state that falls out of the window loses its root's reference, and every node whose count reaches
 * zero is deleted, its children losing one reference in turn. A block's work is proportional to the nodes it writes
 * and deletes, never to the size of the state.
 *
 * <p>Every node in the store must be counted: the history starts from a scan of the whole column, and afterwards
 * every trie node must reach the store through {@link #onHead}. The counts live in memory only; the history is for
 * stores that do not outlive the process.
 *
 * <p>One owner, the chain thread: {@link #onHead} with a block's batch, then commit the batch; if either fails,
 * {@link #headNotCommitted} counts again from the store.
 */
public final class StateHistory {
  private static final byte[] EMPTY_TRIE_ROOT = Account.EMPTY_STORAGE_ROOT.toBytes();

  private final KeyValueStore store;
  private final int statesKept;
  /** Every stored trie node, with the references to it: the nodes present are exactly its entries. */
  private HashCounts references = new HashCounts();
  /** The roots of the kept states, oldest first; a root appears once per block whose state it is. */
  private final ArrayDeque<Hash> keptRoots = new ArrayDeque<>();
  /** What the last {@link #onHead} changed in {@link #keptRoots}, to undo if its batch fails. */
  private boolean rootAdded;
  private Hash lastReleased;

  private StateHistory(KeyValueStore store, int statesKept) {
    if (statesKept < 1) {
      throw new IllegalArgumentException("a state history keeps at least the head's state, not " + statesKept);
    }
    this.store = store;
    this.statesKept = statesKept;
  }

  /**
   * A history of {@code store}'s trie nodes keeping the states of {@code statesKept} blocks, the first of them the
   * head's at {@code headStateRoot}: counts the references of every node stored so far.
   */
  public static StateHistory start(KeyValueStore store, Hash headStateRoot, int statesKept) {
    StateHistory history = new StateHistory(store, statesKept);
    history.keptRoots.addLast(headStateRoot);
    history.countFromStore();
    return history;
  }

  /** How many blocks' states are kept, the head's included. */
  public int statesKept() {
    return statesKept;
  }

  /** The trie nodes stored now. */
  public int nodesStored() {
    return references.size();
  }

  /**
   * Takes in a new head whose state is {@code stateRoot} and whose trie nodes {@code blockNodes} put into
   * {@code batch}: counts them and, when the window is full, releases the oldest kept state, deleting from
   * {@code batch} the nodes that no kept state reaches any more.
   */
  public void onHead(BatchNodeStore blockNodes, Hash stateRoot, WriteBatch batch) {
    rootAdded = false;
    lastReleased = null;
    // All of the block's new nodes first: a parent may come before its child, whose count must exist to be raised.
    List<byte[]> added = new ArrayList<>();
    blockNodes.forEachWritten((hash, node) -> {
      if (references.insert(hash, 0)) {
        added.add(node);
      }
    });
    for (byte[] node : added) {
      forEachReference(node, (source, offset) -> references.add(source, offset, 1));
    }
    keptRoots.addLast(stateRoot);
    rootAdded = true;
    references.add(stateRoot.toBytes(), 0, 1);
    if (keptRoots.size() > statesKept) {
      lastReleased = keptRoots.removeFirst();
      release(lastReleased.toBytes(), blockNodes, batch);
    }
  }

  /**
   * The batch given to the last {@link #onHead} did not commit, or that call failed: counts again from the store, as
   * it still is.
   */
  public void headNotCommitted() {
    if (rootAdded) {
      keptRoots.removeLast();
      if (lastReleased != null) {
        keptRoots.addFirst(lastReleased);
      }
      rootAdded = false;
      lastReleased = null;
    }
    countFromStore();
  }

  private void release(byte[] root, BatchNodeStore blockNodes, WriteBatch batch) {
    ArrayDeque<byte[]> unreferenced = new ArrayDeque<>();
    Reference lose = (source, offset) -> {
      if (references.add(source, offset, -1) == 0) {
        unreferenced.push(Arrays.copyOfRange(source, offset, offset + Hash.LENGTH));
      }
    };
    lose.at(root, 0);
    while (!unreferenced.isEmpty()) {
      byte[] hash = unreferenced.pop();
      // Most nodes deleted were stored by earlier blocks: the store first, then this block's own.
      byte[] node = store.getShared(Column.TRIE_NODES, hash).or(() -> blockNodes.get(hash)).orElseThrow(() ->
          new IllegalStateException("trie node " + Hash.wrap(hash)
              + " is counted but not stored: the state history no longer matches the store"));
      references.remove(hash, 0);
      batch.delete(Column.TRIE_NODES, hash);
      forEachReference(node, lose);
    }
  }

  private void countFromStore() {
    HashCounts counts = new HashCounts();
    List<byte[]> nodes = new ArrayList<>();
    store.scan(Column.TRIE_NODES, new byte[0], new byte[0], (hash, node) -> {
      counts.insert(hash, 0);
      nodes.add(node);
      return true;
    });
    for (byte[] node : nodes) {
      forEachReference(node, (source, offset) -> counts.add(source, offset, 1));
    }
    keptRoots.forEach(root -> counts.add(root.toBytes(), 0, 1));
    references = counts;
  }

  /** A hash that a node references: the 32 bytes of {@code source} at {@code offset}. */
  @FunctionalInterface
  private interface Reference {
    void at(byte[] source, int offset);
  }

  /** Calls {@code reference} with each node {@code node} references: its children by hash, its accounts' storage. */
  private static void forEachReference(byte[] node, Reference reference) {
    NodeReferences.visit(node, new NodeReferences.Visitor() {
      @Override
      public void childHash(byte[] source, int offset) {
        reference.at(source, offset);
      }

      @Override
      public void value(byte[] value) {
        // Storage tries hold RLP strings; only the account trie holds lists, and each is an account.
        if ((value[0] & 0xff) >= 0xc0) {
          byte[] storageRoot = Account.decode(value).storageRoot().toBytes();
          if (!Arrays.equals(storageRoot, EMPTY_TRIE_ROOT)) {
            reference.at(storageRoot, 0);
          }
        }
      }
    });
  }
}
