package io.luxtensor.api.http;

import io.luxtensor.api.ApiObserver;
import io.luxtensor.api.jsonrpc.JsonRpcErrorBody;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** Ends a request that a guard refused: an HTTP status with a JSON-RPC error body, reported to the observer. */
final class HttpRefusal {
  private HttpRefusal() {}

  static Future<Void> send(RoutingContext ctx, ApiObserver observer, ApiObserver.Refusal refusal, int httpStatus,
      int rpcCode, String message) {
    observer.onRefused(refusal);
    observer.onError(rpcCode);
    return ctx.response().setStatusCode(httpStatus).putHeader("Content-Type", "application/json")
        .end(JsonRpcErrorBody.of(rpcCode, message));
  }
}
