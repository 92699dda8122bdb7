package io.luxtensor.p2p.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The decoders that face untrusted bytes, fed random and mutated input in random chunks: they return frames no larger
 * than the cap or throw {@link TransportException} with a documented reason; nothing else escapes.
 */
class FramingProperties {
  private static final int CAP = 300;

  @Property(tries = 500)
  void validFramesSurviveAnyChunking(@ForAll("bodies") List<byte[]> bodies, @ForAll("cuts") List<Integer> cuts)
      throws TransportException {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    bodies.forEach(b -> stream.writeBytes(FrameDecoder.encode(b)));
    List<byte[]> decoded = decodeAll(stream.toByteArray(), cuts);
    assertEquals(bodies.size(), decoded.size());
    for (int i = 0; i < bodies.size(); i++) {
      assertArrayEquals(bodies.get(i), decoded.get(i));
    }
  }

  @Property(tries = 1000)
  void arbitraryBytesGiveFramesWithinTheCapOrFrameTooLarge(@ForAll @Size(max = 2000) byte[] input,
      @ForAll("cuts") List<Integer> cuts) {
    try {
      decodeAll(input, cuts).forEach(body -> assertTrue(body.length <= CAP));
    } catch (TransportException e) {
      assertEquals(CloseReason.FRAME_TOO_LARGE, e.reason());
    }
  }

  @Property(tries = 1000)
  void mutatedFramesStillObeyTheCap(@ForAll("bodies") List<byte[]> bodies, @ForAll @IntRange(max = 10_000) int where,
      @ForAll byte xor, @ForAll("cuts") List<Integer> cuts) {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    bodies.forEach(b -> stream.writeBytes(FrameDecoder.encode(b)));
    byte[] input = stream.toByteArray();
    if (input.length > 0) {
      input[where % input.length] ^= xor;
    }
    arbitraryBytesGiveFramesWithinTheCapOrFrameTooLarge(input, cuts);
  }

  @Property(tries = 1000)
  void helloDecodingRejectsOnlyWithBadHandshake(@ForAll("helloLike") byte[] body) {
    try {
      assertArrayEquals(body, Hello.decode(body).encode());
    } catch (TransportException e) {
      assertEquals(CloseReason.BAD_HANDSHAKE, e.reason());
    }
  }

  @Property(tries = 300)
  void authDecodingAndCheckingRejectOnlyWithBadHandshake(@ForAll @Size(min = Auth.BYTES, max = Auth.BYTES) byte[] body,
      @ForAll boolean initiator) {
    try {
      Auth.decode(body).verify(initiator ? Role.INITIATOR : Role.RESPONDER, new byte[32]);
      throw new AssertionError("random bytes verified as an auth");
    } catch (TransportException e) {
      assertEquals(CloseReason.BAD_HANDSHAKE, e.reason());
    }
  }

  @Property(tries = 1000)
  void messageDecodingRejectsOnlyWithDocumentedReasons(@ForAll @Size(max = 3000) byte[] plaintext,
      @ForAll boolean compression) {
    try {
      RawMessage message = RawMessageCodec.decode(plaintext, compression);
      assertTrue(message.payload().length <= TransportLimits.PAYLOAD_BYTES_MAX);
    } catch (TransportException e) {
      assertTrue(e.reason() == CloseReason.PROTOCOL_ERROR
          || e.reason() == CloseReason.DECOMPRESSED_TOO_LARGE, e.reason().toString());
    }
  }

  @Provide
  Arbitrary<List<byte[]>> bodies() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(CAP).list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(1, 700).list().ofMinSize(1).ofMaxSize(10);
  }

  /** Valid hellos, hellos with a byte changed, truncated or extended, and random bytes. */
  @Provide
  Arbitrary<byte[]> helloLike() {
    Arbitrary<byte[]> valid = Arbitraries.bytes().array(byte[].class).ofSize(Hello.BYTES - Hello.MAGIC.length - 1)
        .map(rest -> {
          byte[] out = Arrays.copyOf(Hello.MAGIC, Hello.BYTES);
          out[Hello.MAGIC.length] = Hello.VERSION;
          System.arraycopy(rest, 0, out, Hello.MAGIC.length + 1, rest.length);
          return out;
        });
    Arbitrary<byte[]> mutated = valid.flatMap(v -> Arbitraries.integers().between(0, v.length - 1)
        .map(i -> {
          byte[] m = v.clone();
          m[i] ^= (byte) (1 + (i % 255));
          return m;
        }));
    Arbitrary<byte[]> resized = valid.flatMap(v -> Arbitraries.integers().between(0, 2 * Hello.BYTES)
        .map(n -> Arrays.copyOf(v, n)));
    return Arbitraries.oneOf(valid, mutated, resized, Arbitraries.bytes().array(byte[].class).ofMaxSize(200));
  }

  private static List<byte[]> decodeAll(byte[] input, List<Integer> cuts) throws TransportException {
    FrameDecoder decoder = new FrameDecoder();
    List<byte[]> out = new ArrayList<>();
    int at = 0;
    for (int i = 0; at < input.length; i++) {
      int n = Math.min(cuts.get(i % cuts.size()), input.length - at);
      decoder.feed(Arrays.copyOfRange(input, at, at + n));
      at += n;
      for (Optional<byte[]> f = decoder.next(CAP); f.isPresent(); f = decoder.next(CAP)) {
        out.add(f.get());
      }
    }
    return out;
  }
}
