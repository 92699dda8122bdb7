package io.luxtensor.api;

import io.luxtensor.chain.StoredBlock;
import io.luxtensor.chain.TransactionLocation;
import io.luxtensor.state.StateSnapshot;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Receipt;
import java.util.List;
import java.util.Optional;

/** What the API reads of the chain. Implementations are thread-safe and read immutable data. */
public interface BlockchainQueries {

  long chainId();

  /** The head of the canonical chain. */
  BlockHeader latest();

  /** The latest justified block ("safe"), if any block beyond genesis was justified. */
  Optional<BlockHeader> safe();

  /** The latest finalized block ("finalized"). */
  Optional<BlockHeader> finalized();

  Optional<BlockHeader> header(Hash blockHash);

  /** The hash of the canonical block at {@code number}. */
  Optional<Hash> canonicalHash(long number);

  Optional<StoredBlock> block(Hash blockHash);

  /** Receipts of a stored block, in transaction order. */
  Optional<List<Receipt>> receipts(Hash blockHash);

  /** Where a transaction included in a canonical block is. */
  Optional<TransactionLocation> transactionLocation(Hash transactionHash);

  /** The state after {@code header}, for reading and for EIP-1186 proofs. */
  StateSnapshot state(BlockHeader header);
}
