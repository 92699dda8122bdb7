package io.luxtensor.p2p.transport;

import static io.luxtensor.p2p.transport.LoopbackNode.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.p2p.transport.LoopbackNode.Inbox;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A man in the middle changes the dialer's frames on their way; the receiver must drop the connection with the
 * matching reason and never deliver a message that was not sent, in the order sent.
 */
class TamperingTest {
  /** Frames 0 and 1 are the hello and the auth; the messages m0, m1, m2 are frames 2, 3, 4. */
  private static final int FIRST_MESSAGE = 2;
  private static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    await(vertx.close());
  }

  @Test
  void aFlippedByteInAMessageIsDecryptFailed() throws Exception {
    Outcome outcome = exchangeThrough((i, frame) -> List.of(i == FIRST_MESSAGE + 1 ? flip(frame, frame.length - 20)
        : frame));
    assertEquals(List.of("m0"), outcome.delivered);
    assertEquals(CloseReason.DECRYPT_FAILED, outcome.reason);
  }

  @Test
  void aReplayedFrameIsDecryptFailed() throws Exception {
    byte[][] seen = new byte[1][];
    Outcome outcome = exchangeThrough((i, frame) -> {
      if (i == FIRST_MESSAGE) {
        seen[0] = frame;
      }
      return i == FIRST_MESSAGE + 1 ? List.of(seen[0], frame) : List.of(frame);
    });
    assertEquals(List.of("m0"), outcome.delivered);
    assertEquals(CloseReason.DECRYPT_FAILED, outcome.reason);
  }

  @Test
  void aDroppedFrameIsDecryptFailed() throws Exception {
    Outcome outcome = exchangeThrough((i, frame) -> i == FIRST_MESSAGE + 1 ? List.of() : List.of(frame));
    assertEquals(List.of("m0"), outcome.delivered);
    assertEquals(CloseReason.DECRYPT_FAILED, outcome.reason);
  }

  @Test
  void reorderedFramesAreDecryptFailed() throws Exception {
    byte[][] held = new byte[1][];
    Outcome outcome = exchangeThrough((i, frame) -> {
      if (i == FIRST_MESSAGE + 1) {
        held[0] = frame;
        return List.of();
      }
      return i == FIRST_MESSAGE + 2 ? List.of(frame, held[0]) : List.of(frame);
    });
    assertEquals(List.of("m0"), outcome.delivered);
    assertEquals(CloseReason.DECRYPT_FAILED, outcome.reason);
  }

  @Test
  void anOversizedLengthIsRefusedBeforeItsBody() throws Exception {
    Outcome outcome = exchangeThrough((i, frame) -> List.of(i == FIRST_MESSAGE
        ? FrameDecoder.lengthBytes(TransportLimits.FRAME_BYTES_MAX + 1) : frame));
    assertEquals(List.of(), outcome.delivered);
    assertEquals(CloseReason.FRAME_TOO_LARGE, outcome.reason);
  }

  @Test
  void aTamperedHelloBreaksTheHandshakeOnBothSides() throws Exception {
    try (Rig rig = new Rig((i, frame) -> List.of(i == 0 ? flip(frame, frame.length - 1) : frame))) {
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> await(rig.dialer.transport.connect(rig.proxied())));
      assertEquals(CloseReason.DECRYPT_FAILED, assertInstanceOf(TransportException.class, e.getCause()).reason());
      // The two transcripts differ, so each side fails to open the other's auth; but the dialer may fail first and
      // close before the server has opened the dialer's auth, and then the server sees the close. Either way the
      // server rejects the connection rather than accepting it.
      CloseReason serverSide = rig.server.nextRejected().reason();
      assertTrue(serverSide == CloseReason.DECRYPT_FAILED || serverSide == CloseReason.REMOTE_CLOSED,
          "the server rejects it: " + serverSide);
    }
  }

  @Test
  void aTamperedAuthIsRejectedByTheResponder() throws Exception {
    try (Rig rig = new Rig((i, frame) -> List.of(i == 1 ? flip(frame, 10) : frame))) {
      rig.dialer.transport.connect(rig.proxied());
      assertEquals(CloseReason.DECRYPT_FAILED, rig.server.nextRejected().reason());
    }
  }

  private record Outcome(List<String> delivered, CloseReason reason) {}

  /** The dialer sends m0, m1, m2 through the proxy; what the server delivered before it dropped the connection. */
  private static Outcome exchangeThrough(TamperingProxy.Rewrite rewrite) throws Exception {
    try (Rig rig = new Rig(rewrite)) {
      PeerConnection connection = await(rig.dialer.transport.connect(rig.proxied()));
      for (String text : List.of("m0", "m1", "m2")) {
        connection.send(1, text.getBytes());
      }
      Inbox inbox = Inbox.of(rig.server.nextAccepted());
      CloseReason reason = await(inbox.closed).reason();
      List<String> delivered = new ArrayList<>();
      inbox.messages.forEach(m -> delivered.add(new String(m.payload())));
      return new Outcome(delivered, reason);
    }
  }

  private static byte[] flip(byte[] frame, int at) {
    byte[] out = frame.clone();
    out[at] ^= 0x01;
    return out;
  }

  /** A server, a dialer, and the proxy between them. */
  private static final class Rig implements AutoCloseable {
    final LoopbackNode server;
    final LoopbackNode dialer;
    final TamperingProxy proxy;

    Rig(TamperingProxy.Rewrite rewrite) throws Exception {
      server = new LoopbackNode(vertx, 41, TransportOptions.defaults());
      dialer = new LoopbackNode(vertx, 42, TransportOptions.defaults());
      proxy = TamperingProxy.start(vertx, server.listener.port(), rewrite);
    }

    NodeAddress proxied() {
      return new NodeAddress(server.key.publicKey(), "127.0.0.1", proxy.port());
    }

    @Override
    public void close() throws Exception {
      proxy.close();
      server.close();
      dialer.close();
    }
  }
}
