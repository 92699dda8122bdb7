/**
 * The chain: genesis, block validation, building and importing blocks, transaction and receipt roots.
 *
 * <p>Pure core: imports {@code bytes}, {@code rlp}, {@code crypto}, {@code types}, {@code trie}, {@code state},
 * {@code execution} and {@code consensus}. Stored blocks come in through {@link io.luxtensor.chain.ChainReader};
 * results go out as values for the shell to write in one atomic batch.
 */
package io.luxtensor.chain;
