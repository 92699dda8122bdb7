package io.luxtensor.execution.system;

import io.luxtensor.execution.BlockContext;
import io.luxtensor.state.WorldState;
import io.luxtensor.types.Address;
import io.luxtensor.types.Wei;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The system contracts of a chain, by address. */
public final class SystemContracts {
  private final Map<Address, SystemContract> byAddress = new TreeMap<>();

  public SystemContracts(List<SystemContract> contracts) {
    for (SystemContract contract : contracts) {
      if (byAddress.put(contract.address(), contract) != null) {
        throw new IllegalArgumentException("two system contracts at " + contract.address());
      }
    }
  }

  /** LuxTensor's system contracts, as every node of the chain runs them. */
  public static SystemContracts standard() {
    return new SystemContracts(List.of(new ChainInfoContract(), new SubnetRegistryContract(),
        new NeuronsContract(), new StakeContract(), new WeightsContract(), new MetagraphContract(),
        new AiTasksContract()));
  }

  /** The standard contracts and the staking contract, whose registrations need at least {@code minimumStake}. */
  public static SystemContracts withStaking(Wei minimumStake) {
    return new SystemContracts(List.of(new ChainInfoContract(), new StakingContract(minimumStake),
        new SubnetRegistryContract(), new NeuronsContract(), new StakeContract(), new WeightsContract(),
        new MetagraphContract(), new AiTasksContract()));
  }

  /** Applies, in address order, what the contracts that act at the end of a block do at the end of {@code block}. */
  public void closeBlock(WorldState state, BlockContext block) {
    for (SystemContract contract : byAddress.values()) {
      if (contract instanceof BlockClosing closing) {
        closing.closeBlock(state, block);
      }
    }
  }

  public Optional<SystemContract> at(Address address) {
    return Optional.ofNullable(byAddress.get(address));
  }

  public List<SystemContract> all() {
    return List.copyOf(byAddress.values());
  }
}
