package io.luxtensor.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.testing.Vectors;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transaction types keep their encoding and hash once computed: that must not show through equality, hashing,
 * the arrays callers get, or unsigned transactions.
 */
class TransactionCachingTest {
  private static final String VECTORS = "ethereum-tests/TransactionTests/";
  private static final PrivateKey KEY = PrivateKey.fromScalar(BigInteger.valueOf(0x1234_5678L));
  private static final Address TO = Address.fromHex("0x00000000000000000000000000000000000000aa");
  private static final List<AccessListEntry> ACCESS_LIST = List.of(new AccessListEntry(TO, List.of(Hash.ZERO)));

  /** One ethereum/tests vector of each type: the wire form and the hash the reference clients compute for it. */
  record Vector(TransactionType type, byte[] raw, Hash hash) {}

  static Stream<Vector> vectors() {
    return Stream.of(
        vector(TransactionType.LEGACY, "ttSignature/Vitalik_1.json"),
        vector(TransactionType.ACCESS_LIST, "ttEIP2930/accessListStorage32Bytes.json"),
        vector(TransactionType.DYNAMIC_FEE, "ttEIP1559/GasLimitPriceProductOverflowtMinusOne.json"));
  }

  private static Vector vector(TransactionType type, String file) {
    JsonNode test = Vectors.json(VECTORS + file).elements().next();
    return new Vector(type, Hex.decode(test.get("txbytes").asText()),
        Hash.fromHex(test.get("result").get("Cancun").get("hash").asText()));
  }

  /** Unsigned transactions of each type, each call building new instances. */
  static Stream<Transaction> unsigned() {
    Bytes data = Bytes.fromHex("0xdeadbeef");
    return Stream.of(
        new LegacyTransaction(OptionalLong.of(7), 3, BigInteger.TEN, 21_000, Optional.of(TO), Wei.of(5), data, null),
        new LegacyTransaction(OptionalLong.empty(), 3, BigInteger.TEN, 21_000, Optional.empty(), Wei.of(5), data,
            null),
        new AccessListTransaction(7, 3, BigInteger.TEN, 30_000, Optional.of(TO), Wei.of(5), data, ACCESS_LIST, null),
        new DynamicFeeTransaction(7, 3, BigInteger.ONE, BigInteger.TEN, 30_000, Optional.of(TO), Wei.of(5), data,
            ACCESS_LIST, null));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void hashIsTheVectorsAndKeccakOfTheEncoding(Vector v) {
    Transaction tx = Transaction.decode(v.raw());
    assertEquals(v.type(), tx.type());
    assertEquals(v.hash(), tx.hash());
    assertEquals(v.hash(), tx.hash(), "a second call");
    assertArrayEquals(v.raw(), tx.encode());
    assertEquals(v.raw().length, tx.encodedLength());
    assertEquals(Hash.keccak(tx.encode()), tx.hash());

    Transaction encodedFirst = Transaction.decode(v.raw());
    assertArrayEquals(v.raw(), encodedFirst.encode());
    assertEquals(v.hash(), encodedFirst.hash(), "hash after encode");
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void mutatingTheReturnedEncodingChangesNothing(Vector v) {
    Transaction tx = Transaction.decode(v.raw());
    byte[] first = tx.encode();
    Arrays.fill(first, (byte) 0);
    assertArrayEquals(v.raw(), tx.encode());
    assertEquals(v.hash(), tx.hash());
    byte[] again = tx.encode();
    again[again.length - 1] ^= 1;
    assertArrayEquals(v.raw(), tx.encode());
    assertEquals(v.hash(), tx.hash());
    assertNotSame(tx.encode(), tx.encode());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void equalityIgnoresWhatWasComputed(Vector v) {
    Transaction computed = Transaction.decode(v.raw());
    int hashCodeBefore = computed.hashCode();
    String toStringBefore = computed.toString();
    computed.hash();
    computed.encode();
    Transaction fresh = Transaction.decode(v.raw());
    Transaction rebuilt = computed.withSignature(computed.signature());

    assertNotSame(computed, rebuilt);
    for (Transaction other : List.of(fresh, rebuilt)) {
      assertEquals(computed, other);
      assertEquals(other, computed);
      assertEquals(computed.hashCode(), other.hashCode());
      assertEquals(computed.toString(), other.toString());
    }
    assertEquals(hashCodeBefore, computed.hashCode());
    assertEquals(toStringBefore, computed.toString());
    assertEquals(v.hash(), rebuilt.hash());
  }

  @ParameterizedTest
  @MethodSource("unsigned")
  void unsignedTransactionsHaveNoEncodingUntilSigned(Transaction unsigned) {
    assertThrows(IllegalStateException.class, unsigned::encode);
    assertThrows(IllegalStateException.class, unsigned::encodedLength);
    assertThrows(IllegalStateException.class, unsigned::hash);
    assertThrows(IllegalStateException.class, unsigned::encode, "a failure is not remembered as an encoding");
    assertEquals(unsigned, unsigned.withSignature(null));
    assertEquals(unsigned.hashCode(), unsigned.withSignature(null).hashCode());

    Transaction signed = unsigned.sign(KEY);
    assertNotEquals(unsigned, signed);
    assertEquals(Hash.keccak(signed.encode()), signed.hash());
    assertEquals(signed.encode().length, signed.encodedLength());
    assertEquals(signed, Transaction.decode(signed.encode()));
    assertEquals(signed.hashCode(), Transaction.decode(signed.encode()).hashCode());
    assertEquals(Address.of(KEY.publicKey()), signed.recoverSender());
  }

  @ParameterizedTest
  @MethodSource("unsigned")
  void differentFieldsOrSignaturesAreNotEqual(Transaction unsigned) {
    Transaction signed = unsigned.sign(KEY);
    Transaction otherKey = unsigned.sign(PrivateKey.fromScalar(BigInteger.valueOf(0x8765_4321L)));
    signed.hash();
    otherKey.hash();
    assertNotEquals(signed, otherKey);
    assertNotEquals(signed.hash(), otherKey.hash());
  }

  @Test
  void toStringNamesEveryFieldAsARecordWould() {
    List<String> rendered = unsigned().map(Transaction::toString).toList();
    assertTrue(rendered.get(0).startsWith("LegacyTransaction[chainId=OptionalLong[7], nonce=3, gasPrice=10, "
        + "gasLimit=21000, to=Optional[0x"), rendered.get(0));
    assertTrue(rendered.get(0).endsWith(", signature=null]"), rendered.get(0));
    assertTrue(rendered.get(2).startsWith("AccessListTransaction[chainIdValue=7, nonce=3, gasPrice=10, "
        + "gasLimit=30000, to=Optional[0x"), rendered.get(2));
    assertTrue(rendered.get(3).startsWith("DynamicFeeTransaction[chainIdValue=7, nonce=3, maxPriorityFeePerGas=1, "
        + "maxFeePerGas=10, gasLimit=30000, to=Optional[0x"), rendered.get(3));
    assertTrue(rendered.get(3).contains(", accessList=[AccessListEntry[address="), rendered.get(3));
  }
}
