package io.luxtensor.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.luxtensor.state.Account;
import io.luxtensor.state.WorldState;
import io.luxtensor.trie.NodeReferences;
import io.luxtensor.trie.NodeStore;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Random blocks over a small state, so that versions share nodes and tries repeat (accounts come and go, balances
 * and slots take few values, storage tries of different accounts often match): after every block the store holds
 * exactly the trie nodes that the kept states reach, walked from their roots independently of {@link StateHistory},
 * and each kept state reads back as it was committed.
 */
class StateHistoryProperties {
  private static final List<Address> ADDRESSES =
      IntStream.range(1, 11).mapToObj(i -> Address.wrap(bytes(Address.LENGTH, i))).toList();
  private static final List<Hash> SLOTS =
      IntStream.range(1, 21).mapToObj(i -> Hash.wrap(bytes(Hash.LENGTH, i))).toList();
  private static final Hash EMPTY_ROOT = Account.EMPTY_STORAGE_ROOT;

  /** What the test expects an address to hold. */
  record Expected(long nonce, long balance, Map<Hash, BigInteger> storage) {}

  @Property(tries = 80)
  void theStoreHoldsExactlyWhatTheKeptStatesReach(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 5) int statesKept) {
    Random random = new Random(seed);
    try (KeyValueStore store = KeyValueStores.open(StorageConfig.memory())) {
      NodeStore reader = new ChainDatabase(store).trieNodes();
      Map<Address, Expected> state = new HashMap<>();
      Hash root = commitBlock(store, EMPTY_ROOT, state, random, 8, Optional.empty()).orElseThrow();
      StateHistory history = StateHistory.start(store, root, statesKept);
      ArrayDeque<Hash> keptRoots = new ArrayDeque<>(List.of(root));
      ArrayDeque<Map<Address, Expected>> keptStates = new ArrayDeque<>(List.of(copy(state)));
      for (int block = 0; block < 30; block++) {
        Map<Address, Expected> next = copy(state);
        Optional<Hash> committed = commitBlock(store, root, next, random, random.nextInt(6), Optional.of(history));
        if (committed.isEmpty()) {
          assertEquals(reachable(store, keptRoots), stored(store), "after failed block " + block);
          assertEquals(stored(store).size(), history.nodesStored());
          continue;
        }
        root = committed.get();
        state = next;
        keptRoots.addLast(root);
        keptStates.addLast(copy(state));
        if (keptRoots.size() > statesKept) {
          keptRoots.removeFirst();
          keptStates.removeFirst();
        }
        assertEquals(reachable(store, keptRoots), stored(store), "after block " + block);
        assertEquals(stored(store).size(), history.nodesStored());
        List<Hash> roots = new ArrayList<>(keptRoots);
        List<Map<Address, Expected>> states = new ArrayList<>(keptStates);
        for (int i = 0; i < roots.size(); i++) {
          assertEquals(states.get(i), readBack(reader, roots.get(i)), "the state at " + roots.get(i));
        }
      }
    }
  }

  @Test
  void aStateHistoryKeepsAtLeastTheHead() {
    try (KeyValueStore store = KeyValueStores.open(StorageConfig.memory())) {
      assertThrows(IllegalArgumentException.class, () -> StateHistory.start(store, EMPTY_ROOT, 0));
    }
  }

  /**
   * Applies up to {@code changes} random changes to a copy of {@code state} and commits them as one block; with a
   * history, one block in eight fails to commit. Returns the new root and state, or empty for a failed block.
   */
  private static Optional<Hash> commitBlock(KeyValueStore store, Hash root, Map<Address, Expected> state, Random random,
      int changes, Optional<StateHistory> history) {
    try (WriteBatch batch = store.newBatch()) {
      BatchNodeStore nodes = new BatchNodeStore(store, batch);
      WorldState world = WorldState.at(nodes, root);
      for (int i = 0; i < changes; i++) {
        Address address = ADDRESSES.get(random.nextInt(ADDRESSES.size()));
        Expected before = state.getOrDefault(address, new Expected(0, 0, Map.of()));
        Map<Hash, BigInteger> storage = new TreeMap<>(before.storage());
        Expected after = switch (random.nextInt(4)) {
          case 0 -> new Expected(before.nonce(), random.nextInt(3), storage);
          case 1 -> new Expected(before.nonce() + 1, before.balance(), storage);
          case 2 -> {
            Hash slot = SLOTS.get(random.nextInt(SLOTS.size()));
            BigInteger value = BigInteger.valueOf(random.nextInt(3));
            world.setStorage(address, slot, value);
            if (value.signum() == 0) {
              storage.remove(slot);
            } else {
              storage.put(slot, value);
            }
            yield new Expected(before.nonce(), before.balance(), storage);
          }
          default -> {
            storage.keySet().forEach(slot -> world.setStorage(address, slot, BigInteger.ZERO));
            yield new Expected(0, 0, Map.of());
          }
        };
        Account account = world.account(address);
        world.setAccount(address, account.withNonce(after.nonce()).withBalance(Wei.of(after.balance())));
        state.put(address, after);
      }
      Hash newRoot = world.commit(nodes).stateRoot();
      history.ifPresent(h -> h.onHead(nodes, newRoot, batch));
      if (history.isPresent() && random.nextInt(8) == 0) {
        // The batch is dropped instead: the store, and so the counts, stay as they were.
        history.get().headNotCommitted();
        return Optional.empty();
      }
      batch.commit();
      return Optional.of(newRoot);
    }
  }

  private static Map<Address, Expected> readBack(NodeStore nodes, Hash root) {
    WorldState world = WorldState.at(nodes, root);
    Map<Address, Expected> out = new HashMap<>();
    for (Address address : ADDRESSES) {
      Map<Hash, BigInteger> storage = new TreeMap<>();
      for (Hash slot : SLOTS) {
        BigInteger value = world.storage(address, slot);
        if (value.signum() != 0) {
          storage.put(slot, value);
        }
      }
      Account account = world.account(address);
      Expected read = new Expected(account.nonce(), account.balance().value().longValueExact(), storage);
      if (!read.equals(new Expected(0, 0, Map.of()))) {
        out.put(address, read);
      }
    }
    return out;
  }

  private static Map<Address, Expected> copy(Map<Address, Expected> state) {
    Map<Address, Expected> out = new HashMap<>();
    state.forEach((address, expected) -> {
      if (!expected.equals(new Expected(0, 0, Map.of()))) {
        out.put(address, new Expected(expected.nonce(), expected.balance(), new TreeMap<>(expected.storage())));
      }
    });
    return out;
  }

  /** The nodes of the account tries at {@code roots} and of the storage tries their accounts name. */
  private static Set<Hash> reachable(KeyValueStore store, Iterable<Hash> roots) {
    Set<Hash> seen = new HashSet<>();
    ArrayDeque<Hash> accountNodes = new ArrayDeque<>();
    ArrayDeque<Hash> storageNodes = new ArrayDeque<>();
    roots.forEach(root -> {
      if (!root.equals(EMPTY_ROOT)) {
        accountNodes.add(root);
      }
    });
    while (!accountNodes.isEmpty() || !storageNodes.isEmpty()) {
      boolean accountTrie = !accountNodes.isEmpty();
      Hash hash = accountTrie ? accountNodes.removeLast() : storageNodes.removeLast();
      if (!seen.add(hash)) {
        continue;
      }
      byte[] node = store.get(Column.TRIE_NODES, hash.toBytes())
          .orElseThrow(() -> new AssertionError("a kept state lost its node " + hash));
      NodeReferences references = NodeReferences.of(node);
      references.childHashes().forEach(child -> (accountTrie ? accountNodes : storageNodes).add(Hash.wrap(child)));
      if (accountTrie) {
        for (byte[] value : references.values()) {
          Hash storageRoot = Account.decode(value).storageRoot();
          if (!storageRoot.equals(EMPTY_ROOT)) {
            storageNodes.add(storageRoot);
          }
        }
      }
    }
    return seen;
  }

  private static Set<Hash> stored(KeyValueStore store) {
    Set<Hash> out = new HashSet<>();
    store.scan(Column.TRIE_NODES, new byte[0], new byte[0], (key, value) -> out.add(Hash.wrap(key)));
    return out;
  }

  private static byte[] bytes(int length, int last) {
    byte[] out = new byte[length];
    out[length - 1] = (byte) last;
    return out;
  }
}
