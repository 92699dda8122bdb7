package io.luxtensor.p2p.transport;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for one direction of a session. The nonce is 4 zero bytes then a counter of the frames so far, and the
 * 4 length bytes are the associated data, so a flipped, replayed, reordered or dropped frame fails to open.
 * Each instance either seals or opens, never both: the two directions have their own keys.
 */
public final class FrameCipher {
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  /**
   * Large frames are encrypted in pieces of this size. The JVM compiles AES-GCM to its vector instructions only
   * after many calls; a node sealing a few multi-megabyte frames (blocks served to a syncing peer) called it too
   * rarely, and sealed at ~60 MB/s in plain Java instead of ~1 GB/s. The frame's bytes are the same either way.
   */
  static final int SEAL_PIECE_BYTES = 64 * 1024;

  private final SecretKeySpec key;
  private final Cipher cipher;
  /** Unsigned; -1 is the last nonce, after which the session must end rather than reuse one. */
  private long counter;

  FrameCipher(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("an AES-256 key is 32 bytes, got " + key.length);
    }
    this.key = new SecretKeySpec(key, "AES");
    try {
      this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM/NoPadding is in every Java platform", e);
    }
  }

  /** The whole frame carrying {@code plaintext}: length, then ciphertext and tag. */
  public byte[] seal(byte[] plaintext) {
    int length = plaintext.length + TransportLimits.TAG_BYTES;
    if (length > TransportLimits.FRAME_BYTES_MAX || length < 0) {
      throw new IllegalArgumentException("plaintext of " + plaintext.length + " bytes does not fit a frame");
    }
    byte[] lengthBytes = FrameDecoder.lengthBytes(length);
    byte[] frame = new byte[FrameDecoder.LENGTH_BYTES + length];
    System.arraycopy(lengthBytes, 0, frame, 0, FrameDecoder.LENGTH_BYTES);
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, nextNonce());
      cipher.updateAAD(lengthBytes);
      int offset = 0;
      int written = FrameDecoder.LENGTH_BYTES;
      while (plaintext.length - offset > SEAL_PIECE_BYTES) {
        written += cipher.update(plaintext, offset, SEAL_PIECE_BYTES, frame, written);
        offset += SEAL_PIECE_BYTES;
      }
      cipher.doFinal(plaintext, offset, plaintext.length - offset, frame, written);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM refused a fresh key and nonce", e);
    }
    counter++;
    return frame;
  }

  /**
   * The plaintext of the next frame's body (what follows its length).
   *
   * @throws TransportException with {@link CloseReason#DECRYPT_FAILED} if it is not the next frame sealed by the
   *     peer with this key, byte for byte
   */
  public byte[] open(byte[] body) throws TransportException {
    if (body.length < TransportLimits.TAG_BYTES) {
      throw new TransportException(CloseReason.DECRYPT_FAILED,
          "frame of " + body.length + " bytes is shorter than its tag");
    }
    byte[] plaintext;
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, nextNonce());
      cipher.updateAAD(FrameDecoder.lengthBytes(body.length));
      plaintext = cipher.doFinal(body);
    } catch (AEADBadTagException e) {
      throw new TransportException(CloseReason.DECRYPT_FAILED,
          "frame " + Long.toUnsignedString(counter) + " failed authentication");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM refused a fresh key and nonce", e);
    }
    counter++;
    return plaintext;
  }

  private GCMParameterSpec nextNonce() {
    if (counter == -1L) {
      throw new IllegalStateException("2^64 - 1 frames in one direction: the nonces are used up");
    }
    byte[] nonce = new byte[NONCE_BYTES];
    for (int i = 0; i < Long.BYTES; i++) {
      nonce[NONCE_BYTES - 1 - i] = (byte) (counter >>> (8 * i));
    }
    return new GCMParameterSpec(TransportLimits.TAG_BYTES * 8, nonce);
  }
}
