package io.luxtensor.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 tokens made with the JDK's own HMAC (javax.crypto), independent of the node's BouncyCastle verifier, the
 * way Geth's and Besu's clients build them.
 */
public final class JwtTokens {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  public static final String HS256_HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

  private JwtTokens() {}

  /** A token whose only claim is {@code iat}. */
  public static String issuedAt(byte[] secret, long iatSeconds) {
    return sign(secret, HS256_HEADER, "{\"iat\":" + iatSeconds + "}");
  }

  public static String sign(byte[] secret, String headerJson, String payloadJson) {
    String signingInput = encode(headerJson) + "." + encode(payloadJson);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return signingInput + "." + BASE64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA256", e);
    }
  }

  public static String encode(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
