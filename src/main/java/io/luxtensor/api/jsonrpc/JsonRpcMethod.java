package io.luxtensor.api.jsonrpc;

/**
 * One JSON-RPC method. Implementations are stateless and thread-safe: the server runs them on worker threads, never
 * on an event loop, so they may read storage.
 */
public interface JsonRpcMethod {

  /** The method name, e.g. {@code eth_chainId}. */
  String name();

  /**
   * The result: anything Jackson serializes (JsonNode, String, Boolean, null, ...).
   *
   * @throws JsonRpcException for errors the caller should see (bad params, unknown block, refused transaction)
   */
  Object execute(JsonRpcParams params) throws JsonRpcException;
}
