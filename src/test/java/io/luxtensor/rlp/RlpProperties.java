package io.luxtensor.rlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Size;

class RlpProperties {
  private static final int GENERATED_DEPTH_MAX = 16;

  @Property
  void itemsRoundTrip(@ForAll("items") RlpItem item) {
    byte[] encoded = Rlp.encode(item);
    assertEquals(item, Rlp.decode(encoded));
    assertArrayEquals(encoded, Rlp.encode(Rlp.decode(encoded)));
  }

  @Property
  void unsignedIntegersRoundTrip(@ForAll @BigRange(min = "0", max = "115792089237316195423570985008687907853269984665640564039457584007913129639935") BigInteger value) {
    RlpItem decoded = Rlp.decode(Rlp.encode(RlpString.of(value)));
    assertEquals(value, decoded.asString("value").asUnsignedInteger("value", 32));
  }

  @Property
  void longsRoundTrip(@ForAll long any) {
    long value = any & Long.MAX_VALUE;
    assertEquals(value, Rlp.decode(Rlp.encode(RlpString.of(value))).asString("value").asLong("value"));
  }

  /** Random bytes either decode to an item that re-encodes to exactly those bytes, or are rejected by type. */
  @Property(tries = 5000)
  void arbitraryBytesDecodeCanonicallyOrFailTyped(@ForAll @Size(max = 300) byte[] input) {
    RlpItem item;
    try {
      item = Rlp.decode(input);
    } catch (RlpDecodingException rejected) {
      return;
    }
    assertArrayEquals(input, Rlp.encode(item));
  }

  /** Valid encodings with one byte changed still decode canonically or are rejected by type. */
  @Property(tries = 3000)
  void mutatedEncodingsDecodeCanonicallyOrFailTyped(@ForAll("items") RlpItem item, @ForAll int position, @ForAll byte value) {
    byte[] encoded = Rlp.encode(item);
    encoded[Math.floorMod(position, encoded.length)] = value;
    arbitraryBytesDecodeCanonicallyOrFailTyped(encoded);
  }

  @Provide
  Arbitrary<RlpItem> items() {
    return itemsNestedAtMost(GENERATED_DEPTH_MAX);
  }

  /**
   * Strings and lists at most {@code depth} lists deep: unbounded, the recursion once went past the decoder's
   * {@link Rlp#NESTING_DEPTH_MAX} and the round trip failed by design.
   */
  private Arbitrary<RlpItem> itemsNestedAtMost(int depth) {
    Arbitrary<RlpItem> strings = Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(80).map(RlpString::of),
        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(1).map(RlpString::of));
    if (depth == 0) {
      return strings;
    }
    // A list one time in three, as before: lists then hold fewer than one list on average and stay small.
    return Arbitraries.frequencyOf(Tuple.of(2, strings),
        Tuple.of(1, itemsNestedAtMost(depth - 1).list().ofMaxSize(5).map(RlpProperties::list)));
  }

  private static RlpItem list(List<RlpItem> items) {
    return new RlpList(items);
  }
}
