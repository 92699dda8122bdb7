package io.luxtensor.api.jsonrpc;

/**
 * The error codes the node answers with: JSON-RPC 2.0's own, and the conventions Ethereum clients share.
 */
public final class JsonRpcError {
  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;
  /** Geth's code for a transaction the node refuses ("nonce too low", ...) and other server-side failures. */
  public static final int SERVER_ERROR = -32000;
  /** A request over a configured limit (batch size, response size, block range). */
  public static final int LIMIT_EXCEEDED = -32005;
  /** EIP-1474's "execution reverted", with the revert data. */
  public static final int EXECUTION_REVERTED = 3;
  /** A block tag the node cannot resolve (safe or finalized before any exists). */
  public static final int UNKNOWN_BLOCK = -39001;
  /** A request without a valid bearer token when authentication is on (Besu's code; sent with HTTP 401). */
  public static final int UNAUTHORIZED = -40100;

  private JsonRpcError() {}
}
