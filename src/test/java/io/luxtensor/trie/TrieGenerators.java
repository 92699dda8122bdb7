package io.luxtensor.trie;

import io.luxtensor.testing.YellowPaperTrie;

import io.luxtensor.bytes.Hex;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Seeded inputs for the trie properties. Keys are drawn from a few bytes whose nibbles overlap (0x00, 0x01, 0x10,
 * ...) so random keys share prefixes and build extensions, branches with values, and collapses on deletion; values
 * are either 1-3 bytes (embedded nodes) or up to 40 (nodes referenced by hash). Keys are Latin-1 strings so that
 * maps compare them by content; {@link #bytes} turns them into the byte keys the trie sees.
 */
final class TrieGenerators {
  private static final char[] KEY_BYTES = {0x00, 0x01, 0x10, 0x11, 0x12, 0x1f, 0xab, 0xff};
  private static final int KEY_LENGTH_MAX = 5;
  private static final int ENTRIES_MAX = 40;
  private static final int KEY_POOL_SIZE_MAX = 16;

  /** A put (non-empty value) or a delete (empty value) of one key. */
  record Operation(String key, byte[] value) {
    @Override
    public String toString() {
      return (value.length == 0 ? "delete " : "put ") + Hex.encode(bytes(key));
    }
  }

  private TrieGenerators() {}

  static Arbitrary<String> keys() {
    return Arbitraries.strings().withChars(KEY_BYTES).ofMaxLength(KEY_LENGTH_MAX);
  }

  static Arbitrary<byte[]> values() {
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(3),
        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40));
  }

  static Arbitrary<Map<String, byte[]>> entries() {
    return Arbitraries.maps(keys(), values()).ofMaxSize(ENTRIES_MAX).map(LinkedHashMap::new);
  }

  /**
   * Puts and deletes (one in three) over a small pool of keys, so that deletes hit keys that are present, and
   * branches collapse.
   */
  static Arbitrary<List<Operation>> operations() {
    return keys().set().ofMinSize(1).ofMaxSize(KEY_POOL_SIZE_MAX).flatMap(TrieGenerators::operationsOn);
  }

  /** Entries, then operations mostly on their keys: for updates to a committed trie, and for snapshots. */
  record History(Map<String, byte[]> entries, List<Operation> operations) {}

  static Arbitrary<History> histories() {
    return entries().flatMap(entries -> keys().set().ofMaxSize(KEY_POOL_SIZE_MAX / 4).flatMap(newKeys -> {
      Set<String> pool = new LinkedHashSet<>(entries.keySet());
      pool.addAll(newKeys);
      return pool.isEmpty()
          ? Arbitraries.just(new History(entries, List.of()))
          : operationsOn(pool).map(operations -> new History(entries, operations));
    }));
  }

  private static Arbitrary<List<Operation>> operationsOn(Set<String> keys) {
    Arbitrary<byte[]> putOrDelete = Arbitraries.frequencyOf(
        Tuple.of(2, values()), Tuple.of(1, Arbitraries.just(new byte[0])));
    return Combinators.combine(Arbitraries.of(keys), putOrDelete).as(Operation::new).list().ofMaxSize(ENTRIES_MAX);
  }

  /** One to {@code ENTRIES_MAX} entries drawn like {@link #entries()}, from a seeded source outside jqwik. */
  static Map<String, byte[]> entries(Random random) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    int count = 1 + random.nextInt(ENTRIES_MAX);
    while (entries.size() < count) {
      char[] key = new char[random.nextInt(KEY_LENGTH_MAX + 1)];
      for (int i = 0; i < key.length; i++) {
        key[i] = KEY_BYTES[random.nextInt(KEY_BYTES.length)];
      }
      byte[] value = new byte[1 + random.nextInt(random.nextBoolean() ? 3 : 40)];
      random.nextBytes(value);
      entries.put(new String(key), value);
    }
    return entries;
  }

  static byte[] bytes(String key) {
    return key.getBytes(StandardCharsets.ISO_8859_1);
  }

  static MerklePatriciaTrie trieOf(NodeStore store, Map<String, byte[]> entries) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(store);
    entries.forEach((key, value) -> trie.put(bytes(key), value));
    return trie;
  }

  /** Applies {@code operations} to both the trie and the model map. */
  static void apply(List<Operation> operations, Trie trie, Map<String, byte[]> model) {
    for (Operation operation : operations) {
      trie.put(bytes(operation.key()), operation.value());
      if (operation.value().length == 0) {
        model.remove(operation.key());
      } else {
        model.put(operation.key(), operation.value());
      }
    }
  }

  /** The Yellow Paper root of {@code model}. */
  static byte[] expectedRoot(Map<String, byte[]> model) {
    Map<byte[], byte[]> entries = new IdentityHashMap<>();
    model.forEach((key, value) -> entries.put(bytes(key), value));
    return YellowPaperTrie.rootHash(entries);
  }
}
