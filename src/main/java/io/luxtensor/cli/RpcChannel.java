package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * A way for the load generators to send JSON-RPC request bodies (one request or a batch) to a node and get the
 * parsed answer: over HTTP ({@link HttpRpcChannel}) or a WebSocket ({@link WebSocketRpcChannel}). Used on the
 * Vert.x context it was made on; its futures complete there.
 */
interface RpcChannel {
  /** Sends {@code body}; completes with the answer (an object, or an array for a batch), or fails with why not. */
  Future<JsonNode> send(String body);

  /** Why a request got no JSON-RPC answer: an HTTP status, an answer that is not JSON, a closed connection. */
  final class TransportException extends IOException {
    TransportException(String message) {
      super(message);
    }
  }

  /** A failure in one line: the transport's own by its message, any other with its class. */
  static String describe(Throwable failure) {
    return failure instanceof TransportException ? failure.getMessage() : failure.toString();
  }

  /** The answer parsed, or a failed future if it is not JSON. */
  static Future<JsonNode> parse(ObjectMapper json, Buffer answer) {
    try {
      return Future.succeededFuture(json.readTree(answer.getBytes()));
    } catch (IOException e) {
      return Future.failedFuture(new TransportException("not JSON: " + e.getMessage()));
    }
  }
}
