package io.luxtensor.api.jsonrpc.web3;

import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.types.Hash;

/** {@code web3_sha3(data)}: Keccak-256 of the bytes (Ethereum's "sha3", not the standardized SHA3-256). */
public final class Web3Sha3 implements JsonRpcMethod {
  @Override
  public String name() {
    return "web3_sha3";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    return Hash.keccak(params.data(0, "data")).toHex();
  }
}
