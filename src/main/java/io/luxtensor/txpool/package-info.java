/**
 * The transaction pool: per sender, the executable run of nonces from the account nonce (pending) and the
 * transactions behind a nonce gap (queued); promotion when a gap fills, replacement only with a 10% fee bump,
 * limits per sender and in total with eviction of the cheapest, and the order a block builder takes them in.
 *
 * <p>The pool checks only what needs the head or the pool itself (nonce, balance, block gas limit, base fee,
 * duplicates, replacement, limits). The stateless checks (chain id, EIP-155, signature, intrinsic gas, fee fields)
 * are {@link io.luxtensor.execution.StatelessTransactionValidator}'s: it recovers the sender (~200 µs), so the node
 * runs it on a worker thread and hands the pool a {@link io.luxtensor.txpool.ValidatedTransaction}. Both kinds of
 * rejection carry a {@code message()} that starts with Geth's wording, which the RPC returns as is.
 *
 * <p>The pool has one owner (the chain context) and no locks; it reads no clock: arrival order is a sequence
 * number it assigns.
 *
 * <p>Pure core: imports {@code bytes}, {@code rlp}, {@code crypto}, {@code types}, {@code execution}.
 */
package io.luxtensor.txpool;
