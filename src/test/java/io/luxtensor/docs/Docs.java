package io.luxtensor.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The project's documents, read from the working tree the tests run in. */
final class Docs {
  private Docs() {}

  static String read(String relativePath) {
    try {
      return Files.readString(Path.of(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of every Java source of the node, joined: for docs that quote its messages or names. */
  static String mainSources() {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      return String.join("\n", files.filter(file -> file.toString().endsWith(".java")).map(file -> {
        try {
          return Files.readString(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every Markdown document under docs/ (not in its subfolders), as paths relative to the repository, sorted. */
  static List<String> markdownFiles() {
    try (Stream<Path> files = Files.list(Path.of("docs"))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".md")).map(f -> "docs/" + f.getFileName())
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
