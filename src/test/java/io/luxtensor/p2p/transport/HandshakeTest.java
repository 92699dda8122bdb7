package io.luxtensor.p2p.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.testing.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The handshake as two state machines passing frames to each other, and attackers in between. */
class HandshakeTest {
  private final SecureRandom random = SeededRandom.of(11);
  private final PrivateKey alice = PrivateKey.random(random);
  private final PrivateKey bob = PrivateKey.random(random);
  private final PrivateKey mallory = PrivateKey.random(random);

  @Test
  void bothSidesLearnTheOtherAndShareKeys() throws TransportException {
    Handshake initiator = Handshake.initiator(alice, bob.publicKey(), Capabilities.ALL, random);
    Handshake responder = Handshake.responder(bob, Capabilities.ALL, random);
    byte[] initiatorAuth = initiator.onHello(body(responder.helloFrame()));
    byte[] responderAuth = responder.onHello(body(initiator.helloFrame()));
    Session atAlice = initiator.onAuth(body(responderAuth));
    Session atBob = responder.onAuth(body(initiatorAuth));

    assertEquals(bob.publicKey(), atAlice.remoteKey());
    assertEquals(alice.publicKey(), atBob.remoteKey());
    assertTrue(atAlice.capabilities().deflate());
    RawMessage message = new RawMessage(5, "hi".getBytes());
    assertArrayEquals(message.payload(), atBob.open(body(atAlice.seal(message))).payload());
    assertArrayEquals(message.payload(), atAlice.open(body(atBob.seal(message))).payload());
  }

  @Test
  void compressionOnlyWhenBothOfferIt() throws TransportException {
    Handshake initiator = Handshake.initiator(alice, bob.publicKey(), Capabilities.ALL, random);
    Handshake responder = Handshake.responder(bob, Capabilities.NONE, random);
    byte[] initiatorAuth = initiator.onHello(body(responder.helloFrame()));
    responder.onHello(body(initiator.helloFrame()));
    assertFalse(responder.onAuth(body(initiatorAuth)).capabilities().deflate());
  }

  @Test
  void aFirstFrameThatIsNotAHelloIsRefusedSayingWhatCameInstead() {
    Handshake initiator = Handshake.initiator(alice, bob.publicKey(), Capabilities.ALL, random);
    byte[] webAnswer = "HTTP/1.1 400 Bad Request".getBytes(StandardCharsets.US_ASCII);
    TransportException refused = assertThrows(TransportException.class, () -> initiator.onHello(webAnswer));
    assertEquals(CloseReason.BAD_HANDSHAKE, refused.reason());
    assertEquals("not a LuxTensor hello (wrong magic): a frame of 24 bytes starting 0x485454502f312e31",
        refused.getMessage());
  }

  @Test
  void reachingAnotherNodeThanDialedIsWrongIdentity() throws TransportException {
    Handshake initiator = Handshake.initiator(alice, bob.publicKey(), Capabilities.ALL, random);
    Handshake impostor = Handshake.responder(mallory, Capabilities.ALL, random);
    initiator.onHello(body(impostor.helloFrame()));
    byte[] auth = impostor.onHello(body(initiator.helloFrame()));
    assertEquals(CloseReason.WRONG_IDENTITY,
        assertThrows(TransportException.class, () -> initiator.onAuth(body(auth))).reason());
  }

  @Test
  void aResponderCannotClaimAKeyItDoesNotHold() throws TransportException {
    Handshake initiator = Handshake.initiator(alice, bob.publicKey(), Capabilities.ALL, random);
    ManualResponder mallorySide = new ManualResponder(initiator);
    Auth forged = new Auth(bob.publicKey(), Auth.sign(mallory, Role.RESPONDER, mallorySide.transcript).signature());
    assertEquals(CloseReason.BAD_HANDSHAKE, assertThrows(TransportException.class,
        () -> initiator.onAuth(body(mallorySide.sealer.seal(forged.encode())))).reason());
  }

  @Test
  void aProofFromAnotherSessionDoesNotVerify() throws TransportException {
    Handshake initiator = Handshake.initiator(alice, bob.publicKey(), Capabilities.ALL, random);
    ManualResponder mallorySide = new ManualResponder(initiator);
    byte[] otherSession = new byte[32];
    Auth bobsOldProof = Auth.sign(bob, Role.RESPONDER, otherSession);
    assertEquals(CloseReason.BAD_HANDSHAKE, assertThrows(TransportException.class,
        () -> initiator.onAuth(body(mallorySide.sealer.seal(bobsOldProof.encode())))).reason());
  }

  @Test
  void aProofIsBoundToItsRole() {
    byte[] transcript = new byte[32];
    Auth reflected = Auth.sign(alice, Role.INITIATOR, transcript);
    assertEquals(CloseReason.BAD_HANDSHAKE,
        assertThrows(TransportException.class, () -> reflected.verify(Role.RESPONDER, transcript)).reason());
  }

  @Test
  void anEphemeralKeyOffTheCurveIsABadHandshake() {
    Handshake responder = Handshake.responder(bob, Capabilities.ALL, random);
    byte[] offCurve = new byte[Hello.EPHEMERAL_KEY_BYTES];
    offCurve[0] = 0x02;
    offCurve[32] = 5;
    byte[] hello = new Hello(Capabilities.ALL, offCurve, new byte[32]).encode();
    assertEquals(CloseReason.BAD_HANDSHAKE,
        assertThrows(TransportException.class, () -> responder.onHello(hello)).reason());
  }

  /** An attacker's responder built from the parts, so it can put anything in its auth frame. */
  private final class ManualResponder {
    final byte[] transcript;
    final FrameCipher sealer;

    ManualResponder(Handshake initiator) throws TransportException {
      EphemeralKey ephemeral = EphemeralKey.random(random);
      Hello own = new Hello(Capabilities.ALL, ephemeral.compressed(), new byte[32]);
      initiator.onHello(own.encode());
      Hello theirs = Hello.decode(body(initiator.helloFrame()));
      transcript = KeySchedule.transcript(theirs, own);
      sealer = new FrameCipher(KeySchedule.key(ephemeral.agree(theirs.ephemeralKey()), transcript, Role.RESPONDER));
    }
  }

  private static byte[] body(byte[] frame) {
    return Arrays.copyOfRange(frame, FrameDecoder.LENGTH_BYTES, frame.length);
  }
}
