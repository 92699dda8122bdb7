/**
 * Ethereum's hexary Merkle Patricia Trie (Yellow Paper appendix D): the structure behind the state, storage,
 * transactions and receipts roots, with EIP-1186 proofs that any Ethereum library verifies.
 *
 * <p>Nodes are content-addressed: a committed node is stored under its Keccak-256 hash and never changed or removed,
 * so a trie opened at any committed root is an immutable snapshot, whatever is committed after it.
 *
 * <p>Pure core: imports {@code io.luxtensor.bytes}, {@code io.luxtensor.rlp} and {@code io.luxtensor.crypto} only.
 * Storage is reached through the {@link io.luxtensor.trie.NodeStore} interface, which the shell implements.
 */
package io.luxtensor.trie;
