package io.luxtensor.execution.system;

import io.luxtensor.types.Address;
import java.util.List;

/** Protocol code at a fixed address, called with Solidity ABI calldata. */
public interface SystemContract {

  Address address();

  /** The name of its ABI file under {@code abi/} (e.g. {@code "ChainInfo"} for {@code abi/ChainInfo.json}). */
  String name();

  /** The functions it answers, as its ABI file lists them. */
  List<ContractFunction> functions();

  /** The signatures of the events it emits, e.g. {@code "Pinged(address,bytes32,uint256)"}, as its ABI lists them. */
  List<String> events();

  /** Executes {@code call}; a {@link CallOutcome.Revert} makes the caller undo every change the call made. */
  CallOutcome call(SystemCall call);
}
