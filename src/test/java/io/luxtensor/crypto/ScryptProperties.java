package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.generators.SCrypt;

/** Our scrypt agrees with BouncyCastle's wherever BouncyCastle accepts the parameters. */
class ScryptProperties {

  @Property(tries = 200)
  void agreesWithBouncyCastle(
      @ForAll @Size(max = 40) byte[] password,
      @ForAll @Size(max = 40) byte[] salt,
      @ForAll @IntRange(min = 1, max = 10) int log2N,
      @ForAll @IntRange(min = 1, max = 4) int r,
      @ForAll @IntRange(min = 1, max = 3) int p,
      @ForAll @IntRange(min = 1, max = 80) int keyLength) {
    int n = 1 << log2N;
    assertArrayEquals(SCrypt.generate(password, salt, n, r, p, keyLength), Scrypt.derive(password, salt, n, r, p, keyLength));
  }
}
