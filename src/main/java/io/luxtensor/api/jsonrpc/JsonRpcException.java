package io.luxtensor.api.jsonrpc;

/** A request that fails with a JSON-RPC error object; {@code data} is serialized as given (or omitted if null). */
public final class JsonRpcException extends Exception {
  private final int code;
  private final transient Object data;

  public JsonRpcException(int code, String message) {
    this(code, message, null);
  }

  public JsonRpcException(int code, String message, Object data) {
    super(message, null, false, false);
    this.code = code;
    this.data = data;
  }

  public static JsonRpcException invalidParams(String message) {
    return new JsonRpcException(JsonRpcError.INVALID_PARAMS, message);
  }

  public int code() {
    return code;
  }

  public Object data() {
    return data;
  }
}
