package io.luxtensor.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Checks HS256 bearer tokens as Geth's authenticated RPC does: the header names HS256 (never "none"), the
 * HMAC-SHA256 signature over {@code header.payload} matches the shared secret (compared in constant time), the
 * payload's {@code iat} is within {@link #IAT_SKEW_SECONDS_MAX} of the node's clock, and an {@code exp}, if
 * present, has not passed. The payload is parsed only after the signature is checked. Thread-safe.
 */
public final class JwtVerifier {
  /** The Engine API's and Geth's window: a token is fresh for a minute either side, so a leaked one soon dies. */
  public static final long IAT_SKEW_SECONDS_MAX = 60;
  /** A token of a header, a few claims and a signature is about 150 characters; longer ones are refused unread. */
  static final int TOKEN_CHARS_MAX = 4096;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
  private static final int SIGNATURE_BYTES = 32;

  /** Whether a token is accepted, and if not, why (sent back to the client: it names no secret). */
  public sealed interface Verdict {
    record Valid() implements Verdict {}

    record Invalid(String reason) implements Verdict {}
  }

  private final JwtSecret secret;

  public JwtVerifier(JwtSecret secret) {
    this.secret = secret;
  }

  /** The verdict on {@code token} (the part after "Bearer ") at {@code nowMillis} of the node's clock. */
  public Verdict verify(String token, long nowMillis) {
    if (token.length() > TOKEN_CHARS_MAX) {
      return invalid("token longer than " + TOKEN_CHARS_MAX + " characters");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return invalid("malformed token: expected header.payload.signature");
    }
    JsonNode header = json(parts[0]).orElse(null);
    if (header == null || !header.isObject()) {
      return invalid("malformed token header");
    }
    if (!"HS256".equals(header.path("alg").asText(null))) {
      return invalid("unsupported algorithm " + header.path("alg") + ": only HS256");
    }
    byte[] signature = base64url(parts[2]).orElse(new byte[0]);
    byte[] expected = hmacSha256(secret.key(), (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    if (signature.length != SIGNATURE_BYTES || !MessageDigest.isEqual(signature, expected)) {
      return invalid("invalid signature");
    }
    JsonNode claims = json(parts[1]).orElse(null);
    if (claims == null || !claims.isObject()) {
      return invalid("malformed token payload");
    }
    JsonNode iat = claims.get("iat");
    if (iat == null || !iat.isNumber()) {
      return invalid("missing issued-at (iat) claim");
    }
    long nowSeconds = Math.floorDiv(nowMillis, 1000);
    if (Math.abs(nowSeconds - iat.asLong()) > IAT_SKEW_SECONDS_MAX) {
      return invalid("stale token: issued at " + iat.asLong() + ", more than " + IAT_SKEW_SECONDS_MAX
          + " s from the node's clock (" + nowSeconds + ")");
    }
    JsonNode exp = claims.get("exp");
    if (exp != null && (!exp.isNumber() || exp.asLong() <= nowSeconds)) {
      return invalid("expired token (exp " + exp + ")");
    }
    return new Verdict.Valid();
  }

  static byte[] hmacSha256(byte[] key, byte[] message) {
    HMac mac = new HMac(new SHA256Digest());
    mac.init(new KeyParameter(key));
    mac.update(message, 0, message.length);
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return out;
  }

  private static Verdict invalid(String reason) {
    return new Verdict.Invalid(reason);
  }

  /** The decoded JSON of a base64url segment; empty when it is not base64url or not JSON. */
  private static Optional<JsonNode> json(String segment) {
    Optional<byte[]> bytes = base64url(segment);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(JSON.readTree(bytes.get()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<byte[]> base64url(String segment) {
    try {
      return Optional.of(BASE64URL.decode(segment));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
