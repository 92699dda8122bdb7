package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/** Our signatures against web3j's (also RFC 6979 with low-S), and recovery from either. */
class Secp256k1Properties {

  @Property(tries = 200)
  void signaturesMatchWeb3jAndRecover(@ForAll("keys") BigInteger scalar, @ForAll @Size(32) byte[] hash) {
    PrivateKey key = PrivateKey.fromScalar(scalar);
    Signature ours = Secp256k1.sign(hash, key);
    Sign.SignatureData theirs = Sign.signMessage(hash, ECKeyPair.create(scalar), false);
    assertArrayEquals(theirs.getR(), Secp256k1.toBytes32(ours.r()));
    assertArrayEquals(theirs.getS(), Secp256k1.toBytes32(ours.s()));
    assertEquals(theirs.getV()[0] - 27, ours.recoveryId());
    assertEquals(key.publicKey(), Secp256k1.recover(hash, ours));
    assertEquals(Sign.publicKeyFromPrivate(scalar), new BigInteger(1, key.publicKey().toBytes()));
  }

  @Provide
  Arbitrary<BigInteger> keys() {
    return Arbitraries.bigIntegers().between(BigInteger.ONE, Secp256k1.N.subtract(BigInteger.ONE));
  }
}
