/**
 * JSON-RPC over WebSocket: the same methods as HTTP, answered in request order per connection, plus
 * {@code eth_subscribe}/{@code eth_unsubscribe} for newHeads, logs, newPendingTransactions and syncing. Every
 * connection has a bounded outbound queue: a subscriber that does not read is disconnected, never waited for.
 */
package io.luxtensor.api.ws;
