package io.luxtensor.storage;

import java.util.Locale;

/**
 * The column families of the node's database: each is a separate ordered key space, so one kind of record can be
 * scanned, tuned and compacted without touching the others. Renaming a constant renames a column on disk: don't.
 */
public enum Column {
  HEADERS,
  BODIES,
  RECEIPTS,
  TRANSACTION_INDEX,
  CANONICAL_INDEX,
  TRIE_NODES,
  /** Flat account state, beside the state trie, for reads that need no proof. */
  ACCOUNTS,
  /** Flat contract storage slots, beside the storage tries. */
  STORAGE_SLOTS,
  CHAIN_METADATA,
  CONSENSUS;

  /** The name of the column on disk: a RocksDB column family ("trie_nodes"). */
  public String storageName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
