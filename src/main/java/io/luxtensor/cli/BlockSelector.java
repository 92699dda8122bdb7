package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.api.jsonrpc.JsonRpcError;
import io.luxtensor.types.Hash;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A block as typed on the command line: a number (decimal or 0x hex), a hash (0x and 64 hex digits), or a tag
 * ({@code latest}, {@code earliest}, {@code safe}, {@code finalized}).
 */
sealed interface BlockSelector {
  List<String> TAGS = List.of("latest", "earliest", "safe", "finalized");
  String EXPECTED = "a block number, a block hash (0x and 64 hex digits) or one of " + String.join(", ", TAGS);
  Pattern DECIMAL_NUMBER = Pattern.compile("[0-9]+");
  /** Up to 16 digits (64 bits): longer is a mistyped hash, not a number. */
  Pattern HEX_NUMBER = Pattern.compile("0x[0-9a-f]{1,16}");

  record ByNumber(long number) implements BlockSelector {}

  record ByHash(Hash hash) implements BlockSelector {}

  record ByTag(String tag) implements BlockSelector {
    public ByTag {
      if (!TAGS.contains(tag)) {
        throw new IllegalArgumentException("not a block tag: " + tag);
      }
    }
  }

  /** The one-line message when the node has no such block. */
  default String notFound() {
    return switch (this) {
      case ByNumber n -> "block " + n.number() + " not found";
      case ByHash h -> "block " + h.hash().toHex() + " not found";
      case ByTag t -> "no " + t.tag() + " block yet";
    };
  }

  /** Parses {@code text}; anything else is a usage error (exit 2) saying what a block may be. */
  static BlockSelector parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (TAGS.contains(lower)) {
      return new ByTag(lower);
    }
    if (lower.length() == 2 + 2 * Hash.LENGTH && lower.startsWith("0x")) {
      return new ByHash(QueryArguments.hash(lower, "block hash"));
    }
    try {
      if (HEX_NUMBER.matcher(lower).matches()) {
        return new ByNumber(Long.parseLong(lower.substring(2), 16));
      }
      if (DECIMAL_NUMBER.matcher(lower).matches()) {
        return new ByNumber(Long.parseLong(lower));
      }
    } catch (NumberFormatException e) {
      throw CliException.usage("block number out of range: " + text + " (at most " + Long.MAX_VALUE + ")");
    }
    throw CliException.usage("not a block: " + text + " (expected " + EXPECTED + ")");
  }

  /**
   * The node's block ({@code eth_getBlockByNumber} or {@code eth_getBlockByHash}), or empty when it has none: an
   * unknown number or hash, or a safe or finalized block asked for before the chain has one.
   */
  default Optional<JsonNode> fetch(NodeClient node, boolean fullTransactions) {
    try {
      JsonNode block = switch (this) {
        case ByNumber n -> node.call("eth_getBlockByNumber", "0x" + Long.toHexString(n.number()), fullTransactions);
        case ByHash h -> node.call("eth_getBlockByHash", h.hash().toHex(), fullTransactions);
        case ByTag t -> node.call("eth_getBlockByNumber", t.tag(), fullTransactions);
      };
      return block == null || block.isNull() ? Optional.empty() : Optional.of(block);
    } catch (NodeClient.RpcError e) {
      if (e.code() == JsonRpcError.UNKNOWN_BLOCK) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
