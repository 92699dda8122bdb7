package io.luxtensor.api.jsonrpc.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code rpc.discover}: the OpenRPC document of every method this node serves. The build copies the one document,
 * openrpc/openrpc.json, onto the classpath; a test keeps it in step with the registered methods.
 */
public final class RpcDiscover implements JsonRpcMethod {
  static final String RESOURCE = "/openrpc/openrpc.json";

  private final JsonNode document;

  public RpcDiscover() {
    try (InputStream in = RpcDiscover.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath: the build copies it from openrpc/");
      }
      this.document = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  @Override
  public String name() {
    return "rpc.discover";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(0);
    return document.deepCopy();
  }
}
