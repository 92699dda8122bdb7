package io.luxtensor.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Optional;

/** The JVM option that starts a JVM from an ahead-of-time cache (JDK 25; docs/operations.md), and this JVM's. */
final class AotCacheOption {
  static final String PREFIX = "-XX:AOTCache=";

  private AotCacheOption() {}

  /** The cache this JVM was started with, as ./luxtensor and the image start it; empty without one. */
  static Optional<Path> ofThisJvm() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(argument -> argument.startsWith(PREFIX))
        .map(argument -> Path.of(argument.substring(PREFIX.length())).toAbsolutePath()).findFirst();
  }

  static String of(Path cache) {
    return PREFIX + cache.toAbsolutePath();
  }
}
