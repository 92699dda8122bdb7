package io.luxtensor.api.http;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may use the API and how much: response size, connections, browser origins, request rate and authentication.
 * Each limit is answered with a JSON-RPC error and counted in {@code luxtensor_api_refused_total}.
 *
 * @param responseBytesMax largest response; a larger one is replaced by -32005
 * @param connectionsMax HTTP connections open at once; more are answered 503 and closed
 * @param corsOrigins origins browsers may call from ({@code "*"}: any); empty turns CORS off, and requests that
 *     carry another {@code Origin} are refused with 403
 * @param rateLimitPerSecond requests per second from one remote address (a token bucket); 0: no limit
 * @param rateLimitBurst requests one address may send at once above its rate (the bucket's size)
 * @param jwtSecretFile the hex HS256 secret (Geth's {@code jwt.hex}); present turns bearer-token authentication on
 */
public record ApiSafety(int responseBytesMax, int connectionsMax, List<String> corsOrigins, int rateLimitPerSecond,
    int rateLimitBurst, Optional<Path> jwtSecretFile) {
  /** Geth's default for the whole of a batch response (--rpc.batch-response-max-size): a full block with receipts fits. */
  public static final int RESPONSE_BYTES_MAX = 25_000_000;
  /** Besu's default (--rpc-http-max-active-connections): plenty for dApps and tools on one machine. */
  public static final int CONNECTIONS_MAX = 80;

  public ApiSafety {
    corsOrigins = List.copyOf(corsOrigins);
    Objects.requireNonNull(jwtSecretFile, "jwtSecretFile");
    if (responseBytesMax < 1) {
      throw new IllegalArgumentException("responseBytesMax must be at least 1, got " + responseBytesMax);
    }
    if (connectionsMax < 1) {
      throw new IllegalArgumentException("connectionsMax must be at least 1, got " + connectionsMax);
    }
    if (rateLimitPerSecond < 0) {
      throw new IllegalArgumentException("rateLimitPerSecond must not be negative, got " + rateLimitPerSecond);
    }
    if (rateLimitPerSecond > 0 && rateLimitBurst < 1) {
      throw new IllegalArgumentException("rateLimitBurst must be at least 1 when a rate limit is set, got "
          + rateLimitBurst);
    }
  }

  /** No rate limit, no authentication, CORS off, Geth's response and Besu's connection limits. */
  public static ApiSafety defaults() {
    return new ApiSafety(RESPONSE_BYTES_MAX, CONNECTIONS_MAX, List.of(), 0, 0, Optional.empty());
  }

  public ApiSafety withCorsOrigins(List<String> origins) {
    return new ApiSafety(responseBytesMax, connectionsMax, origins, rateLimitPerSecond, rateLimitBurst, jwtSecretFile);
  }

  public boolean rateLimited() {
    return rateLimitPerSecond > 0;
  }
}
