package io.luxtensor.types;

import io.luxtensor.crypto.Signature;
import io.luxtensor.rlp.RlpDecodingException;
import java.math.BigInteger;
import java.util.Arrays;

/** The 65-byte form r || s || recovery id that headers and votes carry, decoded strictly. */
final class Signatures {
  private Signatures() {}

  static Signature fromBytes(byte[] bytes, String field) {
    if (bytes.length != 65) {
      throw new RlpDecodingException(field + ": expected 65 bytes, found " + bytes.length);
    }
    if (bytes[64] != 0 && bytes[64] != 1) {
      throw new RlpDecodingException(field + ": recovery id must be 0 or 1");
    }
    return new Signature(new BigInteger(1, Arrays.copyOfRange(bytes, 0, 32)),
        new BigInteger(1, Arrays.copyOfRange(bytes, 32, 64)), bytes[64]);
  }
}
