package io.luxtensor.node;

/** A configuration that cannot start a node; the message names the key. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
