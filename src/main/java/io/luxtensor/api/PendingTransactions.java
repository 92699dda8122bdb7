package io.luxtensor.api;

import io.luxtensor.txpool.PoolStatus;
import io.luxtensor.txpool.SenderContent;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import io.luxtensor.types.RecoveredTransaction;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The transaction pool as the API sees it. Implementations are thread-safe. */
public interface PendingTransactions {

  /** The verdict on a submitted transaction. */
  sealed interface Submission {
    record Accepted(Hash hash) implements Submission {}

    /** @param message Geth's wording ("nonce too low", ...), which dApps match on */
    record Rejected(String message) implements Submission {}
  }

  /**
   * Offers a transaction (sender already recovered) to the pool. A node that seals as transactions arrive answers
   * an accepted executable one after the block that follows it, so the caller's next read sees it mined.
   */
  CompletableFuture<Submission> submit(RecoveredTransaction transaction);

  Optional<RecoveredTransaction> pending(Hash hash);

  /** The nonce the sender's next transaction should use: after its pending ones. */
  long nextNonce(Address sender);

  /** The executable transactions (not those behind a nonce gap): senders in address order, each in nonce order. */
  List<RecoveredTransaction> executable();

  /** How many transactions are pending and queued (txpool_status). */
  PoolStatus status();

  /** Every sender's pending and queued transactions, senders in address order (txpool_content, txpool_inspect). */
  List<SenderContent> content();
}
