package io.luxtensor.node;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.chain.TransactionLocation;
import io.luxtensor.state.StateSnapshot;
import io.luxtensor.state.StateUnavailableException;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Receipt;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The API's view of the chain: stored blocks and state snapshots, and the head the chain service publishes. */
final class NodeQueries implements BlockchainQueries {
  private final long chainId;
  private final ChainDatabase database;
  private final ChainService chain;

  NodeQueries(long chainId, ChainDatabase database, ChainService chain) {
    this.chainId = chainId;
    this.database = database;
    this.chain = chain;
  }

  @Override
  public long chainId() {
    return chainId;
  }

  @Override
  public BlockHeader latest() {
    return chain.head().latest();
  }

  @Override
  public Optional<BlockHeader> safe() {
    return Optional.of(chain.head().safe());
  }

  @Override
  public Optional<BlockHeader> finalized() {
    return Optional.of(chain.head().finalized());
  }

  @Override
  public Optional<BlockHeader> header(Hash blockHash) {
    return database.header(blockHash);
  }

  @Override
  public Optional<Hash> canonicalHash(long number) {
    if (number > latest().number()) {
      return Optional.empty();
    }
    return database.canonicalHash(number);
  }

  @Override
  public Optional<StoredBlock> block(Hash blockHash) {
    return database.block(blockHash);
  }

  @Override
  public Optional<List<Receipt>> receipts(Hash blockHash) {
    return database.receipts(blockHash);
  }

  @Override
  public Optional<TransactionLocation> transactionLocation(Hash transactionHash) {
    return database.transactionLocation(transactionHash);
  }

  @Override
  public StateSnapshot state(BlockHeader header) {
    OptionalInt kept = chain.stateHistory();
    long latest = latest().number();
    if (kept.isPresent() && header.number() <= latest - kept.getAsInt()) {
      long oldest = latest - kept.getAsInt() + 1;
      throw new StateUnavailableException("the state of block " + header.number() + " is no longer kept: this node"
          + " keeps the states of its latest " + kept.getAsInt() + " blocks, " + oldest + " to " + latest
          + " (a dev node in memory runs with --state-history 0 to keep every state)");
    }
    return StateSnapshot.at(database.trieNodes(), header.stateRoot(), database.headFlatState());
  }
}
