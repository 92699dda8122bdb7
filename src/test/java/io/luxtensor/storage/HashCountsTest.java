package io.luxtensor.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.luxtensor.bytes.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link HashCounts} against a map, over random inserts, changes and removals through several growths. Many keys
 * share their first eight bytes, which choose the slot, so long probe runs form and removals shift entries back.
 */
class HashCountsTest {

  @Test
  void agreesWithAMapThroughGrowthAndRemovals() {
    Random random = new Random(7);
    List<byte[]> keys = new ArrayList<>();
    for (int i = 0; i < 6_000; i++) {
      byte[] key = new byte[32 + 5];
      random.nextBytes(key);
      if (i % 3 == 0) {
        // The same first eight bytes as key 0: one home slot for a third of the keys.
        System.arraycopy(keys.isEmpty() ? key : keys.get(0), 5, key, 5, 8);
      }
      keys.add(key);
    }
    HashCounts counts = new HashCounts();
    Map<Bytes, Integer> expected = new HashMap<>();
    for (int step = 0; step < 60_000; step++) {
      byte[] key = keys.get(random.nextInt(step < 30_000 ? keys.size() : keys.size() / 4));
      Bytes hash = Bytes.of(Arrays.copyOfRange(key, 5, 37));
      switch (random.nextInt(4)) {
        case 0 -> {
          assertEquals(!expected.containsKey(hash), counts.insert(key, 5));
          expected.putIfAbsent(hash, 0);
        }
        case 1 -> {
          counts.remove(key, 5);
          expected.remove(hash);
        }
        default -> {
          int change = random.nextInt(5) - 2;
          Integer before = expected.get(hash);
          assertEquals(before == null ? HashCounts.ABSENT : before + change, counts.add(key, 5, change));
          if (before != null) {
            expected.put(hash, before + change);
          }
        }
      }
      assertEquals(expected.size(), counts.size());
    }
    for (byte[] key : keys) {
      Integer count = expected.get(Bytes.of(Arrays.copyOfRange(key, 5, 37)));
      assertEquals(count == null ? HashCounts.ABSENT : count, counts.add(key, 5, 0));
    }
  }
}
