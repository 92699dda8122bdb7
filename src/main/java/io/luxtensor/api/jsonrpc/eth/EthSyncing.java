package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.NetworkStatus;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.sync.SyncProgress;
import java.util.Optional;

/**
 * {@code eth_syncing}: false while the node follows the head; while it downloads missing blocks, the block it
 * started from, the one it has reached and the highest its peers report.
 */
public final class EthSyncing implements JsonRpcMethod {
  private final NetworkStatus network;

  public EthSyncing(NetworkStatus network) {
    this.network = network;
  }

  @Override
  public String name() {
    return "eth_syncing";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(0);
    Optional<SyncProgress> progress = network.syncProgress();
    return progress.isEmpty() ? false : JsonRpcResults.syncProgress(progress.get());
  }
}
