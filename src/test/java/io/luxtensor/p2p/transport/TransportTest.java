package io.luxtensor.p2p.transport;

import static io.luxtensor.p2p.transport.LoopbackNode.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.p2p.transport.LoopbackNode.Inbox;
import io.luxtensor.testing.SeededRandom;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real sockets on loopback: honest peers, impostors, garbage and silence. */
class TransportTest {
  private static final TransportOptions FAST_TIMEOUT = TransportOptions.defaults()
      .withHandshakeTimeout(Duration.ofMillis(500));
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
  void peersLearnEachOtherAndExchangeMessagesBothWays() throws Exception {
    LoopbackNode alice = new LoopbackNode(vertx, 100, TransportOptions.defaults());
    LoopbackNode bob = new LoopbackNode(vertx, 200, TransportOptions.defaults());
    PeerConnection toAlice = await(bob.transport.connect(alice.address()));
    PeerConnection toBob = alice.nextAccepted();
    assertEquals(alice.key.peerId(), toAlice.peerId());
    assertEquals(bob.key.peerId(), toBob.peerId());
    assertTrue(toAlice.capabilities().deflate());

    Inbox atBob = Inbox.of(toAlice);
    Inbox atAlice = Inbox.of(toBob);
    byte[] random = new byte[5 * 1024 * 1024];
    SeededRandom.of(1).nextBytes(random);
    byte[] compressible = new byte[TransportLimits.PAYLOAD_BYTES_MAX];
    Arrays.fill(compressible, (byte) 'x');
    toAlice.send(1, "ping".getBytes());
    toAlice.send(2, random);
    toAlice.send(3, compressible);
    toAlice.send(255, new byte[0]);
    toBob.send(4, "pong".getBytes());

    assertMessage(1, "ping".getBytes(), atAlice.next());
    assertMessage(2, random, atAlice.next());
    assertMessage(3, compressible, atAlice.next());
    assertMessage(255, new byte[0], atAlice.next());
    assertMessage(4, "pong".getBytes(), atBob.next());

    toAlice.disconnect(CloseReason.REQUESTED, "test done");
    assertEquals(CloseReason.REQUESTED, await(atBob.closed).reason());
    assertEquals(CloseReason.REMOTE_CLOSED, await(atAlice.closed).reason());
    alice.close();
    bob.close();
  }

  @Test
  void compressionIsUsedOnlyWhenBothOfferIt() throws Exception {
    LoopbackNode plain = new LoopbackNode(vertx, 300, TransportOptions.defaults().withCapabilities(Capabilities.NONE));
    LoopbackNode dialer = new LoopbackNode(vertx, 400, TransportOptions.defaults());
    PeerConnection connection = await(dialer.transport.connect(plain.address()));
    Inbox inbox = Inbox.of(plain.nextAccepted());
    byte[] compressible = new byte[100_000];
    connection.send(9, compressible);
    assertMessage(9, compressible, inbox.next());
    assertTrue(!connection.capabilities().deflate());
    plain.close();
    dialer.close();
  }

  @Test
  void dialingTheWrongNodeKeyFailsWithWrongIdentity() throws Exception {
    LoopbackNode bob = new LoopbackNode(vertx, 500, TransportOptions.defaults());
    LoopbackNode dialer = new LoopbackNode(vertx, 600, TransportOptions.defaults());
    NodeAddress expectingCarol = new NodeAddress(PrivateKey.random(SeededRandom.of(700)).publicKey(), "127.0.0.1",
        bob.listener.port());
    assertEquals(CloseReason.WRONG_IDENTITY, handshakeFailure(dialer.transport, expectingCarol));
    bob.close();
    dialer.close();
  }

  @Test
  void aHelloOfRandomBytesIsDroppedAndTheServerKeepsAccepting() throws Exception {
    LoopbackNode server = new LoopbackNode(vertx, 800, FAST_TIMEOUT);
    byte[] garbage = new byte[Hello.BYTES];
    SeededRandom.of(2).nextBytes(garbage);
    assertDroppedAfterSending(server, FrameDecoder.encode(garbage));
    assertEquals(CloseReason.BAD_HANDSHAKE, server.nextRejected().reason());
    assertServerStillAccepts(server);
  }

