/**
 * The node's primary interface: JSON-RPC ({@code jsonrpc}: one class per method, grouped by namespace, registered
 * in {@link io.luxtensor.api.jsonrpc.JsonRpcMethods}), its HTTP transport and guards ({@code http}), WebSocket
 * subscriptions ({@code ws}), filters ({@code filter}), GraphQL ({@code graphql}), token authentication
 * ({@code auth}), Prometheus metrics ({@code metrics}) and health checks ({@code health}).
 *
 * <p>Shell: may import the core. It reads the chain through {@link io.luxtensor.api.BlockchainQueries} and changes it
 * only by submitting transactions; the node wires implementations in.
 */
package io.luxtensor.api;
