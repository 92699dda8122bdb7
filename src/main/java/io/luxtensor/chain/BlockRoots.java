package io.luxtensor.chain;

import io.luxtensor.trie.MerklePatriciaTrie;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockBody;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Receipt;
import io.luxtensor.types.Transaction;
import java.util.List;
import java.util.function.Function;

/** Ethereum's transactions and receipts roots: tries keyed by rlp(index) holding each item's encoding. */
public final class BlockRoots {
  private BlockRoots() {}

  public static Hash transactionsRoot(List<Transaction> transactions) {
    return root(transactions, Transaction::encode);
  }

  /** Whether {@code header} commits to exactly {@code body}: its transactions root and its consensus root. */
  public static boolean matches(BlockHeader header, BlockBody body) {
    return transactionsRoot(body.transactions()).equals(header.transactionsRoot())
        && Block.consensusRoot(body.votes(), body.evidence()).equals(header.consensusRoot());
  }

  public static Hash receiptsRoot(List<Receipt> receipts) {
    return root(receipts, Receipt::encode);
  }

  private static <T> Hash root(List<T> items, Function<T, byte[]> encoding) {
    return Hash.wrap(MerklePatriciaTrie.orderedRoot(items.stream().map(encoding).toList()));
  }
}
