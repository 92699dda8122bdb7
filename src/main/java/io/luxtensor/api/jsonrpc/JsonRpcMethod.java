package io.luxtensor.api.jsonrpc;

import java.util.concurrent.CompletableFuture;

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

  /**
   * Starts the call and returns its result to come. A method whose answer waits on another thread (the pool's verdict
   * on the chain thread) overrides this without waiting, so that the requests of a batch wait together rather than one
   * after another; the default runs {@link #execute} now.
   */
  default CompletableFuture<Object> start(JsonRpcParams params) {
    try {
      return CompletableFuture.completedFuture(execute(params));
    } catch (JsonRpcException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
