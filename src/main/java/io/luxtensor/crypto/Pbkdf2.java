package io.luxtensor.crypto;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/** PBKDF2 (RFC 8018) with HMAC-SHA256 (keystores, scrypt) or HMAC-SHA512 (BIP-39 seeds). */
final class Pbkdf2 {
  private Pbkdf2() {}

  static byte[] hmacSha256(byte[] password, byte[] salt, int iterations, int length) {
    return derive(new SHA256Digest(), password, salt, iterations, length);
  }

  static byte[] hmacSha512(byte[] password, byte[] salt, int iterations, int length) {
    return derive(new SHA512Digest(), password, salt, iterations, length);
  }

  private static byte[] derive(Digest digest, byte[] password, byte[] salt, int iterations, int length) {
    PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(digest);
    generator.init(password, salt, iterations);
    return ((KeyParameter) generator.generateDerivedParameters(length * 8)).getKey();
  }
}
