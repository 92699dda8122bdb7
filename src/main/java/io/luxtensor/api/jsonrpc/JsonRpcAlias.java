package io.luxtensor.api.jsonrpc;

import java.util.concurrent.CompletableFuture;

/**
 * A second name for a method, answering exactly as the method does: the ModernTensor SDK calls some methods by
 * {@code lux_} names that LuxTensor serves under {@code mt_} ones.
 */
public final class JsonRpcAlias implements JsonRpcMethod {
  private final String name;
  private final JsonRpcMethod target;

  public JsonRpcAlias(String name, JsonRpcMethod target) {
    this.name = name;
    this.target = target;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    return target.execute(params);
  }

  @Override
  public CompletableFuture<Object> start(JsonRpcParams params) {
    return target.start(params);
  }
}
