package io.luxtensor.api.graphql;

import io.luxtensor.api.http.ApiEndpoint;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.graphql.GraphQLHandler;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * GraphQL over HTTP at {@code /graphql}: GET with {@code ?query=}, POST with {@code application/json} or
 * {@code application/graphql}. Vert.x Web GraphQL reads the request on the event loop and graphql-java runs the
 * rest on the worker pool. Transport failures (body too large, malformed JSON, wrong content type) are answered as
 * GraphQL errors too: {@code {"errors":[{"message":...}]}}, never a stack trace.
 */
public final class GraphQlEndpoint implements ApiEndpoint {
  public static final String PATH = "/graphql";
  private static final System.Logger LOG = System.getLogger(GraphQlEndpoint.class.getName());

  private final LuxtensorGraphQl.Sources sources;
  private final GraphQlLimits limits;
  private final int bodyBytesMax;

  /** @param bodyBytesMax largest request body accepted (the API's body limit) */
  public GraphQlEndpoint(LuxtensorGraphQl.Sources sources, GraphQlLimits limits, int bodyBytesMax) {
    this.sources = sources;
    this.limits = limits;
    this.bodyBytesMax = bodyBytesMax;
  }

  @Override
  public void mount(Router router, WorkerExecutor workers) {
    Executor onWorkers = task -> workers.executeBlocking(() -> {
      task.run();
      return null;
    }, false);
    GraphQLHandler graphQl = GraphQLHandler.builder(LuxtensorGraphQl.create(sources, limits, onWorkers))
        .beforeExecute(request -> {
          if (request.context().request().method() == HttpMethod.GET) {
            request.builder().graphQLContext(Map.of(MutationFields.READ_ONLY_REQUEST, true));
          }
        })
        .build();
    router.route(PATH).handler(BodyHandler.create(false).setBodyLimit(bodyBytesMax));
    router.route(PATH).handler(graphQl);
    router.route(PATH).failureHandler(this::answerFailure);
  }

  private void answerFailure(RoutingContext ctx) {
    if (ctx.response().ended()) {
      return;
    }
    int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    Throwable failure = ctx.failure();
    String message = switch (status) {
      // Vert.x fails a batch (a JSON array), which Geth does not serve either, with no exception.
      case 400 -> "malformed request: " + (failure == null ? "batched queries are not served" : failure.getMessage())
          + " (send GET ?query=, or POST application/json {\"query\": ...} or application/graphql)";
      case 405 -> "GraphQL is served with GET and POST";
      case 413 -> "request body larger than " + bodyBytesMax + " bytes";
      case 415 -> "unsupported content type: POST application/json or application/graphql";
      default -> {
        LOG.log(System.Logger.Level.ERROR, "GraphQL request failed with status " + status, failure);
        yield "internal error";
      }
    };
    JsonObject body = new JsonObject().put("errors", new JsonArray().add(new JsonObject().put("message", message)));
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toBuffer());
  }
}
