package io.luxtensor.api.graphql;

import graphql.schema.idl.RuntimeWiring;
import io.luxtensor.api.CallSimulator;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.execution.Message;
import io.luxtensor.execution.TransactionResult;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.IntrinsicGas;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code call(data)} and {@code estimateGas(data)} of Block and Pending: a CallData input simulated on a block's
 * state, with eth_call's rules (no fee fields: the base fee is waived; no nonce check), run on a worker; and the
 * CallResult fields.
 */
final class Calls implements FieldGroup {
  /** What {@code call} returns: a revert is a result with status 0, as in Geth, not an error. */
  record Outcome(Bytes data, long gasUsed, long status) {}

  private final CallSimulator simulator;

  Calls(CallSimulator simulator) {
    this.simulator = simulator;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type("CallResult", type -> type
        .dataFetcher("data", env -> env.<Outcome>getSource().data())
        .dataFetcher("gasUsed", env -> env.<Outcome>getSource().gasUsed())
        .dataFetcher("status", env -> env.<Outcome>getSource().status()));
  }

  Outcome call(Map<String, Object> data, BlockHeader header) {
    return switch (simulate(data, header)) {
      case TransactionResult.Invalid invalid -> throw new GraphQlFailure(invalid.message());
      case TransactionResult.Executed executed ->
          new Outcome(Bytes.of(executed.returnData()), executed.gasUsed(), executed.succeeded() ? 1 : 0);
    };
  }

  /** Execution charges fixed costs with no refunds, so the gas used at the limit is exactly what is needed. */
  long estimateGas(Map<String, Object> data, BlockHeader header) {
    return switch (simulate(data, header)) {
      case TransactionResult.Invalid invalid -> throw new GraphQlFailure(invalid.message());
      case TransactionResult.Executed executed when !executed.succeeded() ->
          throw new GraphQlFailure("execution reverted: " + executed.revertReason());
      case TransactionResult.Executed executed -> executed.gasUsed();
    };
  }

  private TransactionResult simulate(Map<String, Object> data, BlockHeader header) {
    Address from = (Address) data.get("from");
    Optional<Address> to = Optional.ofNullable((Address) data.get("to"));
    Long gas = (Long) data.get("gas");
    BigInteger gasPrice = (BigInteger) data.get("gasPrice");
    BigInteger maxFeePerGas = (BigInteger) data.get("maxFeePerGas");
    BigInteger maxPriorityFeePerGas = (BigInteger) data.get("maxPriorityFeePerGas");
    BigInteger value = (BigInteger) data.get("value");
    Bytes input = data.get("data") == null ? Bytes.EMPTY : (Bytes) data.get("data");

    boolean legacy = gasPrice != null;
    if (legacy && (maxFeePerGas != null || maxPriorityFeePerGas != null)) {
      throw new GraphQlFailure("both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
    }
    BigInteger maxFee = legacy ? gasPrice : maxFeePerGas == null ? BigInteger.ZERO : maxFeePerGas;
    BigInteger tip = legacy ? gasPrice : maxPriorityFeePerGas == null ? BigInteger.ZERO : maxPriorityFeePerGas;
    if (maxFeePerGas != null && tip.compareTo(maxFee) > 0) {
      throw new GraphQlFailure("max priority fee per gas higher than max fee per gas");
    }
    if (value != null && value.compareTo(Wei.MAX_VALUE) > 0) {
      throw new GraphQlFailure("value exceeds 256 bits");
    }
    boolean priced = legacy || maxFeePerGas != null || maxPriorityFeePerGas != null;
    Message message = new Message(from == null ? Address.ZERO : from, 0, to,
        value == null ? Wei.ZERO : Wei.of(value), input, gas == null ? header.gasLimit() : gas, maxFee, tip,
        legacy || !priced, false, IntrinsicGas.of(to.isPresent(), input, List.of()));
    return simulator.simulate(message, header, priced);
  }
}
