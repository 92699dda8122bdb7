package io.luxtensor.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
