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

  /** A request and the response the specification expects. */
  public record Exchange(JsonNode request, JsonNode response) {}

  /** The first response ({@code <<} line) of a fixture file under src/test/resources. */
  public static JsonNode firstResponse(String resource) {
    return json(line(read(resource), "<<", resource));
  }

  /** The first request ({@code >>} line) and response ({@code <<} line) of a fixture file. */
  public static Exchange firstExchange(String resource) {
    String text = read(resource);
    return new Exchange(json(line(text, ">>", resource)), json(line(text, "<<", resource)));
  }

  private static String read(String resource) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String line(String text, String marker, String resource) {
    return text.lines().filter(l -> l.startsWith(marker)).findFirst().map(l -> l.substring(marker.length()))
        .orElseThrow(() -> new IllegalStateException(resource + " has no " + marker + " line"));
  }
}
