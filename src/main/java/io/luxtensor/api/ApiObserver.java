package io.luxtensor.api;

/**
 * What the API reports as it serves, so metrics can count it without the transports knowing Micrometer. Called on
 * event loops and worker threads: implementations must be thread-safe and must not block.
 */
public interface ApiObserver {

  /** Why a request or connection was refused before (or instead of) being answered normally. */
  enum Refusal {
    /** A batch over the batch size limit. */
    BATCH_SIZE,
    /** A response over the response size limit. */
    RESPONSE_SIZE,
    /** A client over its request rate. */
    RATE_LIMIT,
    /** A connection over the connection limit. */
    CONNECTIONS,
    /** A request without a valid bearer token, when authentication is on. */
    UNAUTHORIZED,
    /** A browser request from an origin the CORS settings do not allow. */
    ORIGIN;

    /** The metric label: {@code rate_limit}, {@code response_size}, ... */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Reports nothing: for tests and tools that run a processor without metrics. */
  ApiObserver NONE = new ApiObserver() {};

  /** A response carried a JSON-RPC error with this code. */
  default void onError(int code) {}

  /** A request or connection was refused by a limit or a policy. */
  default void onRefused(Refusal refusal) {}

  /** An HTTP connection was accepted. */
  default void onHttpConnectionOpened() {}

  /** An accepted HTTP connection closed, cleanly or not. */
  default void onHttpConnectionClosed() {}
}
