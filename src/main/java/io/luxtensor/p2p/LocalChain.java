package io.luxtensor.p2p;

import io.luxtensor.chain.NodeCore.Received;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.Transaction;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the network needs of this node's chain: its head to announce, a door for what peers send, and the news to
 * gossip. Listeners are called on the chain's thread and must hand work off at once.
 */
public interface LocalChain {
  BlockHeader latest();

  BlockHeader finalized();

  /**
   * The block sync downloads above: the head on a chain that follows one validator, the finalized block on one with
   * several, where the head may be on a branch the peers left (blocks already held are known and cost little).
   */
  BlockHeader syncBase();

  CompletableFuture<Received> importBlock(Block block);

  /** A block whose transactions' senders this node has recovered already, so import need not. */
  CompletableFuture<Received> importBlock(StoredBlock block);

  CompletableFuture<Received> importVote(SignedVote vote);

  /**
   * Makes {@code checkpoint}, proven final, with its state stored already, the head of a node still at genesis;
   * {@code ancestors} are the headers before it, oldest first, that checking the next blocks needs (state sync).
   */
  CompletableFuture<Void> adoptCheckpoint(BlockHeader checkpoint, List<BlockHeader> ancestors);

  /** Offers a peer's transaction to the pool; the pool's verdict is its own business. */
  void submit(RecoveredTransaction transaction);

  /** Every block that becomes the head, produced here or imported. */
  void onNewHead(Consumer<Block> listener);

  /** Every vote this node's validator signs. */
  void onVote(Consumer<SignedVote> listener);

  /** Every transaction the pool accepts, from the API or from peers. */
  void onPendingTransaction(Consumer<Transaction> listener);
}
