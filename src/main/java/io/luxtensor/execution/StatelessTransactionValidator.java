package io.luxtensor.execution;

import io.luxtensor.crypto.InvalidSignatureException;
import io.luxtensor.types.Address;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;

/**
 * The checks a transaction must pass whatever the state, in Geth's order (so the first error reported matches):
 * chain id, EIP-2681 nonce limit, EIP-3860 init code limit, fee fields, signature, intrinsic gas. Checks that need the state (nonce, balance) come later, in the pool and in
 * execution.
 *
 * @param chainId the chain this node serves
 * @param allowUnprotected whether pre-EIP-155 legacy transactions (valid on any chain) are accepted
 */
public record StatelessTransactionValidator(long chainId, boolean allowUnprotected) {

  /** EIP-2681: a nonce must stay below 2^64 - 1 so that it can be incremented. */
  private static final long NONCE_MAX_UNSIGNED = -1L;

  public TransactionValidity validate(Transaction tx) {
    if (tx.chainId().isEmpty()) {
      if (!allowUnprotected) {
        return invalid(TransactionInvalidReason.UNPROTECTED, "");
      }
    } else if (tx.chainId().getAsLong() != chainId) {
      return invalid(TransactionInvalidReason.WRONG_CHAIN_ID,
          "have " + tx.chainId().getAsLong() + ", want " + chainId);
    }
    if (tx.nonce() == NONCE_MAX_UNSIGNED) {
      return invalid(TransactionInvalidReason.NONCE_MAX, Long.toUnsignedString(tx.nonce()));
    }
    if (tx.maxPriorityFeePerGas().compareTo(tx.maxFeePerGas()) > 0) {
      return invalid(TransactionInvalidReason.TIP_ABOVE_FEE_CAP,
          "maxPriorityFeePerGas: " + tx.maxPriorityFeePerGas() + ", maxFeePerGas: " + tx.maxFeePerGas());
    }
    BigInteger gasLimit = new BigInteger(Long.toUnsignedString(tx.gasLimit()));
    if (gasLimit.multiply(tx.maxFeePerGas()).compareTo(Wei.MAX_VALUE) > 0) {
      return invalid(TransactionInvalidReason.FEE_TIMES_GAS_OVERFLOW, "");
    }
    if (tx.to().isEmpty() && tx.data().length() > Transaction.INIT_CODE_SIZE_MAX) {
      return invalid(TransactionInvalidReason.INIT_CODE_TOO_LARGE,
          "code size " + tx.data().length() + ", limit " + Transaction.INIT_CODE_SIZE_MAX);
    }
    Address sender;
    try {
      sender = tx.recoverSender();
    } catch (InvalidSignatureException e) {
      return invalid(TransactionInvalidReason.INVALID_SIGNATURE, e.reason().description());
    }
    long intrinsicGas = tx.intrinsicGas();
    if (Long.compareUnsigned(tx.gasLimit(), intrinsicGas) < 0) {
      return invalid(TransactionInvalidReason.INTRINSIC_GAS_TOO_LOW,
          "gas " + Long.toUnsignedString(tx.gasLimit()) + ", minimum needed " + intrinsicGas);
    }
    return new TransactionValidity.Valid(sender);
  }

  private static TransactionValidity invalid(TransactionInvalidReason reason, String detail) {
    return new TransactionValidity.Invalid(reason, detail);
  }
}
