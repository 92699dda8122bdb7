package io.luxtensor.p2p.transport;

import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.crypto.PublicKey;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * One side of the handshake, as a state machine over frame bodies (no sockets): send {@link #helloFrame()}; give the
 * peer's first frame to {@link #onHello} and send the auth frame it returns; give the peer's second frame to
 * {@link #onAuth}, which returns the session. ECDH and signatures make the last two CPU work: call them off the event
 * loop.
 */
public final class Handshake {
  private final Role role;
  private final PrivateKey nodeKey;
  private final Optional<PublicKey> expectedRemote;
  private final EphemeralKey ephemeral;
  private final Hello hello;
  private byte[] transcript;
  private FrameCipher sealer;
  private FrameCipher opener;
  private Capabilities capabilities;

  private Handshake(Role role, PrivateKey nodeKey, Optional<PublicKey> expectedRemote, Capabilities offered,
      SecureRandom random) {
    this.role = role;
    this.nodeKey = nodeKey;
    this.expectedRemote = expectedRemote;
    this.ephemeral = EphemeralKey.random(random);
    byte[] nonce = new byte[Hello.NONCE_BYTES];
    random.nextBytes(nonce);
    this.hello = new Hello(offered, ephemeral.compressed(), nonce);
  }

  /** The dialing side, which must reach the node holding {@code expectedRemote}. */
  public static Handshake initiator(PrivateKey nodeKey, PublicKey expectedRemote, Capabilities offered,
      SecureRandom random) {
    return new Handshake(Role.INITIATOR, nodeKey, Optional.of(expectedRemote), offered, random);
  }

  /** The accepting side, which learns who the peer is from its auth. */
  public static Handshake responder(PrivateKey nodeKey, Capabilities offered, SecureRandom random) {
    return new Handshake(Role.RESPONDER, nodeKey, Optional.empty(), offered, random);
  }

  public byte[] helloFrame() {
    return FrameDecoder.encode(hello.encode());
  }

  /**
   * Takes the peer's hello and returns our auth frame, encrypted under the new session keys.
   *
   * @throws TransportException {@link CloseReason#BAD_HANDSHAKE} for a malformed hello
   */
  public byte[] onHello(byte[] body) throws TransportException {
    if (transcript != null) {
      throw new IllegalStateException("the peer's hello was already taken");
    }
    Hello remote = Hello.decode(body);
    byte[] secret = ephemeral.agree(remote.ephemeralKey());
    transcript = role == Role.INITIATOR ? KeySchedule.transcript(hello, remote) : KeySchedule.transcript(remote, hello);
    sealer = new FrameCipher(KeySchedule.key(secret, transcript, role));
    opener = new FrameCipher(KeySchedule.key(secret, transcript, role.other()));
    capabilities = hello.capabilities().and(remote.capabilities());
    return sealer.seal(Auth.sign(nodeKey, role, transcript).encode());
  }

  /**
   * Takes the peer's auth frame body and returns the authenticated session.
   *
   * @throws TransportException {@link CloseReason#DECRYPT_FAILED}, {@link CloseReason#BAD_HANDSHAKE} or,
   *     for an initiator reaching another node than it dialed, {@link CloseReason#WRONG_IDENTITY}
   */
  public Session onAuth(byte[] body) throws TransportException {
    if (transcript == null) {
      throw new IllegalStateException("the peer's auth comes after its hello");
    }
    Auth auth = Auth.decode(opener.open(body));
    auth.verify(role.other(), transcript);
    if (expectedRemote.isPresent() && !expectedRemote.get().equals(auth.nodeKey())) {
      throw new TransportException(CloseReason.WRONG_IDENTITY,
          "dialed " + expectedRemote.get() + " but reached " + auth.nodeKey());
    }
    return new Session(auth.nodeKey(), capabilities, sealer, opener);
  }
}
