package io.luxtensor.execution;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.types.Address;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.TransactionType;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * A transaction as execution sees it: sender, recipient, value, input, gas and fee caps. Built from a signed
 * transaction, or from eth_call / eth_estimateGas parameters (which carry no signature and may skip the nonce check).
 *
 * @param sender who pays
 * @param nonce the nonce the sender declares (checked only when {@code checkNonce})
 * @param to the recipient; empty for contract creation
 * @param value wei moved to the recipient
 * @param input calldata
 * @param gasLimit gas the sender buys (an unsigned 64-bit value)
 * @param maxFeePerGas the most paid per gas (the gas price of legacy transactions)
 * @param maxPriorityFeePerGas the most given to the proposer per gas
 * @param legacyPricing whether the price is a flat gas price (legacy and EIP-2930) rather than EIP-1559's caps
 * @param checkNonce false for calls that simulate without a nonce
 * @param intrinsicGas gas charged before execution (base, calldata, access list)
 */
public record Message(
    Address sender, long nonce, Optional<Address> to, Wei value, Bytes input, long gasLimit,
    BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas, boolean legacyPricing, boolean checkNonce,
    long intrinsicGas) {

  public Message {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
  }

  public static Message of(Transaction tx, Address sender) {
    return new Message(sender, tx.nonce(), tx.to(), tx.value(), tx.data(), tx.gasLimit(), tx.maxFeePerGas(),
        tx.maxPriorityFeePerGas(), tx.type() != TransactionType.DYNAMIC_FEE, true, tx.intrinsicGas());
  }

  /** The price per gas actually paid under {@code baseFee} (EIP-1559); the caller checked it covers the base fee. */
  public BigInteger effectiveGasPrice(BigInteger baseFee) {
    if (legacyPricing) {
      return maxFeePerGas;
    }
    return maxFeePerGas.min(baseFee.add(maxPriorityFeePerGas));
  }

  public BigInteger gasLimitValue() {
    return new BigInteger(Long.toUnsignedString(gasLimit));
  }
}
