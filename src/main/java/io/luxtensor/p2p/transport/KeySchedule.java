package io.luxtensor.p2p.transport;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * From the ECDH secret and the two hellos to the transcript hash and the two directional AES-256 keys (HKDF-SHA256,
 * salt = transcript), so keys are bound to everything both sides said in the clear.
 */
final class KeySchedule {
  private static final byte[] TRANSCRIPT_DOMAIN = ascii("luxtensor/p2p/v1/transcript");
  private static final byte[] INITIATOR_TO_RESPONDER = ascii("initiator->responder");
  private static final byte[] RESPONDER_TO_INITIATOR = ascii("responder->initiator");
  private static final int KEY_BYTES = 32;

  private KeySchedule() {}

  /** SHA-256 over the domain and both hellos, each as its frame (length-prefixed), initiator's first. */
  static byte[] transcript(Hello initiator, Hello responder) {
    SHA256Digest digest = new SHA256Digest();
    digest.update(TRANSCRIPT_DOMAIN, 0, TRANSCRIPT_DOMAIN.length);
    for (Hello hello : new Hello[] {initiator, responder}) {
      byte[] frame = FrameDecoder.encode(hello.encode());
      digest.update(frame, 0, frame.length);
    }
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }

  /** The key for the frames that {@code sender} seals. */
  static byte[] key(byte[] sharedSecret, byte[] transcript, Role sender) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    byte[] info = sender == Role.INITIATOR ? INITIATOR_TO_RESPONDER : RESPONDER_TO_INITIATOR;
    hkdf.init(new HKDFParameters(sharedSecret, transcript, info));
    byte[] key = new byte[KEY_BYTES];
    hkdf.generateBytes(key, 0, KEY_BYTES);
    return key;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
