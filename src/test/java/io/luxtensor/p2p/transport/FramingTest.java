package io.luxtensor.p2p.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.testing.SeededRandom;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Frames, their encryption and the message plaintext inside them, without sockets. */
class FramingTest {
  private static final byte[] KEY = new byte[32];

  @Test
  void limitsFitTogether() {
    assertEquals(TransportLimits.FRAME_BYTES_MAX,
        TransportLimits.PAYLOAD_BYTES_MAX + TransportLimits.MESSAGE_HEADER_BYTES + TransportLimits.TAG_BYTES);
    assertTrue(Hello.BYTES <= TransportLimits.HANDSHAKE_FRAME_BYTES_MAX);
    assertTrue(Auth.BYTES + TransportLimits.TAG_BYTES <= TransportLimits.HANDSHAKE_FRAME_BYTES_MAX);
    assertTrue(TransportLimits.SEND_QUEUE_BYTES_MAX >= TransportLimits.FRAME_BYTES_MAX + FrameDecoder.LENGTH_BYTES,
        "the largest frame must fit the send queue");
    assertTrue(TransportLimits.COMPRESS_PAYLOAD_BYTES_MIN < TransportLimits.PAYLOAD_BYTES_MAX);
  }

  @Test
  void decoderReassemblesFramesFedByteByByte() throws TransportException {
    byte[] stream = concat(FrameDecoder.encode(new byte[] {1, 2, 3}), FrameDecoder.encode(new byte[0]),
        FrameDecoder.encode(new byte[] {9}));
    FrameDecoder decoder = new FrameDecoder();
    ByteArrayOutputStream bodies = new ByteArrayOutputStream();
    int frames = 0;
    for (byte b : stream) {
      decoder.feed(new byte[] {b});
      for (Optional<byte[]> f = decoder.next(8); f.isPresent(); f = decoder.next(8)) {
        bodies.writeBytes(f.get());
        frames++;
      }
    }
    assertEquals(3, frames);
    assertArrayEquals(new byte[] {1, 2, 3, 9}, bodies.toByteArray());
    assertEquals(0, decoder.bufferedBytes());
  }

  @Test
  void aLengthAboveTheCapIsRefusedBeforeItsBody() {
    FrameDecoder decoder = new FrameDecoder();
    decoder.feed(FrameDecoder.lengthBytes(TransportLimits.FRAME_BYTES_MAX + 1));
    TransportException e = assertThrows(TransportException.class, () -> decoder.next(TransportLimits.FRAME_BYTES_MAX));
    assertEquals(CloseReason.FRAME_TOO_LARGE, e.reason());
    assertEquals(FrameDecoder.LENGTH_BYTES, decoder.bufferedBytes());
  }

  @Test
  void sealedFramesOpenInOrderOnly() throws TransportException {
    FrameCipher sealer = new FrameCipher(KEY);
    FrameCipher opener = new FrameCipher(KEY);
    byte[] first = body(sealer.seal(new byte[] {1}));
    byte[] second = body(sealer.seal(new byte[] {2}));

    assertArrayEquals(new byte[] {1}, opener.open(first));
    assertEquals(CloseReason.DECRYPT_FAILED, assertThrows(TransportException.class, () -> opener.open(first))
        .reason(), "a replayed frame");
    FrameCipher reordered = new FrameCipher(KEY);
    assertEquals(CloseReason.DECRYPT_FAILED,
        assertThrows(TransportException.class, () -> reordered.open(second)).reason(), "a frame out of order");
  }

