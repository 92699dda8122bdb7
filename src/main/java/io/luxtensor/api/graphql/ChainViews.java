package io.luxtensor.api.graphql;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.chain.TransactionLocation;
import io.luxtensor.state.StateReader;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import java.util.Optional;

/** Loads blocks and transactions as views. Every method may read storage: call them on a worker. */
final class ChainViews {
  private final BlockchainQueries chain;

  ChainViews(BlockchainQueries chain) {
    this.chain = chain;
  }

  BlockchainQueries chain() {
    return chain;
  }

  Optional<BlockView> byHash(Hash hash) {
    return chain.block(hash).map(this::view);
  }

  /** The canonical block at {@code number}, empty beyond the head. */
  Optional<BlockView> byNumber(long number) {
    return chain.canonicalHash(number).flatMap(this::byHash);
  }

  /** The stored block of a header the chain handed out (head, safe, finalized): it must exist. */
  BlockView of(BlockHeader header) {
    Hash hash = header.hash();
    return byHash(hash).orElseThrow(() -> new IllegalStateException("block " + hash + " has a header but no body"));
  }

  /**
   * The header of the canonical block at {@code number}, or of the head when {@code number} is null, as for the
   * {@code block: Long} arguments of account fields.
   */
  BlockHeader headerAt(Long number) {
    if (number == null) {
      return chain.latest();
    }
    return chain.canonicalHash(number).flatMap(chain::header)
        .orElseThrow(() -> new GraphQlFailure("block #" + number + " not found"));
  }

  /** The state after the block {@link #headerAt} names. */
  StateReader stateAt(Long number) {
    return chain.state(headerAt(number));
  }

  /** An included transaction by hash. */
  Optional<TransactionView> included(Hash transactionHash) {
    Optional<TransactionLocation> location = chain.transactionLocation(transactionHash);
    if (location.isEmpty()) {
      return Optional.empty();
    }
    return byHash(location.get().blockHash()).map(block -> block.transactions().get(location.get().index()));
  }

  private BlockView view(StoredBlock stored) {
    return new BlockView(stored, chain::receipts);
  }
}
