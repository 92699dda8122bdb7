package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.bytes.Hex;
import io.luxtensor.bytes.HexFormatException;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiDecodingException;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.types.Address;
import java.math.BigInteger;
import java.util.List;

/**
 * A function of a system contract as the command line calls it, by the Solidity signature its abi/*.json file
 * declares: calldata for a transaction, or a read with {@code eth_call}. Integer arguments may be given as
 * {@code int} or {@code long}; the ABI codec takes them as {@code BigInteger}.
 *
 * @param contract where the contract lives
 * @param name the function's name
 * @param inputs its argument types
 * @param outputs its return types
 */
record ContractMethod(Address contract, String name, List<AbiType> inputs, List<AbiType> outputs) {

  ContractMethod {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** The canonical signature, e.g. {@code burnedRegister(uint16,address)}. */
  String signature() {
    return name + "(" + String.join(",", inputs.stream().map(AbiType::solidityName).toList()) + ")";
  }

  /** The selector followed by the encoded arguments. */
  Bytes calldata(Object... arguments) {
    return Bytes.of(Abi.calldata(signature(), inputs,
        List.of(arguments).stream().map(ContractMethod::abiValue).toList()));
  }

  /**
   * What the function returns on the state after {@code block} (a number or tag, as JSON-RPC takes it), with
   * {@code eth_call}.
   *
   * @throws CliException with the node's reason if the call reverts, or if the answer is not the declared outputs
   */
  List<Object> read(NodeClient node, String block, Object... arguments) {
    JsonNode call = JsonNodeFactory.instance.objectNode().put("to", contract.toHex())
        .put("data", calldata(arguments).toHex());
    JsonNode answer;
    try {
      answer = node.call("eth_call", call, block);
    } catch (NodeClient.RpcError e) {
      if (e.isRevert()) {
        throw new CliException(ExitCodes.FAILED, e.getMessage());
      }
      throw e;
    }
    try {
      return Abi.decode(outputs, Hex.decodePrefixed(answer.asText()));
    } catch (HexFormatException | AbiDecodingException e) {
      throw new CliException(ExitCodes.FAILED, name + " at " + contract.toChecksumHex() + " answered "
          + answer + ", not " + outputs.stream().map(AbiType::solidityName).toList() + ": is --rpc a LuxTensor node?",
          e);
    }
  }

  private static Object abiValue(Object argument) {
    return switch (argument) {
      case Integer i -> BigInteger.valueOf(i);
      case Long l -> BigInteger.valueOf(l);
      case List<?> list -> list.stream().map(ContractMethod::abiValue).toList();
      default -> argument;
    };
  }
}
