package io.luxtensor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/** Reads the external test vectors copied under src/test/resources (each folder names its source and licence). */
public final class Vectors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Vectors() {}

  /**
   * A dynamic test for one vector case whose failures name the case: surefire reports dynamic tests by index
   * ({@code [200]}), which alone does not say which vector broke.
   */
  public static DynamicTest vectorCase(String name, Executable check) {
    return DynamicTest.dynamicTest(name, () -> {
      try {
        check.execute();
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionFailedError(name + ": " + e.getMessage(), e);
      }
    });
  }

  /** A JSON vector file by its resource path, e.g. {@code ethereum-tests/RLPTests/rlptest.json}. */
  public static JsonNode json(String resource) {
    try (InputStream in = Vectors.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The resource paths of the JSON files under a resource folder, sorted, searched recursively. */
  public static List<String> jsonFilesUnder(String folder) {
    try {
      Path root = Path.of(Vectors.class.getClassLoader().getResource(folder).toURI());
      try (Stream<Path> files = Files.walk(root)) {
        return files
            .filter(p -> p.toString().endsWith(".json"))
            .map(p -> folder + "/" + root.relativize(p).toString().replace('\\', '/'))
            .sorted()
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
