package io.luxtensor.node;

import io.luxtensor.api.CallSimulator;
import io.luxtensor.chain.ChainParameters;
import io.luxtensor.execution.BlockContext;
import io.luxtensor.execution.FeeMarket;
import io.luxtensor.execution.Message;
import io.luxtensor.execution.TransactionProcessor;
import io.luxtensor.execution.TransactionResult;
import io.luxtensor.state.HeadFlatState;
import io.luxtensor.state.StateSnapshot;
import io.luxtensor.state.WorldState;
import io.luxtensor.trie.NodeStore;
import io.luxtensor.types.BlockHeader;
import java.math.BigInteger;

/**
 * eth_call and eth_estimateGas: the message runs on a fresh world state at the block's root, in the context of the
 * block that would follow it, and the changes are dropped (the state is never committed).
 */
final class StateCallSimulator implements CallSimulator {
  private final ChainParameters parameters;
  private final NodeStore trieNodes;
  private final HeadFlatState headFlat;
  private final TransactionProcessor processor;

  StateCallSimulator(ChainParameters parameters, NodeStore trieNodes, HeadFlatState headFlat,
      TransactionProcessor processor) {
    this.parameters = parameters;
    this.trieNodes = trieNodes;
    this.headFlat = headFlat;
    this.processor = processor;
  }

  @Override
  public TransactionResult simulate(Message message, BlockHeader header, boolean chargeBaseFee) {
    return run(message, header, chargeBaseFee, WorldState.at(trieNodes, header.stateRoot(),
        StateSnapshot.at(trieNodes, header.stateRoot(), headFlat)));
  }

  @Override
  public Traced simulateTracingStorage(Message message, BlockHeader header, boolean chargeBaseFee) {
    WorldState scratch = WorldState.tracingStorageAccess(trieNodes, header.stateRoot());
    return new Traced(run(message, header, chargeBaseFee, scratch), scratch.accessedStorage());
  }

  private TransactionResult run(Message message, BlockHeader header, boolean chargeBaseFee, WorldState scratch) {
    BigInteger baseFee = chargeBaseFee
        ? FeeMarket.nextBaseFee(header.gasUsed(), header.gasLimit(), header.baseFeePerGas(),
            parameters.minBaseFeePerGas())
        : BigInteger.ZERO;
    long slot = header.slot() + 1;
    BlockContext context = new BlockContext(parameters.chainId(), header.number() + 1, slot,
        parameters.timestampOf(slot), header.proposer(), baseFee, header.gasLimit());
    return processor.apply(scratch, context, message, header.gasLimit());
  }
}
