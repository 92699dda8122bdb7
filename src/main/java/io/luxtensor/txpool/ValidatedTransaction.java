package io.luxtensor.txpool;

import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Transaction;
import java.util.Objects;

/**
 * A transaction that passed {@link io.luxtensor.execution.StatelessTransactionValidator}, with the sender that
 * validation recovered. Sender recovery is the expensive step (~200 µs), so it happens once, on a worker thread,
 * before the pool sees the transaction; the pool trusts {@code sender}.
 *
 * @param tx the signed transaction
 * @param sender the address recovered from its signature
 * @param hash the transaction hash (Keccak-256 of {@code encodedSize} bytes of wire form)
 * @param encodedSize the length of the wire form, which the pool's size limits count
 */
public record ValidatedTransaction(Transaction tx, Address sender, Hash hash, int encodedSize) {
  public ValidatedTransaction {
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(hash, "hash");
  }

  /** Takes the hash and size from {@code tx}'s cached encoding, which block building and storage reuse. */
  public static ValidatedTransaction of(Transaction tx, Address sender) {
    return new ValidatedTransaction(tx, sender, tx.hash(), tx.encodedLength());
  }

  public long nonce() {
    return tx.nonce();
  }
}
