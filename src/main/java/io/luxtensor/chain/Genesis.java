package io.luxtensor.chain;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.execution.system.StakingContract;
import io.luxtensor.state.Account;
import io.luxtensor.state.StateCommit;
import io.luxtensor.state.WorldState;
import io.luxtensor.trie.NodeStore;
import io.luxtensor.types.Address;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Bloom;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.Hash;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds block 0 from a genesis spec: its state holds the alloc; it has no proposer, transactions, VRF proof or
 * signature; its RANDAO mix is zero; its checkpoints are unset (block 0 is justified and final by definition).
 */
public final class Genesis {
  private Genesis() {}

  /**
   * The genesis block and its state, whose trie nodes go to {@code nodeSink}.
   *
   * @param block the genesis block
   * @param state the state commit of its alloc
   */
  public record GenesisBlock(Block block, StateCommit state) {}

  /**
   * The genesis of the chain {@code spec} describes: with its validators registered in the staking contract if they
   * {@link GenesisSpec#validatorsStake stake}.
   */
  public static GenesisBlock of(GenesisSpec spec, NodeStore nodeSink) {
    return spec.validatorsStake() ? createWithStaking(spec, nodeSink) : create(spec, nodeSink);
  }

  /** A genesis whose validators are not registered in the staking contract: the dev chain's, and the simulator's. */
  public static GenesisBlock create(GenesisSpec spec, NodeStore nodeSink) {
    return create(spec, nodeSink, state -> { });
  }

  /**
   * The genesis of a chain whose validators stake in the staking contract: the genesis validators are registered
   * there, active from epoch 0, with their stake minted into the contract.
   */
  public static GenesisBlock createWithStaking(GenesisSpec spec, NodeStore nodeSink) {
    return create(spec, nodeSink, state -> spec.validators().forEach(validator ->
        StakingContract.registerAtGenesis(state, validator.address(), validator.stake(), validator.vrfPublicKey())));
  }

  private static GenesisBlock create(GenesisSpec spec, NodeStore nodeSink, Consumer<WorldState> systemState) {
    WorldState state = WorldState.at(nodeSink, Account.EMPTY_STORAGE_ROOT);
    spec.alloc().forEach((address, account) -> {
      state.setAccount(address, Account.EMPTY.withBalance(account.balance()).withNonce(account.nonce()));
      account.storage().forEach((slot, value) -> state.setStorage(address, slot, value));
    });
    systemState.accept(state);
    StateCommit commit = state.commit(nodeSink);
    Hash emptyRoot = BlockRoots.transactionsRoot(List.of());
    BlockHeader header = new BlockHeader(Hash.ZERO, 0, 0, spec.parameters().timestampOf(0), Address.ZERO,
        commit.stateRoot(), emptyRoot, emptyRoot, Bloom.EMPTY, spec.gasLimit(), 0, spec.baseFeePerGas(),
        spec.extraData(), Hash.ZERO, Bytes.EMPTY, Checkpoint.GENESIS_UNSET, Checkpoint.GENESIS_UNSET,
        Block.consensusRoot(List.of(), List.of()), null);
    return new GenesisBlock(new Block(header, List.of()), commit);
  }
}
