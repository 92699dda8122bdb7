package io.luxtensor.testing;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.txpool.ValidatedTransaction;
import io.luxtensor.types.Address;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.LegacyTransaction;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Seeded builders of pool input: funded senders and signed transactions from them, with what stateless validation
 * would hand the pool (the sender). Defaults: an EIP-1559 transfer of 1 wei, 21,000 gas, fee cap 10 gwei, tip 1 gwei.
 */
public final class TxPoolTestData {
  public static final BigInteger GWEI = BigInteger.TEN.pow(9);
  public static final long TRANSFER_GAS = 21_000;

  private final TestData data;

  public TxPoolTestData(long seed) {
    this.data = new TestData(seed);
  }

  public static BigInteger gwei(long amount) {
    return BigInteger.valueOf(amount).multiply(GWEI);
  }

  /** A key and its address, derived once. */
  public record Sender(PrivateKey key, Address address) {}

  public Sender sender() {
    PrivateKey key = data.key();
    return new Sender(key, Address.of(key.publicKey()));
  }

  public Address address() {
    return data.address();
  }

  public TxBuilder tx(Sender from, long nonce) {
    return new TxBuilder(from, nonce);
  }

  /** The default transfer from {@code from} at {@code nonce}. */
  public ValidatedTransaction transfer(Sender from, long nonce) {
    return tx(from, nonce).build();
  }

  /** A transfer paying {@code tipGwei} with a fee cap of 100 gwei, so the tip alone decides its rank. */
  public ValidatedTransaction transferWithTip(Sender from, long nonce, long tipGwei) {
    return tx(from, nonce).maxFee(gwei(100)).tip(gwei(tipGwei)).build();
  }

  /** A transaction under construction; every call returns a new builder. */
  public final class TxBuilder {
    private final Sender from;
    private final long nonce;
    private BigInteger maxFee = gwei(10);
    private BigInteger tip = gwei(1);
    private long gasLimit = TRANSFER_GAS;
    private Wei value = Wei.of(1);
    private Bytes payload = Bytes.EMPTY;
    private OptionalLong chainId = OptionalLong.of(TestData.CHAIN_ID);
    private boolean legacy;
    private final Address to = data.address();

    private TxBuilder(Sender from, long nonce) {
      this.from = from;
      this.nonce = nonce;
    }

    public TxBuilder maxFee(BigInteger perGas) {
      maxFee = perGas;
      return this;
    }

    public TxBuilder tip(BigInteger perGas) {
      tip = perGas;
      return this;
    }

    public TxBuilder gasLimit(long gas) {
      gasLimit = gas;
      return this;
    }

    public TxBuilder value(Wei amount) {
      value = amount;
      return this;
    }

    /** Calldata of {@code length} random bytes (intrinsic gas is not adjusted: set {@link #gasLimit}). */
    public TxBuilder data(int length) {
      payload = Bytes.of(data.bytes(length));
      return this;
    }

    public TxBuilder chainId(long id) {
      chainId = OptionalLong.of(id);
      return this;
    }

    /** A legacy transaction with gas price {@code gasPrice}, EIP-155 protected unless {@link #unprotected}. */
    public TxBuilder legacy(BigInteger gasPrice) {
      legacy = true;
      maxFee = gasPrice;
      tip = gasPrice;
      return this;
    }

    /** Pre-EIP-155 (legacy only): the signature commits to no chain. */
    public TxBuilder unprotected() {
      chainId = OptionalLong.empty();
      return this;
    }

    public Transaction sign() {
      Transaction unsigned = legacy
          ? new LegacyTransaction(chainId, nonce, maxFee, gasLimit, Optional.of(to), value, payload, null)
          : new DynamicFeeTransaction(chainId.getAsLong(), nonce, tip, maxFee, gasLimit, Optional.of(to), value,
              payload, List.of(), null);
      return unsigned.sign(from.key());
    }

    public ValidatedTransaction build() {
      return ValidatedTransaction.of(sign(), from.address());
    }
  }
}
