package io.luxtensor.api.jsonrpc.dev;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.TypedData;

/** {@code eth_signTypedData_v4(address, typedData)}: an EIP-712 signature; the typed data as an object or a string. */
public final class EthSignTypedDataV4 implements JsonRpcMethod {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DevKeys keys;

  public EthSignTypedDataV4(DevKeys keys) {
    this.keys = keys;
  }

  @Override
  public String name() {
    return "eth_signTypedData_v4";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    var key = keys.keyOf(params.address(0, "address"));
    JsonNode typedData = params.required(1, "typedData");
    try {
      if (typedData.isTextual()) {
        typedData = JSON.readTree(typedData.asText());
      }
      return Hex.encode(DevKeys.signDigest(key, TypedData.digest(typedData)));
    } catch (JsonProcessingException e) {
      throw JsonRpcException.invalidParams("invalid argument 1 (typedData): not JSON: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      throw JsonRpcException.invalidParams("invalid argument 1 (typedData): " + e.getMessage());
    }
  }
}
