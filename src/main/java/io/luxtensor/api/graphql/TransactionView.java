package io.luxtensor.api.graphql;

import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Transaction;
import java.util.Optional;

/**
 * A transaction with its hash and sender, and where it is included (empty while pending).
 *
 * @param tx the signed transaction
 * @param hash its hash, computed once on a worker
 * @param sender who signed it
 * @param block the block that includes it; empty while pending
 * @param index its position in that block
 */
record TransactionView(Transaction tx, Hash hash, Address sender, Optional<BlockView> block, int index) {

  static TransactionView included(Transaction tx, Address sender, BlockView block, int index) {
    return new TransactionView(tx, tx.hash(), sender, Optional.of(block), index);
  }

  static TransactionView pending(Transaction tx, Address sender) {
    return new TransactionView(tx, tx.hash(), sender, Optional.empty(), 0);
  }
}
