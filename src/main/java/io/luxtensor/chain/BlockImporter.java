package io.luxtensor.chain;

import io.luxtensor.consensus.BlockVoteCheck;
import io.luxtensor.consensus.ProposerSchedule;
import io.luxtensor.consensus.Randao;
import io.luxtensor.consensus.SlashingEvidenceCheck;
import io.luxtensor.consensus.Validator;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.crypto.Ecvrf;
import io.luxtensor.crypto.InvalidSignatureException;
import io.luxtensor.crypto.InvalidVrfProofException;
import io.luxtensor.execution.BlockContext;
import io.luxtensor.execution.BlockExecution;
import io.luxtensor.execution.BlockExecutor;
import io.luxtensor.execution.FeeMarket;
import io.luxtensor.execution.InvalidBlockTransactionException;
import io.luxtensor.state.StateCommit;
import io.luxtensor.state.WorldState;
import io.luxtensor.trie.NodeStore;
import io.luxtensor.types.Address;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validates a received block against its parent and re-executes it: header rules (number, slot, time, gas, base
 * fee), consensus rules (scheduled proposer, its signature, its VRF proof and the RANDAO mix, the votes and slashing
 * evidence it carries), then the roots, gas and bloom recomputed from execution.
 */
public final class BlockImporter {
  /** How far ahead of our clock a block's slot may start: tolerance for clock skew between nodes. */
  public static final long CLOCK_DISPARITY_MILLIS_MAX = 500;

  private final ChainParameters parameters;
  private final ValidatorSchedule validators;
  private final BlockExecutor executor;
  private final ChainReader chain;
  private final EpochSeedCache seeds = new EpochSeedCache();

  /** An importer for a chain whose validators never change. */
  public BlockImporter(ChainParameters parameters, ValidatorSet validators, BlockExecutor executor, ChainReader chain) {
    this(parameters, ValidatorSchedule.fixed(validators), executor, chain);
  }

  public BlockImporter(ChainParameters parameters, ValidatorSchedule validators, BlockExecutor executor,
      ChainReader chain) {
    this.parameters = parameters;
    this.validators = validators;
    this.executor = executor;
    this.chain = chain;
  }

  /** The validator scheduled to propose {@code slot} on the branch ending at {@code parent}. */
  public Validator scheduledProposer(BlockHeader parent, long slot) {
    Hash seed = seeds.seed(chain, parameters, parent, parameters.epochOf(slot));
    return ProposerSchedule.proposer(validators.at(parent, slot), seed, slot);
  }

  /**
   * Validates and executes {@code block} on {@code parentState} (the parent's state; changed in place), writing trie
   * nodes to {@code nodeSink}. On rejection the caller discards the sink's writes and the world state.
   */
  public ImportResult importBlock(Block block, BlockHeader parent, WorldState parentState, long nowMillis,
      NodeStore nodeSink) {
    return importBlock(block, Optional.empty(), parent, parentState, nowMillis, nodeSink);
  }

  /**
   * As {@link #importBlock(Block, BlockHeader, WorldState, long, NodeStore)}, with the transactions' senders already
   * recovered by this node ({@code block.senders()}, e.g. on sync's worker threads, in parallel), so the single
   * thread that imports does not recover them again.
   */
  public ImportResult importBlock(StoredBlock block, BlockHeader parent, WorldState parentState, long nowMillis,
      NodeStore nodeSink) {
    return importBlock(block.block(), Optional.of(block.senders()), parent, parentState, nowMillis, nodeSink);
  }

  private ImportResult importBlock(Block block, Optional<List<Address>> senders, BlockHeader parent,
      WorldState parentState, long nowMillis, NodeStore nodeSink) {
    BlockHeader header = block.header();
    Optional<ImportResult.Rejected> headerProblem = checkHeader(header, parent, nowMillis);
    if (headerProblem.isPresent()) {
      return headerProblem.get();
    }
    List<RecoveredTransaction> transactions = new ArrayList<>(block.transactions().size());
    for (int i = 0; i < block.transactions().size(); i++) {
      Transaction tx = block.transactions().get(i);
      if (senders.isPresent()) {
        transactions.add(new RecoveredTransaction(tx, senders.get().get(i)));
        continue;
      }
      try {
        transactions.add(RecoveredTransaction.recover(tx));
      } catch (InvalidSignatureException e) {
        return rejected(BlockInvalidReason.BAD_TRANSACTION_SIGNATURE, "transaction " + i + ": " + e.getMessage());
      }
    }
    if (!BlockRoots.transactionsRoot(block.transactions()).equals(header.transactionsRoot())) {
      return rejected(BlockInvalidReason.WRONG_TRANSACTIONS_ROOT, "");
    }
    if (!Block.consensusRoot(block.votes(), block.evidence()).equals(header.consensusRoot())) {
      return rejected(BlockInvalidReason.WRONG_CONSENSUS_ROOT, "");
    }
    ValidatorSet active = validators.at(parent, header.slot());
    Optional<String> voteProblem = BlockVoteCheck.problem(block.votes(), header.slot(), parent.slot(),
        voteSlot -> validators.at(parent, voteSlot), parameters.chainId());
    if (voteProblem.isPresent()) {
      return rejected(BlockInvalidReason.INVALID_VOTE, voteProblem.get());
    }
    for (int i = 0; i < block.evidence().size(); i++) {
      Optional<String> evidenceProblem =
          SlashingEvidenceCheck.problem(block.evidence().get(i), slot -> validators.at(parent, slot),
              parameters.chainId(), header.slot());
      if (evidenceProblem.isPresent()) {
        return rejected(BlockInvalidReason.INVALID_EVIDENCE, "evidence " + i + ": " + evidenceProblem.get());
      }
    }
    BlockContext context = new BlockContext(parameters.chainId(), header.number(), header.slot(), header.timestamp(),
        header.proposer(), header.baseFeePerGas(), header.gasLimit());
    validators.open(parentState, parent, header.slot(), header.proposer(), block.votes(), block.evidence());
    BlockExecution execution;
    try {
      execution = executor.execute(parentState, context, transactions);
    } catch (InvalidBlockTransactionException e) {
      return rejected(BlockInvalidReason.INVALID_TRANSACTION, e.getMessage());
    }
    if (execution.gasUsed() != header.gasUsed()) {
      return rejected(BlockInvalidReason.WRONG_GAS_USED, "header " + header.gasUsed() + ", executed " + execution.gasUsed());
    }
    if (!execution.logsBloom().equals(header.logsBloom())) {
      return rejected(BlockInvalidReason.WRONG_LOGS_BLOOM, "");
    }
    if (!BlockRoots.receiptsRoot(execution.receipts()).equals(header.receiptsRoot())) {
      return rejected(BlockInvalidReason.WRONG_RECEIPTS_ROOT, "");
    }
    StateCommit commit = parentState.commit(nodeSink);
    if (!commit.stateRoot().equals(header.stateRoot())) {
      return rejected(BlockInvalidReason.WRONG_STATE_ROOT, "header " + header.stateRoot() + ", executed " + commit.stateRoot());
    }
    return new ImportResult.Imported(new ProducedBlock(block, execution, commit));
  }