  @Test
  void framesSealedInPiecesAreTheOneShotEncryptionAndOpen() throws Exception {
    int piece = FrameCipher.SEAL_PIECE_BYTES;
    Random random = SeededRandom.of(5);
    for (int size : new int[] {0, 1, piece - 1, piece, piece + 1, 3 * piece + 17, 1 << 20}) {
      byte[] plaintext = new byte[size];
      random.nextBytes(plaintext);
      byte[] frame = new FrameCipher(KEY).seal(plaintext);

      // The first frame's nonce is 12 zero bytes; the associated data is the frame's length prefix.
      Cipher oneShot = Cipher.getInstance("AES/GCM/NoPadding");
      oneShot.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"),
          new GCMParameterSpec(TransportLimits.TAG_BYTES * 8, new byte[12]));
      oneShot.updateAAD(FrameDecoder.lengthBytes(size + TransportLimits.TAG_BYTES));
      assertArrayEquals(oneShot.doFinal(plaintext), body(frame), "size " + size);
      assertArrayEquals(plaintext, new FrameCipher(KEY).open(body(frame)), "size " + size);
    }
  }

  @Test
  void everyFlippedBitOfAFrameFailsAuthentication() {
    byte[] frame = new FrameCipher(KEY).seal("payload".getBytes());
    for (int bit = FrameDecoder.LENGTH_BYTES * 8; bit < frame.length * 8; bit++) {
      byte[] body = body(frame);
      body[bit / 8 - FrameDecoder.LENGTH_BYTES] ^= (byte) (1 << (bit % 8));
      assertThrows(TransportException.class, () -> new FrameCipher(KEY).open(body));
    }
  }

  @Test
  void compressionAppliesOnlyWhenNegotiatedAndWorthIt() throws TransportException {
    byte[] repetitive = new byte[100_000];
    byte[] small = new byte[] {1, 2, 3};
    byte[] deflated = RawMessageCodec.encode(new RawMessage(7, repetitive), true);
    assertEquals(1, deflated[1]);
    assertTrue(deflated.length < 1_000);
    assertArrayEquals(repetitive, RawMessageCodec.decode(deflated, true).payload());
    assertEquals(0, RawMessageCodec.encode(new RawMessage(7, repetitive), false)[1]);
    assertEquals(0, RawMessageCodec.encode(new RawMessage(7, small), true)[1]);
    byte[] random = new byte[10_000];
    SeededRandom.of(9).nextBytes(random);
    assertEquals(0, RawMessageCodec.encode(new RawMessage(7, random), true)[1], "incompressible payloads go as they are");
  }

  @Test
  void malformedPlaintextsAreProtocolErrors() {
    byte[] deflated = RawMessageCodec.encode(new RawMessage(1, new byte[5_000]), true);
    for (byte[] plaintext : new byte[][] {{}, {1}, {1, 2}, {1, (byte) 0x80}, deflated}) {
      TransportException e = assertThrows(TransportException.class, () -> RawMessageCodec.decode(plaintext, false));
      assertEquals(CloseReason.PROTOCOL_ERROR, e.reason());
    }
    byte[] truncated = Arrays.copyOf(deflated, deflated.length - 3);
    assertEquals(CloseReason.PROTOCOL_ERROR,
        assertThrows(TransportException.class, () -> RawMessageCodec.decode(truncated, true)).reason());
  }

  @Test
  void aDeflateBombIsRefused() {
    byte[] bomb = deflatedZeros(64L * 1024 * 1024);
    assertTrue(bomb.length < 128 * 1024, "a small frame");
    byte[] plaintext = concat(new byte[] {3, 1}, bomb);
    TransportException e = assertThrows(TransportException.class, () -> RawMessageCodec.decode(plaintext, true));
    assertEquals(CloseReason.DECOMPRESSED_TOO_LARGE, e.reason());
  }

  @Test
  void aPayloadOfExactlyTheCapInflates() throws TransportException {
    byte[] payload = new byte[TransportLimits.PAYLOAD_BYTES_MAX];
    byte[] deflated = RawMessageCodec.encode(new RawMessage(0, payload), true);
    assertEquals(TransportLimits.PAYLOAD_BYTES_MAX, RawMessageCodec.decode(deflated, true).payload().length);
  }

  static byte[] deflatedZeros(long count) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] zeros = new byte[1 << 20];
    byte[] chunk = new byte[1 << 16];
    for (long fed = 0; fed < count; fed += zeros.length) {
      deflater.setInput(zeros);
      while (!deflater.needsInput()) {
        out.write(chunk, 0, deflater.deflate(chunk));
      }
    }
    deflater.finish();
    while (!deflater.finished()) {
      out.write(chunk, 0, deflater.deflate(chunk));
    }
    deflater.end();
    return out.toByteArray();
  }

  private static byte[] body(byte[] frame) {
    return Arrays.copyOfRange(frame, FrameDecoder.LENGTH_BYTES, frame.length);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
