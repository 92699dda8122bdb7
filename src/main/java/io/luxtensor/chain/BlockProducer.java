package io.luxtensor.chain;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.consensus.FinalityState;
import io.luxtensor.consensus.Randao;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.crypto.Ecvrf;
import io.luxtensor.execution.BlockContext;
import io.luxtensor.execution.BlockExecution;
import io.luxtensor.execution.BlockExecutor;
import io.luxtensor.execution.FeeMarket;
import io.luxtensor.execution.CandidateTransactions;
import io.luxtensor.state.StateCommit;
import io.luxtensor.state.WorldState;
import io.luxtensor.trie.NodeStore;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.SlashingEvidence;
import java.util.List;

/** Builds and signs a block for a slot this validator proposes. */
public final class BlockProducer {
  private final ChainParameters parameters;
  private final ValidatorKeys keys;
  private final BlockExecutor executor;
  private final BlockOpening opening;

  /** A producer for a chain whose validators never change. */
  public BlockProducer(ChainParameters parameters, ValidatorKeys keys, BlockExecutor executor) {
    this(parameters, keys, executor, BlockOpening.NONE);
  }

  public BlockProducer(ChainParameters parameters, ValidatorKeys keys, BlockExecutor executor,
      BlockOpening opening) {
    this.parameters = parameters;
    this.keys = keys;
    this.executor = executor;
    this.opening = opening;
  }

  /**
   * Builds the child of {@code parent} in {@code slot} from {@code candidates} (best first), executing on
   * {@code state} (the parent's state, changed in place) and writing trie nodes to {@code nodeSink}. The header
   * carries {@code finality} as this node knows it; the body carries {@code votes} and {@code evidence}.
   */
  public ProducedBlock produce(BlockHeader parent, long slot, WorldState state, FinalityState finality,
      CandidateTransactions candidates, List<SignedVote> votes, List<SlashingEvidence> evidence, NodeStore nodeSink) {
    if (slot <= parent.slot()) {
      throw new IllegalArgumentException("slot " + slot + " is not after the parent's slot " + parent.slot());
    }
    BlockContext context = new BlockContext(parameters.chainId(), parent.number() + 1, slot,
        parameters.timestampOf(slot), keys.address(),
        FeeMarket.nextBaseFee(parent.gasUsed(), parent.gasLimit(), parent.baseFeePerGas(),
            parameters.minBaseFeePerGas()),
        parent.gasLimit());
    opening.open(state, parent, slot, keys.address(), votes, evidence);
    BlockExecution execution = executor.build(state, context, candidates);
    StateCommit commit = state.commit(nodeSink);
    byte[] vrfProof = keys.proveVrf(Randao.vrfInput(parameters.chainId(), parameters.epochOf(slot)));
    var transactions = execution.transactions().stream().map(t -> t.transaction().transaction()).toList();
    BlockHeader header = new BlockHeader(parent.hash(), context.number(), slot, context.timestamp(), keys.address(),
        commit.stateRoot(), BlockRoots.transactionsRoot(transactions), BlockRoots.receiptsRoot(execution.receipts()),
        execution.logsBloom(), context.gasLimit(), execution.gasUsed(), context.baseFeePerGas(), Bytes.EMPTY,
        Randao.nextMix(parent.randaoMix(), Ecvrf.proofToHash(vrfProof)), Bytes.of(vrfProof),
        finality.justified(), finality.finalized(), Block.consensusRoot(votes, evidence), null)
        .sign(parameters.chainId(), keys.signingKey());
    return new ProducedBlock(new Block(header, transactions, votes, evidence), execution, commit);
  }
}
