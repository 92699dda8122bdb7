package io.luxtensor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The execution-apis request/response fixtures: one JSON object a line, after {@code >>} or {@code <<}. */
public final class Fixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** The first response ({@code <<} line) of a fixture file under src/test/resources. */
  public static JsonNode firstResponse(String resource) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String line = text.lines().filter(l -> l.startsWith("<<")).findFirst()
          .orElseThrow(() -> new IllegalStateException(resource + " has no response line"));
      return JSON.readTree(line.substring(2));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
