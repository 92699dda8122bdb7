package io.luxtensor.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.luxtensor.trie.InMemoryNodeStore;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * WorldState against a plain model (maps, with copies for checkpoints): after any sequence of writes, checkpoints,
 * reverts and commits, reads agree with the model, and the root equals that of a fresh state holding just the
 * model's content; with or without a flat state.
 */
class WorldStateProperties {
  private static final int ADDRESSES = 6;
  private static final int SLOTS = 4;

  sealed interface Op {
    record SetBalance(int account, long wei) implements Op {}

    record IncrementNonce(int account) implements Op {}

    record SetStorage(int account, int slot, long value) implements Op {}

    record Checkpoint() implements Op {}

    record RevertToLastCheckpoint() implements Op {}

    record Commit() implements Op {}
  }

  /** The model: account fields and storage as plain maps. */
  record Model(TreeMap<Integer, long[]> accounts, TreeMap<Integer, TreeMap<Integer, Long>> storage) {
    Model copy() {
      TreeMap<Integer, long[]> a = new TreeMap<>();
      accounts.forEach((k, v) -> a.put(k, v.clone()));
      TreeMap<Integer, TreeMap<Integer, Long>> s = new TreeMap<>();
      storage.forEach((k, v) -> s.put(k, new TreeMap<>(v)));
      return new Model(a, s);
    }

    long[] account(int i) {
      return accounts.computeIfAbsent(i, k -> new long[2]);
    }
  }

  @Property(tries = 300)
  void worldStateAgreesWithTheModel(@ForAll("operations") List<Op> ops, @ForAll boolean withFlatState) {
    InMemoryNodeStore nodes = new InMemoryNodeStore();
    MapFlatState flat = new MapFlatState();
    WorldState state = withFlatState
        ? WorldState.at(nodes, Account.EMPTY_STORAGE_ROOT, flat) : WorldState.at(nodes, Account.EMPTY_STORAGE_ROOT);
    Model model = new Model(new TreeMap<>(), new TreeMap<>());
    Deque<Integer> checkpoints = new ArrayDeque<>();
    Deque<Model> modelCheckpoints = new ArrayDeque<>();

    for (Op op : ops) {
      switch (op) {
        case Op.SetBalance s -> {
          state.setAccount(address(s.account()), state.account(address(s.account())).withBalance(Wei.of(s.wei())));
          model.account(s.account())[1] = s.wei();
        }
        case Op.IncrementNonce n -> {
          state.incrementNonce(address(n.account()));
          model.account(n.account())[0]++;
        }
        case Op.SetStorage s -> {
          state.setStorage(address(s.account()), slot(s.slot()), BigInteger.valueOf(s.value()));
          model.storage().computeIfAbsent(s.account(), k -> new TreeMap<>()).put(s.slot(), s.value());
        }
        case Op.Checkpoint c -> {
          checkpoints.push(state.checkpoint());
          modelCheckpoints.push(model.copy());
        }
        case Op.RevertToLastCheckpoint r -> {
          if (!checkpoints.isEmpty()) {
            state.revertTo(checkpoints.pop());
            model = modelCheckpoints.pop();
          }
        }
        case Op.Commit c -> {
          flat.apply(state.commit(nodes));
          checkpoints.clear();
          modelCheckpoints.clear();
        }
      }
      assertReadsMatch(state, model);
    }
    Hash root = state.commit(nodes).stateRoot();
    assertEquals(rootOf(model), root);
    assertReadsMatch(StateSnapshot.at(nodes, root), model);
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<Integer> account = Arbitraries.integers().between(0, ADDRESSES - 1);
    Arbitrary<Op> op = Arbitraries.frequencyOf(
        Tuple.of(4, account.flatMap(a -> Arbitraries.longs().between(0, 3).map(w -> new Op.SetBalance(a, w)))),
        Tuple.of(2, account.map(Op.IncrementNonce::new)),
        Tuple.of(4, account.flatMap(a -> Arbitraries.integers().between(0, SLOTS - 1)
            .flatMap(s -> Arbitraries.longs().between(0, 2).map(v -> new Op.SetStorage(a, s, v))))),
        Tuple.of(2, Arbitraries.just(new Op.Checkpoint())),
        Tuple.of(2, Arbitraries.just(new Op.RevertToLastCheckpoint())),
        Tuple.of(1, Arbitraries.just(new Op.Commit())));
    return op.list().ofMaxSize(40);
  }

  private static void assertReadsMatch(StateReader state, Model model) {
    for (int a = 0; a < ADDRESSES; a++) {
      long[] fields = model.accounts().getOrDefault(a, new long[2]);
      Account account = state.account(address(a));
      assertEquals(fields[0], account.nonce(), "nonce of " + a);
      assertEquals(BigInteger.valueOf(fields[1]), account.balance().value(), "balance of " + a);
      for (int s = 0; s < SLOTS; s++) {
        long expected = model.storage().getOrDefault(a, new TreeMap<>()).getOrDefault(s, 0L);
        assertEquals(BigInteger.valueOf(expected), state.storage(address(a), slot(s)), "slot " + s + " of " + a);
      }
    }
  }

  /** The root of a fresh state written directly from the model, in one commit. */
  private static Hash rootOf(Model model) {
    InMemoryNodeStore nodes = new InMemoryNodeStore();
    WorldState fresh = WorldState.at(nodes, Account.EMPTY_STORAGE_ROOT);
    model.accounts().forEach((a, f) -> fresh.setAccount(address(a),
        Account.EMPTY.withNonce(f[0]).withBalance(Wei.of(f[1]))));
    model.storage().forEach((a, slots) -> slots.forEach((s, v) -> fresh.setStorage(address(a), slot(s), BigInteger.valueOf(v))));
    return fresh.commit(nodes).stateRoot();
  }

  private static Address address(int i) {
    byte[] bytes = new byte[Address.LENGTH];
    bytes[19] = (byte) (i + 1);
    return Address.wrap(bytes);
  }

  private static Hash slot(int i) {
    byte[] bytes = new byte[Hash.LENGTH];
    bytes[31] = (byte) i;
    return Hash.wrap(bytes);
  }

  /** A flat state kept in maps, updated from commits the way the node updates its flat-state columns. */
  static final class MapFlatState implements FlatState {
    private final Map<Address, Account> accounts = new TreeMap<>();
    private final Map<StorageSlot, BigInteger> storage = new TreeMap<>();

    void apply(StateCommit commit) {
      commit.accounts().forEach((a, account) -> {
        if (account.equals(Account.EMPTY)) {
          accounts.remove(a);
        } else {
          accounts.put(a, account);
        }
      });
      commit.storage().forEach((slot, value) -> {
        if (value.signum() == 0) {
          storage.remove(slot);
        } else {
          storage.put(slot, value);
        }
      });
    }

    @Override
    public Account account(Address address) {
      return accounts.getOrDefault(address, Account.EMPTY);
    }

    @Override
    public BigInteger storage(Address address, Hash slot) {
      return storage.getOrDefault(new StorageSlot(address, slot), BigInteger.ZERO);
    }
  }
}
