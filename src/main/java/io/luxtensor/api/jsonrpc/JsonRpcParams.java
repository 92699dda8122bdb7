package io.luxtensor.api.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * The positional parameters of a request, read with checks that name the argument: every malformed or missing
 * parameter becomes -32602 with a message such as {@code invalid argument 0 (address): hex string has an odd number
 * of digits (3)}.
 */
public final class JsonRpcParams {
  private final JsonNode params;

  /** @param params the request's "params": an array, or null when absent */
  public JsonRpcParams(JsonNode params) {
    this.params = params;
  }

  /**
   * Parameters holding only {@code value}, as argument {@code index}: to read the parts of an object or array
   * argument with the same checks, and messages that name the argument and the part.
   */
  public static JsonRpcParams at(int index, JsonNode value) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < index; i++) {
      array.addNull();
    }
    array.add(value == null ? JsonNodeFactory.instance.nullNode() : value);
    return new JsonRpcParams(array);
  }

  public int size() {
    return params == null ? 0 : params.size();
  }

  /** Refuses more than {@code count} arguments, as Geth does. */
  public void atMost(int count) throws JsonRpcException {
    if (size() > count) {
      throw JsonRpcException.invalidParams("too many arguments, want at most " + count);
    }
  }

  public Optional<JsonNode> optional(int index) {
    if (params == null || index >= params.size() || params.get(index).isNull()) {
      return Optional.empty();
    }
    return Optional.of(params.get(index));
  }

  public JsonNode required(int index, String name) throws JsonRpcException {
    return optional(index).orElseThrow(() -> invalid(index, name, "missing value for required argument"));
  }

  public Address address(int index, String name) throws JsonRpcException {
    return addressOf(required(index, name), index, name);
  }

  public Hash hash(int index, String name) throws JsonRpcException {
    return hashOf(required(index, name), index, name);
  }

  public byte[] data(int index, String name) throws JsonRpcException {
    return dataOf(required(index, name), index, name);
  }

  public BigInteger quantity(int index, String name) throws JsonRpcException {
    return quantityOf(required(index, name), index, name);
  }

  /**
   * A 256-bit word given either as a quantity or as up to 32 bytes of hex with leading zeros, as clients send
   * storage slots both ways.
   */
  public BigInteger word(int index, String name) throws JsonRpcException {
    String text = text(required(index, name), index, name);
    if (!text.startsWith("0x") || text.length() < 3 || text.length() > 66) {
      throw invalid(index, name, "expected 0x and 1 to 64 hex digits");
    }
    try {
      Hex.decode(text.length() % 2 == 0 ? text : "0x0" + text.substring(2));
    } catch (IllegalArgumentException e) {
      throw invalid(index, name, e.getMessage());
    }
    return new BigInteger(text.substring(2), 16);
  }

  public boolean bool(int index, String name, boolean fallback) throws JsonRpcException {
    Optional<JsonNode> value = optional(index);
    if (value.isEmpty()) {
      return fallback;
    }
    if (!value.get().isBoolean()) {
      throw invalid(index, name, "expected true or false");
    }
    return value.get().booleanValue();
  }

  public ObjectNode object(int index, String name) throws JsonRpcException {
    JsonNode value = required(index, name);
    if (!value.isObject()) {
      throw invalid(index, name, "expected an object");
    }
    return (ObjectNode) value;
  }

  /** A required block tag, number, hash (as Geth, a bare 32-byte hex is a hash) or EIP-1898 object. */
  public BlockParameter block(int index, String name) throws JsonRpcException {
    required(index, name);
    return block(index, name, BlockParameter.LATEST);
  }

  /** A block tag, number or EIP-1898 object; {@code fallback} when absent. */
  public BlockParameter block(int index, String name, BlockParameter fallback) throws JsonRpcException {
    Optional<JsonNode> value = optional(index);
    if (value.isEmpty()) {
      return fallback;
    }
    JsonNode node = value.get();
    if (node.isObject()) {
      if (node.has("blockHash")) {
        boolean canonical = node.has("requireCanonical") && node.get("requireCanonical").asBoolean(false);
        return new BlockParameter.ByHash(hashOf(node.get("blockHash"), index, name), canonical);
      }
      if (node.has("blockNumber")) {
        return blockOf(node.get("blockNumber"), index, name);
      }
      throw invalid(index, name, "expected blockHash or blockNumber");
    }
    return blockOf(node, index, name);
  }

  private static BlockParameter blockOf(JsonNode node, int index, String name) throws JsonRpcException {
    if (!node.isTextual()) {
      throw invalid(index, name, "expected a block number or tag");
    }
    String text = node.asText();
    if (text.startsWith("0x") && text.length() == 2 + 2 * Hash.LENGTH) {
      return new BlockParameter.ByHash(hashOf(node, index, name), false);
    }
    if (text.startsWith("0x")) {
      BigInteger number = quantityOf(node, index, name);
      if (number.bitLength() > 63) {
        throw invalid(index, name, "block number too large");
      }
      return new BlockParameter.ByNumber(number.longValueExact());
    }
    try {
      return new BlockParameter.ByTag(BlockParameter.Tag.valueOf(text.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw invalid(index, name, "unknown block tag \"" + text + "\" (latest, earliest, pending, safe, finalized)");
    }
  }

  static Address addressOf(JsonNode node, int index, String name) throws JsonRpcException {
    try {
      return Address.fromHex(text(node, index, name));
    } catch (IllegalArgumentException e) {
      throw invalid(index, name, e.getMessage());
    }
  }

  static Hash hashOf(JsonNode node, int index, String name) throws JsonRpcException {
    try {
      return Hash.wrap(Hex.decodeFixed(prefixed(node, index, name), Hash.LENGTH));
    } catch (IllegalArgumentException e) {
      throw invalid(index, name, e.getMessage());
    }
  }

  static byte[] dataOf(JsonNode node, int index, String name) throws JsonRpcException {
    try {
      return Hex.decodePrefixed(text(node, index, name));
    } catch (IllegalArgumentException e) {
      throw invalid(index, name, e.getMessage());
    }
  }

  static BigInteger quantityOf(JsonNode node, int index, String name) throws JsonRpcException {
    try {
      return Hex.decodeQuantity(text(node, index, name));
    } catch (IllegalArgumentException e) {
      throw invalid(index, name, e.getMessage());
    }
  }

  private static String prefixed(JsonNode node, int index, String name) throws JsonRpcException {
    String text = text(node, index, name);
    if (!text.startsWith("0x")) {
      throw invalid(index, name, "hex string without 0x prefix");
    }
    return text;
  }

  private static String text(JsonNode node, int index, String name) throws JsonRpcException {
    if (node == null || !node.isTextual()) {
      throw invalid(index, name, "expected a hex string");
    }
    return node.asText();
  }

  static JsonRpcException invalid(int index, String name, String problem) {
    return JsonRpcException.invalidParams("invalid argument " + index + " (" + name + "): " + problem);
  }
}
