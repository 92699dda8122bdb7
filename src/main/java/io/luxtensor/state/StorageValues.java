package io.luxtensor.state;

import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpString;
import io.luxtensor.types.Wei;
import java.math.BigInteger;

/** Storage words as Ethereum's storage tries hold them: RLP of the big-endian value without leading zeros. */
final class StorageValues {
  private StorageValues() {}

  static byte[] encode(BigInteger value) {
    return Rlp.encode(RlpString.of(value));
  }

  static BigInteger decode(byte[] encoded) {
    return Rlp.decode(encoded).asString("storage value").asUnsignedInteger("storage value", 32);
  }

  static void checkWord(BigInteger value) {
    if (value.signum() < 0 || value.compareTo(Wei.MAX_VALUE) > 0) {
      throw new IllegalArgumentException("storage words are in [0, 2^256-1]: " + value);
    }
  }
}
