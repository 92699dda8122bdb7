package io.luxtensor.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.luxtensor.bytes.Hex;
import io.luxtensor.bytes.HexFormatException;
import io.luxtensor.rlp.RlpDecodingException;
import io.luxtensor.testing.TestData;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Every decoder, fed random bytes or a valid encoding with bytes changed, either decodes to a value that re-encodes
 * to exactly the input, or throws its typed exception: never an IndexOutOfBounds, NullPointer or a hang.
 */
class DecoderFuzzProperties {
  private static final TestData DATA = new TestData(42);
  private static final byte[] BLOCK = new Block(DATA.header(DATA.key()),
      List.of(DATA.legacyTransaction(), DATA.dynamicFeeTransaction())).encode();
  private static final byte[] HEADER = DATA.header(DATA.key()).encode();
  private static final byte[] TYPED_TX = DATA.dynamicFeeTransaction().encode();
  private static final byte[] LEGACY_TX = DATA.legacyTransaction().encode();
  private static final byte[] RECEIPT = Receipt.of(TransactionType.DYNAMIC_FEE, true, 42, List.of(DATA.log())).encode();

  @Property(tries = 3000)
  void transactions(@ForAll("inputs") byte[] input) {
    decodesCanonicallyOrFailsTyped(input, Transaction::decode, Transaction::encode, TransactionDecodingException.class);
  }

  @Property(tries = 2000)
  void mutatedTransactions(@ForAll("mutations") Mutation mutation) {
    transactions(mutation.apply(mutation.index() % 2 == 0 ? TYPED_TX : LEGACY_TX));
  }

  @Property(tries = 2000)
  void headers(@ForAll("mutations") Mutation mutation) {
    decodesCanonicallyOrFailsTyped(mutation.apply(HEADER), BlockHeader::decode, BlockHeader::encode,
        RlpDecodingException.class);
  }

  @Property(tries = 2000)
  void blocks(@ForAll("mutations") Mutation mutation) {
    byte[] input = mutation.apply(BLOCK);
    try {
      assertArrayEquals(input, Block.decode(input).encode());
    } catch (RlpDecodingException | TransactionDecodingException rejected) {
      // typed rejection is the other acceptable outcome
    }
  }

  @Property(tries = 2000)
  void receipts(@ForAll("mutations") Mutation mutation) {
    decodesCanonicallyOrFailsTyped(mutation.apply(RECEIPT), Receipt::decode, Receipt::encode,
        RlpDecodingException.class);
  }

  @Property(tries = 2000)
  void hexAndAddresses(@ForAll @Size(max = 50) String text) {
    try {
      byte[] decoded = Hex.decode(text);
      assertEquals(text.replaceFirst("^0[xX]", "").toLowerCase(), Hex.encodeNoPrefix(decoded));
    } catch (HexFormatException rejected) {
      // typed rejection
    }
    try {
      assertEquals(Address.fromHex(text).toHex().substring(2), text.replaceFirst("^0[xX]", "").toLowerCase());
    } catch (AddressFormatException rejected) {
      // typed rejection
    }
  }

  /** Random overwrites of one to four bytes at {@code index}, or a truncation when {@code truncate}. */
  record Mutation(int index, byte[] values, boolean truncate) {
    byte[] apply(byte[] valid) {
      byte[] out = truncate ? Arrays.copyOf(valid, index % valid.length) : valid.clone();
      if (!truncate) {
        for (int i = 0; i < values.length; i++) {
          out[(index + i * 7) % out.length] = values[i];
        }
      }
      return out;
    }
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    return Combinators.combine(
            Arbitraries.integers().between(0, Integer.MAX_VALUE),
            Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(4),
            Arbitraries.of(true, false, false, false))
        .as(Mutation::new);
  }

  @Provide
  Arbitrary<byte[]> inputs() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    Arbitrary<byte[]> typedPrefix = random.map(b -> {
      byte[] out = new byte[b.length + 1];
      out[0] = (byte) (b.length % 3);
      System.arraycopy(b, 0, out, 1, b.length);
      return out;
    });
    return Arbitraries.oneOf(random, typedPrefix);
  }

  private static <T> void decodesCanonicallyOrFailsTyped(
      byte[] input, Function<byte[], T> decode, Function<T, byte[]> encode, Class<? extends RuntimeException> typed) {
    T value;
    try {
      value = decode.apply(input);
    } catch (RuntimeException e) {
      if (typed.isInstance(e)) {
        return;
      }
      throw e;
    }
    assertArrayEquals(input, encode.apply(value));
  }
}
