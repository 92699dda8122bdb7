package io.luxtensor.api.jsonrpc.ai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.execution.system.SubnetRegistryContract;
import io.luxtensor.state.StateReader;
import java.util.Optional;

/**
 * {@code lux_getMetagraph(netuid, block)}: a subnet and every UID of it (hotkey, coldkey, stake, rank, trust,
 * consensus, incentive, dividends, emission, validator permit, last update, axon, bonds), or null if none has that
 * netuid.
 */
public final class LuxGetMetagraph implements JsonRpcMethod {
  private final AiNetworkReads reads;

  public LuxGetMetagraph(BlockchainQueries chain) {
    this.reads = new AiNetworkReads(chain);
  }

  @Override
  public String name() {
    return "lux_getMetagraph";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    int netuid = AiNetworkReads.u16(params, 0, "netuid");
    StateReader state = reads.state(params, 1);
    Optional<SubnetRegistryContract.Subnet> subnet = SubnetRegistryContract.read(state, netuid);
    if (subnet.isEmpty()) {
      return null;
    }
    ObjectNode out = AiNetworkReads.subnet(state, subnet.get());
    out.set("neurons", AiNetworkReads.neurons(state, netuid));
    return out;
  }
}
