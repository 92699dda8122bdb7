package io.luxtensor.testing;

import io.luxtensor.api.PendingTransactions.Submission;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.crypto.InvalidSignatureException;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.node.ChainService;
import io.luxtensor.types.Address;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

/**
 * Blocks full of 1-wei transfers for a validator to seal, from funded dev keys taken round robin, so that no sender
 * reaches the pool's per-sender limit; transactions are signed and recovered on every core.
 */
public final class TransferBlocks {
  /** Blocks fuller than the target raise the base fee 5% each: a hundred of them raise it ~130-fold. */
  private static final BigInteger MAX_FEE_PER_GAS = BigInteger.TEN.pow(13);
  private final ChainService validator;
  private final List<PrivateKey> senders;
  private final long[] nonces;
  private long transfers;

  public TransferBlocks(ChainService validator, List<PrivateKey> senders) {
    this.validator = validator;
    this.senders = List.copyOf(senders);
    this.nonces = new long[senders.size()];
  }

  /** Seals one block with a transfer of 1 wei to each of {@code recipients}; fails unless it holds them all. */
  public StoredBlock seal(List<Address> recipients) {
    int[] from = new int[recipients.size()];
    long[] nonce = new long[recipients.size()];
    for (int i = 0; i < recipients.size(); i++) {
      from[i] = (int) (transfers++ % senders.size());
      nonce[i] = nonces[from[i]]++;
    }
    List<RecoveredTransaction> signed = IntStream.range(0, recipients.size()).parallel()
        .mapToObj(i -> recover(new DynamicFeeTransaction(DevChain.CHAIN_ID, nonce[i], BigInteger.ONE,
            MAX_FEE_PER_GAS, 21_000, Optional.of(recipients.get(i)), Wei.of(1), Bytes.EMPTY, List.of(), null)
            .sign(senders.get(from[i]))))
        .toList();
    try {
      for (RecoveredTransaction tx : signed) {
        if (validator.submit(tx).get() instanceof Submission.Rejected rejected) {
          throw new IllegalStateException("the pool refused a transfer: " + rejected.message());
        }
      }
      StoredBlock block = validator.seal().get();
      if (block.block().transactions().size() != signed.size()) {
        throw new IllegalStateException("sealed " + block.block().transactions().size() + " of " + signed.size()
            + " transfers");
      }
      return block;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("sealing failed", e.getCause());
    }
  }

  private static RecoveredTransaction recover(Transaction tx) {
    try {
      return RecoveredTransaction.recover(tx);
    } catch (InvalidSignatureException e) {
      throw new IllegalStateException("a transaction just signed does not verify", e);
    }
  }
}
