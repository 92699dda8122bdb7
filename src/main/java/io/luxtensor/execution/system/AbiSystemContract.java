package io.luxtensor.execution.system;

import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.types.Address;
import io.luxtensor.types.Log;
import java.util.List;

/** A system contract whose functions an {@link AbiDispatcher} routes: what such contracts share but their functions. */
abstract class AbiSystemContract implements SystemContract {
  private final Address address;
  private final String name;
  private final List<String> events;

  /** A contract at {@code address} whose ABI is abi/{@code name}.json, emitting {@code events}. */
  AbiSystemContract(Address address, String name, List<String> events) {
    this.address = address;
    this.name = name;
    this.events = List.copyOf(events);
  }

  @Override
  public final Address address() {
    return address;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final List<String> events() {
    return events;
  }

  /** The dispatcher of this contract's functions. */
  protected abstract AbiDispatcher dispatcher();

  @Override
  public final List<ContractFunction> functions() {
    return dispatcher().functions();
  }

  @Override
  public final CallOutcome call(SystemCall call) {
    return dispatcher().dispatch(call);
  }

  /** A successful call returning {@code values} of {@code types}, emitting {@code logs}, costing {@code gas}. */
  static CallOutcome success(List<AbiType> types, List<Object> values, List<Log> logs, long gas) {
    return new CallOutcome.Success(Abi.encode(types, values), logs, gas);
  }
}
