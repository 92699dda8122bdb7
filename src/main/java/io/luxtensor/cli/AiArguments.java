package io.luxtensor.cli;

import io.luxtensor.ai.SubnetHyperparameters;
import io.luxtensor.bytes.Hex;
import io.luxtensor.bytes.HexFormatException;
import io.luxtensor.execution.system.AiTasksContract;
import io.luxtensor.types.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Checks the numbers, hashes and URIs the {@code ai} commands take before anything is sent: a value that does not fit
 * its ABI type (a netuid or UID above 65535, a negative version key, a salt or hash of the wrong length) or a URI
 * longer than the contract stores is a usage error (exit 2) naming it, not a node's refusal after a password was
 * typed.
 */
final class AiArguments {
  /** Bytes of a {@code bytes32}, such as a commit-reveal salt. */
  static final int BYTES32_LENGTH = 32;

  private AiArguments() {}

  static int netuid(String text) {
    return u16("netuid", text);
  }

  /** A {@code uint16}: a whole number from 0 to 65535; {@code what} names it in the error. */
  static int u16(String what, String text) {
    try {
      int value = Integer.parseInt(text);
      if (value >= 0 && value <= SubnetHyperparameters.U16_MAX) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Answered below, as for a number out of range.
    }
    throw CliException.usage(what + " must be a whole number from 0 to " + SubnetHyperparameters.U16_MAX + ", not "
        + text);
  }

  /** A comma-separated list of {@code uint16}s given with {@code option}. */
  static List<Integer> u16s(String option, List<String> texts) {
    return texts.stream().map(text -> u16("each of " + option, text.strip())).toList();
  }

  /** A {@code uint64}: a whole number from 0 to 2^64 - 1. */
  static BigInteger u64(String option, String text) {
    try {
      return new BigInteger(Long.toUnsignedString(Long.parseUnsignedLong(text)));
    } catch (NumberFormatException e) {
      throw CliException.usage(option + " must be a whole number from 0 to 2^64 - 1, not " + text);
    }
  }

  /** A {@code bytes32} salt: 0x and 64 hex digits. */
  static byte[] salt(String text) {
    return bytes32("--salt", text);
  }

  /** A task id: 0x and 64 hex digits, as the node's task methods answer it. */
  static Hash taskId(String text) {
    return hash("TASK_ID", text);
  }

  /** A {@code bytes32} hash: 0x and 64 hex digits; {@code what} names it in the error. */
  static Hash hash(String what, String text) {
    return Hash.wrap(bytes32(what, text));
  }

  /** A URI AITasks stores: at most {@link AiTasksContract#URI_BYTES_MAX} bytes of UTF-8. */
  static String uri(String option, String text) {
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > AiTasksContract.URI_BYTES_MAX) {
      throw CliException.usage(option + " has at most " + AiTasksContract.URI_BYTES_MAX + " bytes, not " + bytes);
    }
    return text;
  }

  /** A {@code bytes32} (a salt, a hash, a task id): 0x and 64 hex digits; {@code what} names it in the error. */
  static byte[] bytes32(String what, String text) {
    byte[] bytes;
    try {
      bytes = Hex.decodePrefixed(text);
    } catch (HexFormatException e) {
      throw CliException.usage(what + " must be 0x and 64 hex digits (32 bytes): " + e.getMessage());
    }
    if (bytes.length != BYTES32_LENGTH) {
      throw CliException.usage(what + " must be 0x and 64 hex digits (32 bytes), not " + bytes.length + " bytes");
    }
    return bytes;
  }
}
