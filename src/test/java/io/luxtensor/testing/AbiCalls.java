package io.luxtensor.testing;

import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiType;
import java.util.List;

/** Calldata as a Solidity caller builds it: the function's selector, then its ABI-encoded arguments. */
public final class AbiCalls {
  private AbiCalls() {}

  public static byte[] calldata(String signature, List<AbiType> types, List<?> args) {
    return Abi.calldata(signature, types, args);
  }
}
