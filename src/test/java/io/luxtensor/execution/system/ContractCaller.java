package io.luxtensor.execution.system;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.execution.BlockContext;
import io.luxtensor.execution.Message;
import io.luxtensor.execution.TransactionProcessor;
import io.luxtensor.execution.TransactionResult;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.state.WorldState;
import io.luxtensor.testing.AbiCalls;
import io.luxtensor.testing.TestData;
import io.luxtensor.types.Address;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** One account calling system contracts in signed transactions, as a wallet would, each executed on {@code state}. */
final class ContractCaller {
  private final WorldState state;
  private final PrivateKey key;
  private final Address sender;
  private long nonce;

  ContractCaller(WorldState state, PrivateKey key) {
    this.state = state;
    this.key = key;
    this.sender = Address.of(key.publicKey());
  }

  Address sender() {
    return sender;
  }

  /** A transaction from this account calling {@code signature} on {@code contract} in {@code block}. */
  TransactionResult.Executed call(TransactionProcessor processor, Address contract, BlockContext block,
      String signature, Wei value, List<AbiType> types, List<?> args) {
    byte[] input = AbiCalls.calldata(signature, types, args);
    Transaction tx = new DynamicFeeTransaction(TestData.CHAIN_ID, nonce++, BigInteger.ONE,
        block.baseFeePerGas().add(BigInteger.ONE), 300_000, Optional.of(contract), value, Bytes.of(input), List.of(),
        null).sign(key);
    return assertInstanceOf(TransactionResult.Executed.class,
        processor.apply(state, block, Message.of(tx, sender), block.gasLimit()));
  }
}
