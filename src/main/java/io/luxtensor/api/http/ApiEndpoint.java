package io.luxtensor.api.http;

import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;

/**
 * One part of the API listener (JSON-RPC over HTTP, WebSocket, GraphQL, metrics, health): it mounts its routes on
 * the shared router. Handlers run on the event loop and must hand anything that reads storage or does CPU work to
 * {@code workers}.
 */
public interface ApiEndpoint {

  void mount(Router router, WorkerExecutor workers);
}
