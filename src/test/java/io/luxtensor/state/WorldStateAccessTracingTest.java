package io.luxtensor.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.luxtensor.testing.TestData;
import io.luxtensor.trie.InMemoryNodeStore;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The storage-access record eth_createAccessList is built from. */
class WorldStateAccessTracingTest {
  private final TestData data = new TestData(11);
  private final InMemoryNodeStore nodes = new InMemoryNodeStore();

  @Test
  void readsAndWritesAreRecordedRevertedOnesIncludedInSlotOrder() {
    Address contract = data.address();
    Hash read = data.hash();
    Hash written = data.hash();
    Hash revertedWrite = data.hash();
    WorldState state = WorldState.tracingStorageAccess(nodes, Account.EMPTY_STORAGE_ROOT);
    state.storage(contract, read);
    state.setStorage(contract, written, BigInteger.ONE);
    int checkpoint = state.checkpoint();
    state.setStorage(contract, revertedWrite, BigInteger.TWO);
    state.revertTo(checkpoint);

    assertEquals(List.copyOf(new TreeSet<>(Set.of(new StorageSlot(contract, read),
        new StorageSlot(contract, written), new StorageSlot(contract, revertedWrite)))),
        List.copyOf(state.accessedStorage()),
        "a reverted call still accessed its slots (Geth lists them too)");
  }

  @Test
  void anUntracedStateRecordsNothing() {
    WorldState state = WorldState.at(nodes, Account.EMPTY_STORAGE_ROOT);
    state.setStorage(data.address(), data.hash(), BigInteger.ONE);
    assertEquals(Set.of(), state.accessedStorage());
  }
}
