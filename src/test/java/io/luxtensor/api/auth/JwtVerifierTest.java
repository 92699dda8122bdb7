package io.luxtensor.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Hex;
import io.luxtensor.testing.JwtTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HS256 verification against jwt.io's published example and tokens made with the JDK's own HMAC. */
class JwtVerifierTest {
  private static final String SECRET_HEX = "0123456789abcdef".repeat(4);
  private static final byte[] SECRET = Hex.decode(SECRET_HEX);
  private static final long NOW_SECONDS = 1_700_000_000L;
  private static final long NOW_MILLIS = NOW_SECONDS * 1000 + 456;
  private final JwtVerifier verifier = new JwtVerifier(JwtSecret.fromHex(SECRET_HEX));

  @Test
  void acceptsJwtIosPublishedExample() {
    // The HS256 example on jwt.io (RFC 7519 debugger): secret "your-256-bit-secret", iat 1516239022.
    String token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0Ijox"
        + "NTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    JwtVerifier example = new JwtVerifier(JwtSecret.ofBytes("your-256-bit-secret".getBytes(StandardCharsets.UTF_8)));
    assertValid(example.verify(token, 1_516_239_022_000L));
    assertInvalid(example.verify(token, 1_516_239_022_000L + 61_000), "stale token");
  }

  @Test
  void acceptsATokenIssuedWithinAMinuteEitherSide() {
    assertValid(verifier.verify(JwtTokens.issuedAt(SECRET, NOW_SECONDS), NOW_MILLIS));
    assertValid(verifier.verify(JwtTokens.issuedAt(SECRET, NOW_SECONDS - 60), NOW_MILLIS));
    assertValid(verifier.verify(JwtTokens.issuedAt(SECRET, NOW_SECONDS + 60), NOW_MILLIS));
    assertValid(verifier.verify(JwtTokens.sign(SECRET, JwtTokens.HS256_HEADER,
        "{\"iat\":" + NOW_SECONDS + ",\"exp\":" + (NOW_SECONDS + 5) + ",\"id\":\"node-1\"}"), NOW_MILLIS));
  }

  @Test
  void refusesTokensOutsideTheWindowOrExpired() {
    assertInvalid(verifier.verify(JwtTokens.issuedAt(SECRET, NOW_SECONDS - 61), NOW_MILLIS),
        "stale token: issued at 1699999939, more than 60 s from the node's clock (1700000000)");
    assertInvalid(verifier.verify(JwtTokens.issuedAt(SECRET, NOW_SECONDS + 61), NOW_MILLIS), "stale token");
    assertInvalid(verifier.verify(JwtTokens.sign(SECRET, JwtTokens.HS256_HEADER,
        "{\"iat\":" + NOW_SECONDS + ",\"exp\":" + NOW_SECONDS + "}"), NOW_MILLIS), "expired token");
    assertInvalid(verifier.verify(JwtTokens.sign(SECRET, JwtTokens.HS256_HEADER, "{\"sub\":\"x\"}"), NOW_MILLIS),
        "missing issued-at (iat) claim");
  }

  @Test
  void refusesForgedAndTamperedTokens() {
    byte[] otherSecret = Hex.decode("fedcba9876543210".repeat(4));
    assertInvalid(verifier.verify(JwtTokens.issuedAt(otherSecret, NOW_SECONDS), NOW_MILLIS), "invalid signature");

    String[] parts = JwtTokens.issuedAt(SECRET, NOW_SECONDS).split("\\.");
    String laterPayload = JwtTokens.encode("{\"iat\":" + (NOW_SECONDS + 30) + "}");
    assertInvalid(verifier.verify(parts[0] + "." + laterPayload + "." + parts[2], NOW_MILLIS), "invalid signature");
    assertInvalid(verifier.verify(parts[0] + "." + parts[1] + ".", NOW_MILLIS), "invalid signature");

    String none = JwtTokens.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    assertInvalid(verifier.verify(none, NOW_MILLIS), "unsupported algorithm \"none\": only HS256");
    assertInvalid(verifier.verify(JwtTokens.sign(SECRET, "{\"alg\":\"HS512\"}", "{\"iat\":" + NOW_SECONDS + "}"),
        NOW_MILLIS), "unsupported algorithm");
  }

  @Test
  void refusesMalformedTokensWithoutThrowing() {
    for (String garbage : new String[] {"", "abc", "a.b", "a.b.c.d", "!!!.@@@.###", "e30.e30.e30",
        "x".repeat(JwtVerifier.TOKEN_CHARS_MAX + 1)}) {
      assertTrue(verifier.verify(garbage, NOW_MILLIS) instanceof JwtVerifier.Verdict.Invalid, garbage);
    }
  }

  @Test
  void readsGethStyleSecretFiles(@TempDir Path dir) throws IOException {
    Path plain = Files.writeString(dir.resolve("jwt.hex"), SECRET_HEX + "\n");
    Path prefixed = Files.writeString(dir.resolve("jwt0x.hex"), "  0x" + SECRET_HEX.toUpperCase() + "  ");
    for (Path file : new Path[] {plain, prefixed}) {
      assertValid(new JwtVerifier(JwtSecret.read(file)).verify(JwtTokens.issuedAt(SECRET, NOW_SECONDS), NOW_MILLIS));
    }
    assertEquals("JwtSecret[redacted]", JwtSecret.read(plain).toString());

    Path shortSecret = Files.writeString(dir.resolve("short.hex"), "abcd");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> JwtSecret.read(shortSecret)).getMessage()
        .contains("must be 32 bytes"));
    Path notHex = Files.writeString(dir.resolve("bad.hex"), "zz".repeat(32));
    assertThrows(IllegalArgumentException.class, () -> JwtSecret.read(notHex));
    assertThrows(java.io.UncheckedIOException.class, () -> JwtSecret.read(dir.resolve("missing.hex")));
  }

  private static void assertValid(JwtVerifier.Verdict verdict) {
    assertEquals(new JwtVerifier.Verdict.Valid(), verdict);
  }

  private static void assertInvalid(JwtVerifier.Verdict verdict, String reasonStart) {
    assertTrue(verdict instanceof JwtVerifier.Verdict.Invalid invalid && invalid.reason().startsWith(reasonStart),
        verdict.toString());
    assertFalse(verdict.toString().contains(SECRET_HEX), "reasons never name the secret");
  }
}
