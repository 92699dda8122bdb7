/**
 * LuxTensor's own JSON-RPC methods ({@code lux_*}): what Ethereum's namespaces have no method for, such as the
 * validator set. Documented in openrpc/openrpc.json with {@code "x-luxtensor": true}.
 */
package io.luxtensor.api.jsonrpc.lux;
