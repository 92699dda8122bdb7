package io.luxtensor.api.jsonrpc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of a response refused before any request was read (rate limit, authentication, connection limit, CORS):
 * a JSON-RPC error with a null id, so JSON-RPC clients show its message whatever the HTTP status.
 */
public final class JsonRpcErrorBody {
  private JsonRpcErrorBody() {}

  public static String of(int code, String message) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("jsonrpc", "2.0");
    body.putNull("id");
    ObjectNode error = body.putObject("error");
    error.put("code", code);
    error.put("message", message);
    return body.toString();
  }
}
