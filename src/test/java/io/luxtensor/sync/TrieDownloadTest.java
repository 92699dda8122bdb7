package io.luxtensor.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.state.Account;
import io.luxtensor.trie.InMemoryNodeStore;
import io.luxtensor.trie.NodeReferences;
import io.luxtensor.trie.SecureTrie;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Wei;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A state downloaded node by node from an honest source ends whole; a node nobody asked for is refused. */
class TrieDownloadTest {
  private static final int ACCOUNTS = 2_000;

  @Test
  void anHonestSourceGivesTheWholeStateWithItsStorageTries() {
    InMemoryNodeStore source = new InMemoryNodeStore();
    SecureTrie storage = SecureTrie.empty(source);
    storage.put(Hash.keccak(new byte[] {1}).toBytes(), new byte[] {42});
    Hash storageRoot = Hash.wrap(storage.commit());
    SecureTrie accounts = SecureTrie.empty(source);
    for (int i = 0; i < ACCOUNTS; i++) {
      Account account = new Account(i, Wei.of(1_000 + i), i % 10 == 0 ? storageRoot : Account.EMPTY_STORAGE_ROOT,
          Account.EMPTY_CODE_HASH);
      accounts.put(Hash.keccak(new byte[] {(byte) i, (byte) (i >> 8)}).toBytes(), account.encode());
    }
    Hash root = Hash.wrap(accounts.commit());

    InMemoryNodeStore target = new InMemoryNodeStore();
    TrieDownload download = new TrieDownload(target, root);
    int rounds = 0;
    while (!download.complete()) {
      List<Hash> asked = download.nextRequest(16);
      assertFalse(asked.isEmpty(), "an incomplete download has something to ask for");
      assertInstanceOf(TrieDownload.Accepted.Valid.class, download.accept(asked, serve(source, asked, 64), target));
      rounds++;
    }
    assertEquals(source.size(), target.size(), "every node of the state and its storage trie is stored");
    assertEquals(ACCOUNTS, download.accounts());
    assertTrue(rounds > 1);
    SecureTrie copy = SecureTrie.open(target, root.toBytes());
    assertArrayEquals(accounts.get(Hash.keccak(new byte[] {7, 0}).toBytes()).orElseThrow(),
        copy.get(Hash.keccak(new byte[] {7, 0}).toBytes()).orElseThrow());
  }

  @Test
  void aNodeNobodyAskedForIsInvalidAndTheNodesBeforeItAreKept() {
    InMemoryNodeStore source = new InMemoryNodeStore();
    SecureTrie accounts = SecureTrie.empty(source);
    for (int i = 0; i < 100; i++) {
      accounts.put(Hash.keccak(new byte[] {(byte) i}).toBytes(),
          new Account(0, Wei.of(1 + i), Account.EMPTY_STORAGE_ROOT, Account.EMPTY_CODE_HASH).encode());
    }
    Hash root = Hash.wrap(accounts.commit());
    InMemoryNodeStore target = new InMemoryNodeStore();
    TrieDownload download = new TrieDownload(target, root);
    List<Hash> asked = download.nextRequest(1);
    List<byte[]> answer = new ArrayList<>(serve(source, asked, 3));
    byte[] forged = new Account(0, Wei.of(999_999), Account.EMPTY_STORAGE_ROOT, Account.EMPTY_CODE_HASH).encode();
    answer.add(forged);
    TrieDownload.Accepted accepted = download.accept(asked, answer, target);
    TrieDownload.Accepted.Invalid invalid = assertInstanceOf(TrieDownload.Accepted.Invalid.class, accepted);
    assertEquals(3, invalid.nodesKept());
    assertFalse(download.complete());
  }

  /** What an honest peer answers: the nodes asked for, then those below them, breadth first, up to {@code max}. */
  private static List<byte[]> serve(InMemoryNodeStore source, List<Hash> asked, int max) {
    ArrayDeque<Hash> queue = new ArrayDeque<>(asked);
    List<byte[]> nodes = new ArrayList<>();
    while (!queue.isEmpty() && nodes.size() < max) {
      byte[] node = source.get(queue.pollFirst().toBytes()).orElseThrow();
      nodes.add(node);
      NodeReferences.of(node).childHashes().forEach(h -> queue.addLast(Hash.wrap(h)));
    }
    return nodes;
  }
}
