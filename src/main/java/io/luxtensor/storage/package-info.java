/**
 * The node's database: a {@link io.luxtensor.storage.KeyValueStore} of ordered column families, written through
 * atomic, durable {@link io.luxtensor.storage.WriteBatch}es, over the engine a
 * {@link io.luxtensor.storage.StorageConfig} names: sorted maps in memory (the dev node) or RocksDB (persistent
 * nodes). {@link io.luxtensor.storage.BatchNodeStore} lets the trie commit into a block's batch. Secrets
 * kept as files (keystores and their passwords) are written through {@link io.luxtensor.storage.OwnerOnlyFiles}.
 *
 * <p>Shell: may import the core ({@code bytes}, {@code trie}, and the other core packages whose records it comes to
 * store) and RocksDB; never {@code p2p}, {@code api}, {@code node} or {@code cli}, which build on it. Stores
 * are thread-safe (see {@link io.luxtensor.storage.KeyValueStore}); nothing here runs on an event loop.
 */
package io.luxtensor.storage;
