/**
 * The world state: Ethereum accounts (nonce, balance, storage root, code hash) in a secure Merkle Patricia Trie,
 * each account's storage in its own trie. {@link io.luxtensor.state.WorldState} is the single writer's mutable view
 * with a cache and a journal for reverts; {@link io.luxtensor.state.StateSnapshot} is an immutable view of a committed
 * root that any number of readers share.
 *
 * <p>Pure core: imports {@code bytes}, {@code rlp}, {@code crypto}, {@code types} and {@code trie}. Storage comes in
 * as {@link io.luxtensor.trie.NodeStore} and {@link io.luxtensor.state.FlatState} implementations.
 */
package io.luxtensor.state;
