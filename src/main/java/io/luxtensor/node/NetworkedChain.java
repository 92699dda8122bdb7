package io.luxtensor.node;

import io.luxtensor.chain.NodeCore.Received;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.p2p.LocalChain;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.Transaction;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The chain service as the network sees it. */
public record NetworkedChain(ChainService chain) implements LocalChain {
  @Override
  public BlockHeader latest() {
    return chain.head().latest();
  }

  @Override
  public BlockHeader finalized() {
    return chain.head().finalized();
  }

  @Override
  public BlockHeader syncBase() {
    return chain.syncBase();
  }

  @Override
  public CompletableFuture<Received> importBlock(Block block) {
    return chain.importBlock(block);
  }

  @Override
  public CompletableFuture<Received> importBlock(StoredBlock block) {
    return chain.importBlock(block);
  }

  @Override
  public CompletableFuture<Received> importVote(SignedVote vote) {
    return chain.importVote(vote);
  }

  @Override
  public CompletableFuture<Void> adoptCheckpoint(BlockHeader checkpoint, List<BlockHeader> ancestors) {
    return chain.adoptCheckpoint(checkpoint, ancestors);
  }

  @Override
  public void submit(RecoveredTransaction transaction) {
    chain.submit(transaction);
  }

  @Override
  public void onNewHead(Consumer<Block> listener) {
    chain.addHeadListener(head -> listener.accept(head.block().block()));
  }

  @Override
  public void onVote(Consumer<SignedVote> listener) {
    chain.addVoteListener(listener);
  }

  @Override
  public void onPendingTransaction(Consumer<Transaction> listener) {
    chain.addPendingListener(tx -> listener.accept(tx.transaction()));
  }
}
