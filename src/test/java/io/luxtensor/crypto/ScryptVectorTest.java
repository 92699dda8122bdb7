package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The scrypt vectors of RFC 7914 (the one needing 1 GiB is listed as skipped in the file, with the reason). */
class ScryptVectorTest {

  @TestFactory
  Stream<DynamicTest> rfc7914Vectors() {
    JsonNode vectors = Vectors.json("rfc7914/scrypt.json").get("vectors");
    return StreamSupport.stream(vectors.spliterator(), false).map(v -> dynamicTest(
        "scrypt(\"" + v.get("password").asText() + "\", \"" + v.get("salt").asText() + "\", " + v.get("n") + ", "
            + v.get("r") + ", " + v.get("p") + ")",
        () -> assertArrayEquals(
            Hex.decode(v.get("key").asText()),
            Scrypt.derive(
                utf8(v.get("password").asText()),
                utf8(v.get("salt").asText()),
                v.get("n").asInt(),
                v.get("r").asInt(),
                v.get("p").asInt(),
                v.get("dkLen").asInt()))));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
