package io.luxtensor.execution.system;

import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiType;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One function of a system contract: its Solidity signature and types, the gas it costs, whether it accepts value,
 * and what it does with its decoded arguments.
 *
 * @param name the function name
 * @param inputs argument types
 * @param outputs return types
 * @param gas gas charged per call (system contracts price their work up front, like precompiles)
 * @param payable whether the call may carry value
 * @param body computes the outcome from the call and the decoded arguments
 */
public record ContractFunction(String name, List<AbiType> inputs, List<AbiType> outputs, long gas, boolean payable,
    BiFunction<SystemCall, List<Object>, CallOutcome> body) {

  public ContractFunction {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** The canonical signature, e.g. {@code "ping(bytes32)"}. */
  public String signature() {
    return name + "(" + String.join(",", inputs.stream().map(AbiType::solidityName).toList()) + ")";
  }

  public byte[] selector() {
    return Abi.selector(signature());
  }
}
