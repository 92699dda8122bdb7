package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.bytes.HexFormatException;
import io.luxtensor.types.Address;
import io.luxtensor.types.AddressFormatException;
import java.math.BigInteger;
import java.time.Instant;

/**
 * Reads the fields of a node's JSON-RPC answers (hex quantities, addresses, data) for people to see. A field that is
 * missing or malformed means the URL is not a LuxTensor or Ethereum node: a failure (exit 4), not a bug of ours.
 */
final class NodeAnswers {
  /**
   * Data longer than this is cut in tables: a calldata or log of kilobytes would bury the other fields, and the
   * whole value is in {@code --json}.
   */
  static final int DATA_SHOWN_BYTES_MAX = 128;

  private NodeAnswers() {}

  static BigInteger quantity(JsonNode answer, String field) {
    String text = text(answer, field);
    try {
      return Hex.decodeQuantity(text);
    } catch (HexFormatException e) {
      throw malformed(field, text);
    }
  }

  static long number(JsonNode answer, String field) {
    BigInteger value = quantity(answer, field);
    if (value.bitLength() > 63) {
      throw malformed(field, answer.get(field).asText());
    }
    return value.longValue();
  }

  static String text(JsonNode answer, String field) {
    JsonNode value = answer == null ? null : answer.get(field);
    if (value == null || !value.isTextual()) {
      throw new CliException(ExitCodes.FAILED, "the node's answer has no " + field + ": is --rpc a LuxTensor node?");
    }
    return value.asText();
  }

  /** A nested object, such as a subnet's {@code hyperparameters}. */
  static JsonNode object(JsonNode answer, String field) {
    JsonNode value = answer == null ? null : answer.get(field);
    if (value == null || !value.isObject()) {
      throw new CliException(ExitCodes.FAILED, "the node's answer has no " + field + ": is --rpc a LuxTensor node?");
    }
    return value;
  }

  /** An address in its EIP-55 checksummed form, the one wallets show and check. */
  static String address(JsonNode answer, String field) {
    String text = text(answer, field);
    try {
      return Address.fromHex(text).toChecksumHex();
    } catch (AddressFormatException e) {
      throw malformed(field, text);
    }
  }

  /** Unix seconds followed by the same instant in ISO-8601 UTC: {@code 1718000000 (2024-06-10T06:13:20Z)}. */
  static String timestamp(JsonNode answer, String field) {
    long seconds = number(answer, field);
    return seconds + " (" + Instant.ofEpochSecond(seconds) + ")";
  }

  /** Hex data with its size, cut after {@link #DATA_SHOWN_BYTES_MAX} bytes. */
  static String data(JsonNode answer, String field) {
    String hex = text(answer, field);
    int bytes = (hex.length() - 2) / 2;
    if (bytes == 0) {
      return "none";
    }
    if (bytes <= DATA_SHOWN_BYTES_MAX) {
      return hex + " (" + bytes + " bytes)";
    }
    return hex.substring(0, 2 + 2 * DATA_SHOWN_BYTES_MAX) + "… (" + bytes + " bytes; --json shows all)";
  }

  private static CliException malformed(String field, String value) {
    return new CliException(ExitCodes.FAILED, "the node answered a malformed " + field + ": " + value);
  }
}
