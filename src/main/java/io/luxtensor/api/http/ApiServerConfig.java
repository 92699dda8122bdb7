package io.luxtensor.api.http;

import io.luxtensor.api.graphql.GraphQlLimits;
import io.luxtensor.api.ws.WebSocketConfig;
import io.luxtensor.api.jsonrpc.JsonRpcLimits;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the API listens.
 *
 * @param host interface to bind (127.0.0.1 by default: reachable only from this machine)
 * @param port TCP port; 0 picks a free one (read it back from the started server)
 * @param hostAllowlist values accepted in the Host header ("*" accepts any): defends against DNS rebinding
 * @param bodyBytesMax largest request body accepted
 * @param batchSizeMax most requests in one batch
 * @param workerThreads threads that run methods (they may read storage)
 * @param rpcLimits log query and filter limits of the JSON-RPC methods
 * @param safety response size, connection and rate limits, CORS and authentication
 * @param webSocket WebSocket connection, subscription and queue limits
 * @param graphQl GraphQL query limits
 * @param separateListeners endpoints given their own host and port
 */
public record ApiServerConfig(String host, int port, List<String> hostAllowlist, int bodyBytesMax, int batchSizeMax,
    int workerThreads, JsonRpcLimits rpcLimits, ApiSafety safety, WebSocketConfig webSocket, GraphQlLimits graphQl,
    SeparateListeners separateListeners) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8545;
  /** 5 MiB, Geth's HTTP body limit: room for a batch of large transactions. */
  public static final int BODY_BYTES_MAX = 5 * 1024 * 1024;
  /** Besu's default batch limit; Geth's is 1,000. */
  public static final int BATCH_SIZE_MAX = 1024;
  public static final int WORKER_THREADS_DEFAULT = 8;
  public static final List<String> LOCAL_HOSTS = List.of("localhost", "127.0.0.1", "[::1]");

  public ApiServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(rpcLimits, "rpcLimits");
    Objects.requireNonNull(webSocket, "webSocket");
    Objects.requireNonNull(graphQl, "graphQl");
    Objects.requireNonNull(separateListeners, "separateListeners");
    hostAllowlist = List.copyOf(hostAllowlist);
    Objects.requireNonNull(safety, "safety");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
    }
  }

  public static ApiServerConfig defaults() {
    return new ApiServerConfig(DEFAULT_HOST, DEFAULT_PORT, LOCAL_HOSTS, BODY_BYTES_MAX, BATCH_SIZE_MAX,
        WORKER_THREADS_DEFAULT, JsonRpcLimits.DEFAULTS, ApiSafety.defaults(), WebSocketConfig.defaults(),
        GraphQlLimits.defaults(), SeparateListeners.NONE);
  }

  public ApiServerConfig withAddress(String newHost, int newPort) {
    return new ApiServerConfig(newHost, newPort, hostAllowlist, bodyBytesMax, batchSizeMax, workerThreads, rpcLimits,
        safety, webSocket, graphQl, separateListeners);
  }

  public ApiServerConfig withRpcLimits(JsonRpcLimits newRpcLimits) {
    return new ApiServerConfig(host, port, hostAllowlist, bodyBytesMax, batchSizeMax, workerThreads, newRpcLimits,
        safety, webSocket, graphQl, separateListeners);
  }

  public ApiServerConfig withSeparateListeners(SeparateListeners newListeners) {
    return new ApiServerConfig(host, port, hostAllowlist, bodyBytesMax, batchSizeMax, workerThreads, rpcLimits,
        safety, webSocket, graphQl, newListeners);
  }

  public ApiServerConfig withSafety(ApiSafety newSafety) {
    return new ApiServerConfig(host, port, hostAllowlist, bodyBytesMax, batchSizeMax, workerThreads, rpcLimits,
        newSafety, webSocket, graphQl, separateListeners);
  }

  /** Whether a request's Host header (with or without port) is allowed. */
  public boolean allowsHost(String hostHeader) {
    if (hostAllowlist.contains("*")) {
      return true;
    }
    if (hostHeader == null) {
      return false;
    }
    String name = hostHeader.startsWith("[") ? hostHeader.substring(0, hostHeader.indexOf(']') + 1)
        : hostHeader.contains(":") ? hostHeader.substring(0, hostHeader.indexOf(':')) : hostHeader;
    return hostAllowlist.stream().anyMatch(allowed -> allowed.equalsIgnoreCase(name));
  }
}
