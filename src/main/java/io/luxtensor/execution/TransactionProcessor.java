package io.luxtensor.execution;

import io.luxtensor.execution.system.CallOutcome;
import io.luxtensor.execution.system.SystemCall;
import io.luxtensor.execution.system.SystemContract;
import io.luxtensor.execution.system.SystemContracts;
import io.luxtensor.state.WorldState;
import io.luxtensor.types.Address;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Applies one message to the state with EIP-1559 fee accounting: the sender buys the gas limit at the effective gas
 * price, the nonce advances, the value moves (into a system contract's call if the recipient is one), unused gas is
 * refunded, the base fee's share is burned (credited to no one) and the priority fee goes to the proposer.
 *
 * <p>Checks come first and change nothing when they fail: nonce, fee cap against base fee, block gas, intrinsic gas,
 * and the balance for value + gas limit × fee cap (as Geth checks it).
 */
public final class TransactionProcessor {
  private final SystemContracts systemContracts;

  public TransactionProcessor(SystemContracts systemContracts) {
    this.systemContracts = systemContracts;
  }

  /** Applies what the system contracts do as {@code block} closes, after its last transaction. */
  public void closeBlock(WorldState state, BlockContext block) {
    systemContracts.closeBlock(state, block);
  }

  /**
   * Applies {@code message} in {@code block}, where {@code blockGasRemaining} gas is left.
   *
   * @return {@link TransactionResult.Executed} with the state changed, or {@link TransactionResult.Invalid} with the
   *     state untouched
   */
  public TransactionResult apply(WorldState state, BlockContext block, Message message, long blockGasRemaining) {
    Optional<TransactionResult.Invalid> invalid = check(state, block, message, blockGasRemaining);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    Address sender = message.sender();
    BigInteger price = message.effectiveGasPrice(block.baseFeePerGas());
    BigInteger gasLimit = message.gasLimitValue();
    state.subtractBalance(sender, Wei.of(gasLimit.multiply(price)));
    state.incrementNonce(sender);

    int beforeCall = state.checkpoint();
    long gasAvailable = message.gasLimit() - message.intrinsicGas();
    Address to = message.to().orElseThrow();
    state.subtractBalance(sender, message.value());
    state.addBalance(to, message.value());
    Optional<SystemContract> contract = systemContracts.at(to);
    CallOutcome outcome = contract.isPresent()
        ? contract.get().call(new SystemCall(state, block, sender, message.value(), message.input().toArray(),
            gasAvailable))
        : new CallOutcome.Success(new byte[0], List.of(), 0);
    if (outcome instanceof CallOutcome.Revert) {
      state.revertTo(beforeCall);
    }
    long gasUsed = message.intrinsicGas() + Math.min(outcome.gasUsed(), gasAvailable);

    BigInteger unused = gasLimit.subtract(BigInteger.valueOf(gasUsed));
    state.addBalance(sender, Wei.of(unused.multiply(price)));
    BigInteger tip = price.subtract(block.baseFeePerGas());
    state.addBalance(block.proposer(), Wei.of(tip.multiply(BigInteger.valueOf(gasUsed))));

    return switch (outcome) {
      case CallOutcome.Success success -> new TransactionResult.Executed(
          true, gasUsed, success.logs(), success.returnData(), price, "");
      case CallOutcome.Revert revert -> new TransactionResult.Executed(
          false, gasUsed, List.of(), revert.revertData(), price, revert.reason());
    };
  }

  private static Optional<TransactionResult.Invalid> check(
      WorldState state, BlockContext block, Message message, long blockGasRemaining) {
    if (message.to().isEmpty()) {
      return invalid(TransactionInvalidReason.CONTRACT_CREATION_UNSUPPORTED, "");
    }
    long accountNonce = state.nonce(message.sender());
    if (message.checkNonce() && message.nonce() != accountNonce) {
      boolean low = Long.compareUnsigned(message.nonce(), accountNonce) < 0;
      return invalid(low ? TransactionInvalidReason.NONCE_TOO_LOW : TransactionInvalidReason.NONCE_TOO_HIGH,
          "address " + message.sender().toChecksumHex() + ", tx: " + Long.toUnsignedString(message.nonce())
              + " state: " + Long.toUnsignedString(accountNonce));
    }
    if (message.maxFeePerGas().compareTo(block.baseFeePerGas()) < 0) {
      return invalid(TransactionInvalidReason.FEE_CAP_BELOW_BASE_FEE, "address " + message.sender().toChecksumHex()
          + ", maxFeePerGas: " + message.maxFeePerGas() + ", baseFee: " + block.baseFeePerGas());
    }
    if (Long.compareUnsigned(message.gasLimit(), block.gasLimit()) > 0) {
      return invalid(TransactionInvalidReason.EXCEEDS_BLOCK_GAS_LIMIT, "");
    }
    if (Long.compareUnsigned(message.gasLimit(), blockGasRemaining) > 0) {
      return invalid(TransactionInvalidReason.BLOCK_GAS_EXHAUSTED, "");
    }
    if (Long.compareUnsigned(message.gasLimit(), message.intrinsicGas()) < 0) {
      return invalid(TransactionInvalidReason.INTRINSIC_GAS_TOO_LOW, "gas " + Long.toUnsignedString(message.gasLimit())
          + ", minimum needed " + message.intrinsicGas());
    }
    BigInteger cost = message.gasLimitValue().multiply(message.maxFeePerGas()).add(message.value().value());
    Wei balance = state.balance(message.sender());
    if (balance.value().compareTo(cost) < 0) {
      return invalid(TransactionInvalidReason.INSUFFICIENT_FUNDS, "address " + message.sender().toChecksumHex()
          + " have " + balance.value() + " want " + cost);
    }
    return Optional.empty();
  }

  private static Optional<TransactionResult.Invalid> invalid(TransactionInvalidReason reason, String detail) {
    return Optional.of(new TransactionResult.Invalid(reason, detail));
  }
}
