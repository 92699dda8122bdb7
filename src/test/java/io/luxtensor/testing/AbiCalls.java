package io.luxtensor.testing;

import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiType;
import java.util.List;

/** Calldata as a Solidity caller builds it: the function's selector, then its ABI-encoded arguments. */
public final class AbiCalls {
  private AbiCalls() {}

  public static byte[] calldata(String signature, List<AbiType> types, List<?> args) {
    byte[] selector = Abi.selector(signature);
    byte[] encoded = Abi.encode(types, args);
    byte[] input = new byte[selector.length + encoded.length];
    System.arraycopy(selector, 0, input, 0, selector.length);
    System.arraycopy(encoded, 0, input, selector.length, encoded.length);
    return input;
  }
}
