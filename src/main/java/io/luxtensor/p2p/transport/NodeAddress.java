package io.luxtensor.p2p.transport;

import io.luxtensor.bytes.Hex;
import io.luxtensor.bytes.HexFormatException;
import io.luxtensor.crypto.PublicKey;
import io.luxtensor.sync.PeerId;
import java.util.Objects;

/**
 * Where a node listens and which node key it must prove there: {@code lux://<128 hex digits of the key>@host:port},
 * with IPv6 hosts in brackets. Dialing an address fails unless the remote proves exactly this key.
 */
public record NodeAddress(PublicKey key, String host, int port) {
  private static final String SCHEME = "lux://";
  private static final int KEY_HEX_DIGITS = 128;
  private static final int PORT_MAX = 65_535;

  public NodeAddress {
    Objects.requireNonNull(key, "key");
    checkHost(host);
    if (port < 1 || port > PORT_MAX) {
      throw new IllegalArgumentException("port must be 1-65535, got " + port);
    }
  }

  /** @throws IllegalArgumentException naming the malformed part */
  public static NodeAddress parse(String text) {
    Objects.requireNonNull(text, "text");
    if (!text.startsWith(SCHEME)) {
      throw new IllegalArgumentException("a node address starts with " + SCHEME + ": " + text);
    }
    String rest = text.substring(SCHEME.length());
    int at = rest.indexOf('@');
    if (at < 0) {
      throw new IllegalArgumentException("a node address has '@' between the key and host:port: " + text);
    }
    PublicKey key = parseKey(rest.substring(0, at));
    String hostPort = rest.substring(at + 1);
    int colon = hostPort.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("a node address ends with host:port: " + text);
    }
    String host = hostPort.substring(0, colon);
    if (host.startsWith("[") || host.endsWith("]")) {
      if (host.length() < 2 || !host.startsWith("[") || !host.endsWith("]")) {
        throw new IllegalArgumentException("unbalanced brackets around the IPv6 host: " + host);
      }
      host = host.substring(1, host.length() - 1);
      if (!host.contains(":")) {
        throw new IllegalArgumentException("brackets are for IPv6 hosts only: " + host);
      }
    } else if (host.contains(":")) {
      throw new IllegalArgumentException("an IPv6 host must be in brackets: " + host);
    }
    return new NodeAddress(key, host, parsePort(hostPort.substring(colon + 1)));
  }

  public PeerId peerId() {
    return PeerId.of(key);
  }

  @Override
  public String toString() {
    String shownHost = host.contains(":") ? "[" + host + "]" : host;
    return SCHEME + Hex.encodeNoPrefix(key.toBytes()) + "@" + shownHost + ":" + port;
  }

  private static PublicKey parseKey(String hex) {
    if (hex.length() != KEY_HEX_DIGITS) {
      throw new IllegalArgumentException(
          "the node key is " + KEY_HEX_DIGITS + " hex digits (64 bytes x || y), got " + hex.length() + " characters");
    }
    if (hex.startsWith("0x") || hex.startsWith("0X")) {
      throw new IllegalArgumentException("the node key is written without 0x");
    }
    byte[] bytes;
    try {
      bytes = Hex.decode(hex);
    } catch (HexFormatException e) {
      throw new IllegalArgumentException("the node key is not hex: " + e.getMessage(), e);
    }
    try {
      return PublicKey.fromBytes(bytes);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the node key is not a secp256k1 public key: " + e.getMessage(), e);
    }
  }

  private static int parsePort(String digits) {
    if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("port must be a decimal number 1-65535, got '" + digits + "'");
    }
    return Integer.parseInt(digits);
  }

  private static void checkHost(String host) {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("host is empty");
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ".-:%_".indexOf(c) >= 0;
      if (!allowed) {
        throw new IllegalArgumentException("host has an invalid character '" + c + "': " + host);
      }
    }
  }
}
