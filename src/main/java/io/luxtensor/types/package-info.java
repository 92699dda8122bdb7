/**
 * The chain's data: hashes, addresses, amounts, logs, blooms, receipts, typed transactions (legacy/EIP-155,
 * EIP-2930, EIP-1559), block headers and blocks, each with its canonical RLP form.
 *
 * <p>Pure core: imports {@code bytes}, {@code rlp} and {@code crypto}.
 */
package io.luxtensor.types;