  @Test
  void anOversizedHandshakeFrameIsDroppedBeforeItsBody() throws Exception {
    LoopbackNode server = new LoopbackNode(vertx, 900, FAST_TIMEOUT);
    assertDroppedAfterSending(server, FrameDecoder.lengthBytes(TransportLimits.FRAME_BYTES_MAX));
    assertEquals(CloseReason.FRAME_TOO_LARGE, server.nextRejected().reason());
    assertServerStillAccepts(server);
  }

  @Test
  void silenceAndATruncatedHandshakeTimeOut() throws Exception {
    LoopbackNode server = new LoopbackNode(vertx, 1000, FAST_TIMEOUT);
    assertDroppedAfterSending(server, new byte[0]);
    assertEquals(CloseReason.TIMEOUT, server.nextRejected().reason());
    byte[] hello = Handshake.responder(server.key.privateKey(), Capabilities.ALL, SeededRandom.of(3)).helloFrame();
    assertDroppedAfterSending(server, Arrays.copyOf(hello, hello.length / 2));
    assertEquals(CloseReason.TIMEOUT, server.nextRejected().reason());
    assertServerStillAccepts(server);
  }

  @Test
  void aDialerGivesUpOnASilentServer() throws Exception {
    LoopbackNode dialer = new LoopbackNode(vertx, 1100, FAST_TIMEOUT);
    try (ServerSocket silent = new ServerSocket(0)) {
      NodeAddress address = new NodeAddress(PrivateKey.random(SeededRandom.of(4)).publicKey(), "127.0.0.1",
          silent.getLocalPort());
      assertEquals(CloseReason.TIMEOUT, handshakeFailure(dialer.transport, address));
    }
    dialer.close();
  }

  @Test
  void aPeerThatDoesNotReadIsDisconnectedWhenItsQueueFills() throws Exception {
    LoopbackNode server = new LoopbackNode(vertx, 1200, TransportOptions.defaults());
    LoopbackNode dialer = new LoopbackNode(vertx, 1300,
        TransportOptions.defaults().withSendQueueBytesMax(256 * 1024).withCapabilities(Capabilities.NONE));
    PeerConnection connection = await(dialer.transport.connect(server.address()));
    server.nextAccepted(); // never started: it reads nothing
    Inbox inbox = Inbox.of(connection);
    byte[] payload = new byte[1024 * 1024];
    for (int i = 0; i < 64 && !inbox.closed.isDone(); i++) {
      connection.send(1, payload);
    }
    assertEquals(CloseReason.SEND_QUEUE_FULL, await(inbox.closed).reason());
    server.close();
    dialer.close();
  }

  private static CloseReason handshakeFailure(Transport transport, NodeAddress address) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(transport.connect(address)));
    return assertInstanceOf(TransportException.class, e.getCause()).reason();
  }

  /** Sends {@code bytes} from a raw socket and waits for the server to close it. */
  private static void assertDroppedAfterSending(LoopbackNode server, byte[] bytes) throws IOException {
    try (Socket raw = new Socket("127.0.0.1", server.listener.port())) {
      raw.setSoTimeout((int) LoopbackNode.WAIT_SECONDS * 1000);
      raw.getOutputStream().write(bytes);
      raw.getOutputStream().flush();
      InputStream in = raw.getInputStream();
      byte[] sink = new byte[1024];
      while (true) {
        try {
          if (in.read(sink) < 0) {
            return;
          }
        } catch (java.net.SocketException reset) {
          return;
        }
      }
    }
  }

  private static void assertServerStillAccepts(LoopbackNode server) throws Exception {
    LoopbackNode client = new LoopbackNode(vertx, 9999, TransportOptions.defaults());
    PeerConnection connection = await(client.transport.connect(server.address()));
    Inbox inbox = Inbox.of(server.nextAccepted());
    connection.send(7, "still here".getBytes());
    assertMessage(7, "still here".getBytes(), inbox.next());
    client.close();
    server.close();
  }

  static void assertMessage(int type, byte[] payload, RawMessage actual) {
    assertEquals(type, actual.type());
    assertArrayEquals(payload, actual.payload());
  }
}
