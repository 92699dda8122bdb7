package io.luxtensor.cli;

import io.luxtensor.bytes.Hex;
import io.luxtensor.chain.DevChain;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.system.ChainInfoContract;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON-RPC read that {@code bench rpc} can drive, with fixed parameters that every LuxTensor chain answers: the
 * head, the first dev account's balance, and a call of the ChainInfo system contract.
 *
 * @param method the JSON-RPC method
 * @param paramsJson its parameters as a JSON array
 */
record RpcBenchCall(String method, String paramsJson) {
  private static final String DEV_ACCOUNT = DevChain.accounts(1).get(0).address().toHex();
  private static final String CHAIN_ID_CALL = "{\"to\":\"" + ChainInfoContract.ADDRESS.toHex() + "\",\"data\":\""
      + Hex.encode(Abi.selector("chainId()")) + "\"}";

  /** Every call the benchmark knows, in the order {@code --methods} lists them by default. */
  static final Map<String, RpcBenchCall> KNOWN = known(List.of(
      new RpcBenchCall("eth_blockNumber", "[]"),
      new RpcBenchCall("eth_getBalance", "[\"" + DEV_ACCOUNT + "\",\"latest\"]"),
      new RpcBenchCall("eth_getBlockByNumber", "[\"latest\",false]"),
      new RpcBenchCall("eth_call", "[" + CHAIN_ID_CALL + ",\"latest\"]")));

  static Optional<RpcBenchCall> named(String method) {
    return Optional.ofNullable(KNOWN.get(method));
  }

  /** The request body, with {@code id}. */
  String body(long id) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}";
  }

  private static Map<String, RpcBenchCall> known(List<RpcBenchCall> calls) {
    Map<String, RpcBenchCall> byName = new LinkedHashMap<>();
    calls.forEach(call -> byName.put(call.method(), call));
    return java.util.Collections.unmodifiableMap(byName);
  }
}
