/**
 * The sync scheduler, as pure logic: which checkpoint to sync to, which blocks to ask which peer for, timeouts
 * adapted to each peer's round-trip time, retries on other peers, and peer scores and bans. The network layer
 * ({@code p2p}, {@code node}) sends the requests it decides and feeds back the answers and the clock.
 *
 * <p>Pure core: imports {@code bytes}, {@code rlp}, {@code crypto}, {@code types}, and {@code trie} and {@code state}
 * for state sync; no Vert.x, threads or clock.
 */
package io.luxtensor.sync;
