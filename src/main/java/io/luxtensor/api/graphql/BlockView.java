package io.luxtensor.api.graphql;

import io.luxtensor.chain.StoredBlock;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Log;
import io.luxtensor.types.Receipt;
import io.luxtensor.types.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A stored block as one request sees it. Its transaction views, receipts and logs are built on first use, on a
 * worker, and kept for the rest of the request, so a query over every transaction's status reads the receipts once.
 */
final class BlockView {
  private final StoredBlock stored;
  private final Hash hash;
  private final Function<Hash, Optional<List<Receipt>>> receiptsOf;
  private List<TransactionView> transactions;
  private List<Receipt> receipts;
  private List<LogView> logs;

  /** Called on a worker: hashes the header. */
  BlockView(StoredBlock stored, Function<Hash, Optional<List<Receipt>>> receiptsOf) {
    this.stored = stored;
    this.hash = stored.block().header().hash();
    this.receiptsOf = receiptsOf;
  }

  StoredBlock stored() {
    return stored;
  }

  BlockHeader header() {
    return stored.block().header();
  }

  Hash hash() {
    return hash;
  }

  /** Called on a worker: hashes each transaction once. */
  synchronized List<TransactionView> transactions() {
    if (transactions == null) {
      List<Transaction> txs = stored.block().transactions();
      List<TransactionView> views = new ArrayList<>(txs.size());
      for (int i = 0; i < txs.size(); i++) {
        views.add(TransactionView.included(txs.get(i), stored.senders().get(i), this, i));
      }
      transactions = List.copyOf(views);
    }
    return transactions;
  }

  /** Called on a worker: reads the receipts from storage. */
  synchronized List<Receipt> receipts() {
    if (receipts == null) {
      receipts = receiptsOf.apply(hash).orElse(List.of());
      if (receipts.size() != stored.block().transactions().size()) {
        throw new IllegalStateException("block " + hash + " has " + stored.block().transactions().size()
            + " transactions but " + receipts.size() + " receipts");
      }
    }
    return receipts;
  }

  /** Every log of the block, indexed across the block as Ethereum does. Called on a worker. */
  synchronized List<LogView> logs() {
    if (logs == null) {
      List<LogView> views = new ArrayList<>();
      List<Receipt> blockReceipts = receipts();
      List<TransactionView> txs = transactions();
      for (int i = 0; i < blockReceipts.size(); i++) {
        for (Log log : blockReceipts.get(i).logs()) {
          views.add(new LogView(log, views.size(), txs.get(i)));
        }
      }
      logs = List.copyOf(views);
    }
    return logs;
  }
}
