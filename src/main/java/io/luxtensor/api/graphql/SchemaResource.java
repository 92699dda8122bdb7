package io.luxtensor.api.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The schema's text: the top-level {@code graphql/schema.graphqls}, which the build copies onto the classpath, so
 * the file in the repository is the one source of truth.
 */
public final class SchemaResource {
  public static final String PATH = "graphql/schema.graphqls";

  private SchemaResource() {}

  public static String text() {
    try (InputStream in = SchemaResource.class.getClassLoader().getResourceAsStream(PATH)) {
      if (in == null) {
        throw new IllegalStateException(PATH + " is not on the classpath (the build copies it from the top level)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + PATH + " from the classpath", e);
    }
  }
}