  private Optional<ImportResult.Rejected> checkHeader(BlockHeader header, BlockHeader parent, long nowMillis) {
    if (!header.parentHash().equals(parent.hash())) {
      return Optional.of(rejected(BlockInvalidReason.UNKNOWN_PARENT, header.parentHash().toHex()));
    }
    if (header.number() != parent.number() + 1) {
      return Optional.of(rejected(BlockInvalidReason.WRONG_NUMBER, Long.toString(header.number())));
    }
    if (header.slot() <= parent.slot()) {
      return Optional.of(rejected(BlockInvalidReason.SLOT_NOT_AFTER_PARENT, header.slot() + " <= " + parent.slot()));
    }
    if (parameters.slotStartMillis(header.slot()) > nowMillis + CLOCK_DISPARITY_MILLIS_MAX) {
      return Optional.of(rejected(BlockInvalidReason.SLOT_IN_FUTURE, "slot " + header.slot()));
    }
    if (header.timestamp() != parameters.timestampOf(header.slot())) {
      return Optional.of(rejected(BlockInvalidReason.WRONG_TIMESTAMP, Long.toString(header.timestamp())));
    }
    long change = Math.abs(header.gasLimit() - parent.gasLimit());
    if (change > 0 && change >= parent.gasLimit() / ChainParameters.GAS_LIMIT_BOUND_DIVISOR
        || header.gasLimit() < ChainParameters.GAS_LIMIT_MIN) {
      return Optional.of(rejected(BlockInvalidReason.GAS_LIMIT_OUT_OF_BOUNDS, Long.toString(header.gasLimit())));
    }
    if (Long.compareUnsigned(header.gasUsed(), header.gasLimit()) > 0) {
      return Optional.of(rejected(BlockInvalidReason.GAS_USED_ABOVE_LIMIT, ""));
    }
    if (!header.baseFeePerGas().equals(FeeMarket.nextBaseFee(parent.gasUsed(), parent.gasLimit(),
        parent.baseFeePerGas(), parameters.minBaseFeePerGas()))) {
      return Optional.of(rejected(BlockInvalidReason.WRONG_BASE_FEE, header.baseFeePerGas().toString()));
    }
    Validator proposer = scheduledProposer(parent, header.slot());
    if (!proposer.address().equals(header.proposer())) {
      return Optional.of(rejected(BlockInvalidReason.WRONG_PROPOSER,
          header.proposer() + " instead of " + proposer.address()));
    }
    try {
      if (header.signature() == null || !header.recoverSigner(parameters.chainId()).equals(proposer.address())) {
        return Optional.of(rejected(BlockInvalidReason.BAD_SIGNATURE, ""));
      }
    } catch (InvalidSignatureException e) {
      return Optional.of(rejected(BlockInvalidReason.BAD_SIGNATURE, e.getMessage()));
    }
    byte[] vrfOutput;
    try {
      vrfOutput = Ecvrf.verify(proposer.vrfPublicKey().toArray(), header.vrfProof().toArray(),
          Randao.vrfInput(parameters.chainId(), parameters.epochOf(header.slot())));
    } catch (InvalidVrfProofException e) {
      return Optional.of(rejected(BlockInvalidReason.BAD_VRF_PROOF, e.getMessage()));
    }
    if (!header.randaoMix().equals(Randao.nextMix(parent.randaoMix(), vrfOutput))) {
      return Optional.of(rejected(BlockInvalidReason.WRONG_RANDAO_MIX, ""));
    }
    return Optional.empty();
  }

  private static ImportResult.Rejected rejected(BlockInvalidReason reason, String detail) {
    return new ImportResult.Rejected(reason, detail);
  }
}
