package io.luxtensor.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The trie is pure core (DESIGN.md section 2): it imports only the JDK's collections and the packages below it, and
 * touches no threads, clock or randomness. A suite-wide architecture test may supersede this one.
 */
class TriePackageRulesTest {
  private static final Path SOURCES = Path.of("src/main/java/io/luxtensor/trie");
  private static final List<String> ALLOWED_IMPORT_PREFIXES = List.of(
      "java.util.", "io.luxtensor.bytes.", "io.luxtensor.rlp.", "io.luxtensor.crypto.", "io.luxtensor.trie.");
  private static final List<String> FORBIDDEN_TOKENS = List.of(
      "Thread", "Executor", "synchronized", "Instant.now", "currentTimeMillis", "nanoTime", "Random",
      "java.util.concurrent.locks");

  @Test
  void importsOnlyThePackagesBelowIt() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path source : sources()) {
      for (String line : Files.readAllLines(source)) {
        if (line.startsWith("import ")) {
          String imported = line.substring("import ".length()).replace("static ", "");
          if (ALLOWED_IMPORT_PREFIXES.stream().noneMatch(imported::startsWith)) {
            violations.add(source.getFileName() + ": " + line);
          }
        }
        FORBIDDEN_TOKENS.stream()
            .filter(line::contains)
            .forEach(token -> violations.add(source.getFileName() + ": " + token));
      }
    }
    assertEquals(List.of(), violations);
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.list(SOURCES)) {
      List<Path> java = files.filter(path -> path.toString().endsWith(".java")).sorted().toList();
      assertFalse(java.isEmpty(), "no sources under " + SOURCES.toAbsolutePath());
      return java;
    }
  }
}
