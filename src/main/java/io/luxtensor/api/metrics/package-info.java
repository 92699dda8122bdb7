/**
 * Prometheus metrics (Micrometer) served on {@code /metrics}: the EIP-2159 names ({@code ethereum_blockchain_height},
 * {@code ethereum_best_known_block_number}, {@code ethereum_peer_count}, {@code ethereum_peer_limit}), LuxTensor's
 * own {@code luxtensor_*} meters for RPC, connections, refusals, the pool and the chain, and the JVM and process
 * meters of Micrometer's binders. Each node has its own registry, never the global one.
 *
 * <p>Shell (part of {@code api}): may import the core, {@code api.jsonrpc} and Micrometer. Meters are fed without
 * blocking: atomics set from chain events, gauges read at scrape time, and the scrape runs on a worker thread.
 */
package io.luxtensor.api.metrics;
