/**
 * Transaction validation and execution: stateless checks, gas and EIP-1559 fees, receipts; system contracts
 * (staking, AI network) live in {@code execution.system}.
 *
 * <p>Pure core: imports {@code bytes}, {@code rlp}, {@code crypto}, {@code types}, {@code trie}, {@code state}.
 */
package io.luxtensor.execution;
