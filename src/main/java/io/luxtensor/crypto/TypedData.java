package io.luxtensor.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Hex;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EIP-712 typed structured data, as {@code eth_signTypedData_v4} receives it ({@code {types, primaryType, domain,
 * message}}): the digest a wallet signs is keccak256(0x19 0x01 || hashStruct(domain) || hashStruct(message)).
 */
public final class TypedData {
  private static final Pattern ARRAY = Pattern.compile("^(.*)\\[(\\d*)\\]$");
  private static final Pattern SIZED = Pattern.compile("^(u?int|bytes)(\\d+)$");
  /** Nesting deeper than this is not a message but an attack on the stack. */
  static final int DEPTH_MAX = 32;

  private final JsonNode types;

  private TypedData(JsonNode types) {
    this.types = types;
  }

  /**
   * The digest to sign.
   *
   * @throws IllegalArgumentException naming what is malformed
   */
  public static byte[] digest(JsonNode typedData) {
    JsonNode types = typedData.get("types");
    String primaryType = typedData.path("primaryType").asText(null);
    if (types == null || !types.isObject() || primaryType == null || !typedData.has("domain")
        || !typedData.has("message")) {
      throw new IllegalArgumentException("typed data needs types, primaryType, domain and message");
    }
    TypedData data = new TypedData(types);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x19);
    out.write(0x01);
    out.writeBytes(data.hashStruct("EIP712Domain", typedData.get("domain"), 0));
    if (!primaryType.equals("EIP712Domain")) {
      out.writeBytes(data.hashStruct(primaryType, typedData.get("message"), 0));
    }
    return Keccak256.hash(out.toByteArray());
  }

  /** The canonical type string, e.g. {@code Mail(Person from,Person to,string contents)Person(string name,address wallet)}. */
  String encodeType(String primaryType) {
    Set<String> dependencies = new TreeSet<>();
    collectDependencies(primaryType, dependencies, 0);
    dependencies.remove(primaryType);
    StringBuilder out = new StringBuilder(describe(primaryType));
    dependencies.forEach(d -> out.append(describe(d)));
    return out.toString();
  }

  byte[] hashStruct(String type, JsonNode value, int depth) {
    if (depth > DEPTH_MAX) {
      throw new IllegalArgumentException("typed data nests deeper than " + DEPTH_MAX);
    }
    if (value == null || !value.isObject()) {
      throw new IllegalArgumentException(type + ": expected an object");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(Keccak256.hash(encodeType(type).getBytes(StandardCharsets.UTF_8)));
    for (JsonNode field : fields(type)) {
      String name = field.path("name").asText();
      out.writeBytes(encodeValue(field.path("type").asText(), value.get(name), type + "." + name, depth));
    }
    return Keccak256.hash(out.toByteArray());
  }

  private byte[] encodeValue(String type, JsonNode value, String where, int depth) {
    Matcher array = ARRAY.matcher(type);
    if (array.matches()) {
      if (value == null || !value.isArray()) {
        throw new IllegalArgumentException(where + ": expected an array");
      }
      if (!array.group(2).isEmpty() && value.size() != Integer.parseInt(array.group(2))) {
        throw new IllegalArgumentException(where + ": expected " + array.group(2) + " elements");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (JsonNode element : value) {
        out.writeBytes(encodeValue(array.group(1), element, where + "[]", depth + 1));
      }
      return Keccak256.hash(out.toByteArray());
    }
    if (types.has(type)) {
      return hashStruct(type, value, depth + 1);
    }
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException(where + ": missing value");
    }
    return switch (type) {
      case "string" -> Keccak256.hash(value.asText().getBytes(StandardCharsets.UTF_8));
      case "bytes" -> Keccak256.hash(Hex.decode(value.asText()));
      case "bool" -> word(value.isBoolean() ? (value.asBoolean() ? BigInteger.ONE : BigInteger.ZERO)
          : integer(value, where), where);
      case "address" -> word(new BigInteger(1, Hex.decodeFixed(value.asText(), 20)), where);
      default -> atomic(type, value, where);
    };
  }

  private static byte[] atomic(String type, JsonNode value, String where) {
    Matcher sized = SIZED.matcher(type);
    if (!sized.matches()) {
      throw new IllegalArgumentException(where + ": unknown type " + type);
    }
    int size = Integer.parseInt(sized.group(2));
    if (sized.group(1).equals("bytes")) {
      byte[] bytes = Hex.decode(value.asText());
      if (size < 1 || size > 32 || bytes.length > size) {
        throw new IllegalArgumentException(where + ": " + type + " takes at most " + size + " bytes");
      }
      byte[] out = new byte[32];
      System.arraycopy(bytes, 0, out, 0, bytes.length);
      return out;
    }
    BigInteger number = integer(value, where);
    boolean signed = sized.group(1).equals("int");
    if (size < 8 || size > 256 || size % 8 != 0
        || (signed ? number.bitLength() >= size : number.signum() < 0 || number.bitLength() > size)) {
      throw new IllegalArgumentException(where + ": " + number + " does not fit " + type);
    }
    return word(number, where);
  }

  private static BigInteger integer(JsonNode value, String where) {
    try {
      if (value.isIntegralNumber()) {
        return value.bigIntegerValue();
      }
      String text = value.asText();
      return text.startsWith("0x") || text.startsWith("0X") ? new BigInteger(text.substring(2), 16) : new BigInteger(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": not an integer: " + value);
    }
  }

  /** A 32-byte big-endian two's-complement word. */
  private static byte[] word(BigInteger value, String where) {
    byte[] raw = value.toByteArray();
    if (raw.length > 33 || (raw.length == 33 && raw[0] != 0)) {
      throw new IllegalArgumentException(where + ": does not fit 32 bytes");
    }
    byte[] out = new byte[32];
    if (value.signum() < 0) {
      Arrays.fill(out, (byte) 0xff);
    }
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
    return out;
  }

  private void collectDependencies(String type, Set<String> found, int depth) {
    if (depth > DEPTH_MAX) {
      throw new IllegalArgumentException("typed data types nest deeper than " + DEPTH_MAX);
    }
    String base = baseType(type);
    if (!types.has(base) || !found.add(base)) {
      return;
    }
    for (JsonNode field : fields(base)) {
      collectDependencies(field.path("type").asText(), found, depth + 1);
    }
  }

  private String describe(String type) {
    List<String> parts = new ArrayList<>();
    for (JsonNode field : fields(type)) {
      parts.add(field.path("type").asText() + " " + field.path("name").asText());
    }
    return type + "(" + String.join(",", parts) + ")";
  }

  private JsonNode fields(String type) {
    JsonNode fields = types.get(type);
    if (fields == null || !fields.isArray()) {
      throw new IllegalArgumentException("type " + type + " is not defined in types");
    }
    return fields;
  }

  private static String baseType(String type) {
    Matcher array = ARRAY.matcher(type);
    return array.matches() ? baseType(array.group(1)) : type;
  }
}
