package io.luxtensor.api.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.bytes.Hex;
import io.luxtensor.execution.Message;
import io.luxtensor.types.AccessListEntry;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import io.luxtensor.types.IntrinsicGas;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The transaction-call object of eth_call and eth_estimateGas: {@code from, to, gas, gasPrice | maxFeePerGas +
 * maxPriorityFeePerGas, value, input | data, nonce, accessList}, every field optional except what the call needs.
 *
 * @param message the message to simulate
 * @param hasFeeFields whether the caller priced it; if not, the base fee is waived, as Geth does for calls
 * @param accessList the EIP-2930 access list given, which the message's intrinsic gas counts
 */
record CallParameters(Message message, boolean hasFeeFields, List<AccessListEntry> accessList) {
  CallParameters {
    accessList = List.copyOf(accessList);
  }

  /** The same call with another access list, its intrinsic gas recounted. */
  CallParameters withAccessList(List<AccessListEntry> newAccessList) {
    Message m = message;
    Message changed = new Message(m.sender(), m.nonce(), m.to(), m.value(), m.input(), m.gasLimit(), m.maxFeePerGas(),
        m.maxPriorityFeePerGas(), m.legacyPricing(), m.checkNonce(),
        IntrinsicGas.of(m.to().isPresent(), m.input(), newAccessList));
    return new CallParameters(changed, hasFeeFields, newAccessList);
  }

  static CallParameters parse(JsonRpcParams params, int index, BlockHeader header) throws JsonRpcException {
    ObjectNode call = params.object(index, "transaction");
    Address from = call.has("from") ? address(call.get("from"), "from") : Address.ZERO;
    Optional<Address> to = call.has("to") && !call.get("to").isNull()
        ? Optional.of(address(call.get("to"), "to")) : Optional.empty();
    long gas = call.has("gas") ? longQuantity(call.get("gas"), "gas") : header.gasLimit();
    boolean legacy = call.has("gasPrice");
    if (legacy && (call.has("maxFeePerGas") || call.has("maxPriorityFeePerGas"))) {
      throw field("gasPrice", "both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
    }
    BigInteger maxFee = legacy ? quantity(call.get("gasPrice"), "gasPrice")
        : call.has("maxFeePerGas") ? quantity(call.get("maxFeePerGas"), "maxFeePerGas") : BigInteger.ZERO;
    BigInteger tip = legacy ? maxFee
        : call.has("maxPriorityFeePerGas") ? quantity(call.get("maxPriorityFeePerGas"), "maxPriorityFeePerGas")
        : BigInteger.ZERO;
    if (tip.compareTo(maxFee) > 0 && call.has("maxFeePerGas")) {
      throw field("maxPriorityFeePerGas", "max priority fee per gas higher than max fee per gas");
    }
    Wei value = call.has("value") ? Wei.of(quantity(call.get("value"), "value")) : Wei.ZERO;
    if (call.has("input") && call.has("data") && !call.get("input").equals(call.get("data"))) {
      throw field("input", "both input and data specified and they differ");
    }
    JsonNode inputNode = call.has("input") ? call.get("input") : call.get("data");
    Bytes input = inputNode == null || inputNode.isNull() ? Bytes.EMPTY : Bytes.of(data(inputNode, "input"));
    List<AccessListEntry> accessList = call.has("accessList") ? accessList(call.get("accessList")) : List.of();
    boolean checkNonce = call.has("nonce");
    long nonce = checkNonce ? longQuantity(call.get("nonce"), "nonce") : 0;
    boolean priced = legacy || call.has("maxFeePerGas") || call.has("maxPriorityFeePerGas");
    Message message = new Message(from, nonce, to, value, input, gas, maxFee, tip, legacy || !priced, checkNonce,
        IntrinsicGas.of(to.isPresent(), input, accessList));
    return new CallParameters(message, priced, accessList);
  }

  private static List<AccessListEntry> accessList(JsonNode node) throws JsonRpcException {
    if (!node.isArray()) {
      throw field("accessList", "expected an array");
    }
    List<AccessListEntry> out = new ArrayList<>();
    for (JsonNode entry : (ArrayNode) node) {
      JsonNode keys = entry.get("storageKeys");
      if (!entry.isObject() || keys == null || !keys.isArray()) {
        throw field("accessList", "entries need address and storageKeys");
      }
      List<Hash> storageKeys = new ArrayList<>();
      for (JsonNode key : keys) {
        try {
          storageKeys.add(Hash.wrap(Hex.decodeFixed(key.asText(), Hash.LENGTH)));
        } catch (IllegalArgumentException e) {
          throw field("accessList", e.getMessage());
        }
      }
      out.add(new AccessListEntry(address(entry.get("address"), "accessList.address"), storageKeys));
    }
    return out;
  }

  private static Address address(JsonNode node, String field) throws JsonRpcException {
    try {
      return Address.fromHex(node.asText());
    } catch (IllegalArgumentException e) {
      throw field(field, e.getMessage());
    }
  }

  private static BigInteger quantity(JsonNode node, String field) throws JsonRpcException {
    try {
      return Hex.decodeQuantity(node.asText());
    } catch (IllegalArgumentException e) {
      throw field(field, e.getMessage());
    }
  }

  private static long longQuantity(JsonNode node, String field) throws JsonRpcException {
    BigInteger value = quantity(node, field);
    if (value.bitLength() > 64) {
      throw field(field, "exceeds 64 bits");
    }
    return value.longValue();
  }

  private static byte[] data(JsonNode node, String field) throws JsonRpcException {
    try {
      return Hex.decodePrefixed(node.asText());
    } catch (IllegalArgumentException e) {
      throw field(field, e.getMessage());
    }
  }

  private static JsonRpcException field(String field, String problem) {
    return JsonRpcException.invalidParams("invalid argument 0 (transaction." + field + "): " + problem);
  }
}
