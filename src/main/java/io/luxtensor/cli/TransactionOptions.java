package io.luxtensor.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of every command that signs a transaction here and sends it: the key and its password, the node, and
 * how to wait for the receipt and print it.
 */
final class TransactionOptions {
  /** An hour: a transaction still pending after that needs a person (a higher fee or a replacement), not a loop. */
  static final long TIMEOUT_SECONDS_MAX = 3_600;

  @Mixin
  KeystoreOptions keystore;

  @Mixin
  PasswordOptions password;

  @Mixin
  SecretFlagGuard secretFlags;

  @Mixin
  RpcOptions rpc;

  @Option(names = "--from", required = true, paramLabel = "NAME",
      description = "The key that signs and pays: a name or address in the keystore.")
  String from;

  @Option(names = "--no-wait", description = "Print the hash and exit without waiting for the receipt.")
  boolean noWait;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
      description = "How long to wait for the receipt (default: ${DEFAULT-VALUE}, at most 3600).")
  long timeoutSeconds;

  @Option(names = "--json", description = "Print the transaction and its receipt as one JSON object "
      + "(amounts in wei, as decimal strings).")
  boolean json;

  /** Refuses secrets given as flags and a --timeout out of range, before the node is asked anything. */
  void check() {
    secretFlags.check();
    if (timeoutSeconds < 1 || timeoutSeconds > TIMEOUT_SECONDS_MAX) {
      throw CliException.usage("--timeout must be in [1, " + TIMEOUT_SECONDS_MAX + "] seconds, got " + timeoutSeconds);
    }
  }
}
