package io.luxtensor.execution.system;

import io.luxtensor.bytes.Hex;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiDecodingException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Routes calldata to a system contract's functions by selector, decodes the arguments, checks value and gas, and
 * turns malformed calls into reverts with a reason (a system contract never throws at a caller).
 */
public final class AbiDispatcher {
  /** Gas charged for calls that fail before reaching a function (unknown selector, bad arguments). */
  static final long DISPATCH_FAILURE_GAS = 1_000;

  private final String contractName;
  private final Map<String, ContractFunction> bySelector = new TreeMap<>();

  public AbiDispatcher(String contractName, List<ContractFunction> functions) {
    this.contractName = contractName;
    for (ContractFunction function : functions) {
      if (bySelector.put(Hex.encode(function.selector()), function) != null) {
        throw new IllegalArgumentException("selector clash in " + contractName + ": " + function.signature());
      }
    }
  }

  public List<ContractFunction> functions() {
    return List.copyOf(bySelector.values());
  }

  public CallOutcome dispatch(SystemCall call) {
    if (call.input().length < 4) {
      return CallOutcome.revert(contractName + ": calldata has no function selector", DISPATCH_FAILURE_GAS);
    }
    ContractFunction function = bySelector.get(Hex.encode(Arrays.copyOf(call.input(), 4)));
    if (function == null) {
      return CallOutcome.revert(contractName + ": unknown function selector "
          + Hex.encode(Arrays.copyOf(call.input(), 4)), DISPATCH_FAILURE_GAS);
    }
    if (!function.payable() && !call.value().isZero()) {
      return CallOutcome.revert(contractName + ": " + function.name() + " does not accept value", DISPATCH_FAILURE_GAS);
    }
    if (call.gasAvailable() < function.gas()) {
      return CallOutcome.revert(contractName + ": out of gas (" + function.name() + " needs " + function.gas() + ")",
          call.gasAvailable());
    }
    List<Object> args;
    try {
      args = Abi.decode(function.inputs(), Arrays.copyOfRange(call.input(), 4, call.input().length));
    } catch (AbiDecodingException e) {
      return CallOutcome.revert(contractName + ": " + function.name() + ": " + e.getMessage(), DISPATCH_FAILURE_GAS);
    }
    return function.body().apply(call, args);
  }
}
