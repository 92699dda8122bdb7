package io.luxtensor.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.chain.StoredBlock;
import io.luxtensor.testing.TestData;
import io.luxtensor.types.Block;
import io.luxtensor.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecentBlocksTest {
  private final TestData data = new TestData(5);
  private final List<Hash> loads = new ArrayList<>();

  private Optional<StoredBlock> load(Hash hash) {
    loads.add(hash);
    return Optional.of(new StoredBlock(new Block(data.header(data.key()), List.of(), List.of(), List.of()),
        List.of()));
  }

  @Test
  void aBlockReadAgainComesFromTheCacheUntilNewerReadsPushItOut() {
    RecentBlocks recent = new RecentBlocks(2);
    Hash a = data.hash();
    Hash b = data.hash();
    Hash c = data.hash();

    StoredBlock first = recent.get(a, this::load).orElseThrow();
    assertSame(first, recent.get(a, this::load).orElseThrow());
    assertEquals(List.of(a), loads);

    recent.get(b, this::load);
    recent.get(a, this::load); // a is now the most recently used
    recent.get(c, this::load); // evicts b
    recent.get(a, this::load);
    assertEquals(List.of(a, b, c), loads);
    recent.get(b, this::load);
    assertEquals(List.of(a, b, c, b), loads);
  }

  @Test
  void aBlockPutIsReadWithoutLoadingAndCountsAsRecentlyUsed() {
    RecentBlocks recent = new RecentBlocks(2);
    StoredBlock head = load(data.hash()).orElseThrow();
    Hash old = data.hash();
    loads.clear();
    recent.get(old, this::load);
    recent.put(head);
    assertSame(head, recent.get(head.block().hash(), this::load).orElseThrow());
    recent.get(data.hash(), this::load); // evicts the older of the two: old
    recent.get(old, this::load);
    assertEquals(3, loads.size(), "old was loaded again, the head block never: " + loads);
  }

  @Test
  void aBlockNotFoundIsNotRemembered() {
    RecentBlocks recent = new RecentBlocks(2);
    Hash missing = data.hash();
    assertTrue(recent.get(missing, hash -> Optional.empty()).isEmpty());
    assertTrue(recent.get(missing, this::load).isPresent(), "stored since: it is read");
  }
}
