package io.luxtensor.storage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A count per 32-byte hash, in flat arrays with open addressing: an entry costs about 60 bytes where a map of boxed
 * keys costs twice that, and a lookup reads the hash where it lies (a slice of a node's encoding) without copying it.
 * Keys are Keccak-256 hashes, uniform already, so their first eight bytes choose the slot. Not thread-safe.
 */
final class HashCounts {
  /** What {@link #add} returns for a hash that has no entry. */
  static final int ABSENT = Integer.MIN_VALUE;

  private static final int HASH_BYTES = 32;
  private static final int KEY_LONGS = HASH_BYTES / Long.BYTES;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final int INITIAL_SLOTS = 1 << 10;

  private long[] keys = new long[INITIAL_SLOTS * KEY_LONGS];
  private int[] counts = new int[INITIAL_SLOTS];
  private boolean[] used = new boolean[INITIAL_SLOTS];
  private int mask = INITIAL_SLOTS - 1;
  private int size;

  int size() {
    return size;
  }

  /**
   * Adds {@code hash} (the 32 bytes of {@code source} at {@code offset}) with a count of 0, unless it has one.
   *
   * @return whether it was added
   */
  boolean insert(byte[] source, int offset) {
    if (slotOf(source, offset) >= 0) {
      return false;
    }
    if ((size + 1) * 4L > (mask + 1) * 3L) {
      grow();
    }
    int slot = firstSlot(source, offset);
    while (used[slot]) {
      slot = (slot + 1) & mask;
    }
    for (int i = 0; i < KEY_LONGS; i++) {
      keys[slot * KEY_LONGS + i] = longAt(source, offset, i);
    }
    counts[slot] = 0;
    used[slot] = true;
    size++;
    return true;
  }

  /** Adds {@code change} to the count of the hash at {@code offset}; returns the new count, or {@link #ABSENT}. */
  int add(byte[] source, int offset, int change) {
    int slot = slotOf(source, offset);
    if (slot < 0) {
      return ABSENT;
    }
    counts[slot] += change;
    return counts[slot];
  }

  /** Removes the hash at {@code offset}, if it has an entry. */
  void remove(byte[] source, int offset) {
    int slot = slotOf(source, offset);
    if (slot < 0) {
      return;
    }
    // Backward-shift deletion: entries after the hole that would no longer be found move into it.
    int hole = slot;
    int next = hole;
    while (true) {
      next = (next + 1) & mask;
      if (!used[next]) {
        break;
      }
      int home = home(keys[next * KEY_LONGS]);
      boolean staysPut = hole <= next ? hole < home && home <= next : hole < home || home <= next;
      if (!staysPut) {
        System.arraycopy(keys, next * KEY_LONGS, keys, hole * KEY_LONGS, KEY_LONGS);
        counts[hole] = counts[next];
        hole = next;
      }
    }
    used[hole] = false;
    size--;
  }

  private int slotOf(byte[] source, int offset) {
    long first = longAt(source, offset, 0);
    int slot = home(first);
    while (used[slot]) {
      int base = slot * KEY_LONGS;
      if (keys[base] == first && keys[base + 1] == longAt(source, offset, 1)
          && keys[base + 2] == longAt(source, offset, 2) && keys[base + 3] == longAt(source, offset, 3)) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  private int firstSlot(byte[] source, int offset) {
    return home(longAt(source, offset, 0));
  }

  private int home(long firstLong) {
    return (int) (firstLong ^ (firstLong >>> 32)) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    boolean[] oldUsed = used;
    int slots = (mask + 1) * 2;
    keys = new long[slots * KEY_LONGS];
    counts = new int[slots];
    used = new boolean[slots];
    mask = slots - 1;
    for (int old = 0; old < oldUsed.length; old++) {
      if (oldUsed[old]) {
        int slot = home(oldKeys[old * KEY_LONGS]);
        while (used[slot]) {
          slot = (slot + 1) & mask;
        }
        System.arraycopy(oldKeys, old * KEY_LONGS, keys, slot * KEY_LONGS, KEY_LONGS);
        counts[slot] = oldCounts[old];
        used[slot] = true;
      }
    }
  }

  private static long longAt(byte[] source, int offset, int index) {
    return (long) LONGS.get(source, offset + index * Long.BYTES);
  }
}
