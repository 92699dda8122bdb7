/**
 * The AI network's JSON-RPC methods ({@code lux_getSubnet}, {@code lux_getMetagraph} and the rest), with the names
 * the ModernTensor Python SDK calls: reads of the AI network's system contracts at a block. Documented in
 * openrpc/openrpc.json with {@code "x-luxtensor": true}.
 */
package io.luxtensor.api.jsonrpc.ai;
