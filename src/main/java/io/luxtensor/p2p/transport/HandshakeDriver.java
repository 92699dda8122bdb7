package io.luxtensor.p2p.transport;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs a {@link Handshake} over a fresh socket: its EC work on a worker (the socket paused meanwhile, so frames stay
 * in order), its frames under the handshake cap, all of it under the handshake timeout. Ends in a
 * {@link PeerConnection} or a failed future whose {@link TransportException} names the reason; the socket is closed
 * on failure.
 */
final class HandshakeDriver {
  private static final System.Logger LOG = System.getLogger(HandshakeDriver.class.getName());
  private final NetSocket socket;
  private final Context context;
  private final Promise<PeerConnection> result = Promise.promise();
  private final FrameDecoder decoder = new FrameDecoder();
  private final int sendQueueBytesMax;
  private final long timer;
  private Handshake handshake;
  private boolean helloReceived;
  private boolean busy;
  private boolean done;
  /**
   * The peer closed while a step ran with the socket paused: what it sent before closing (its auth, and often a
   * disconnect saying why) still waits in the socket, so the handshake goes on with it and fails only if it ends
   * there.
   */
  private boolean remoteClosed;

  private HandshakeDriver(NetSocket socket, Context context, TransportOptions options) {
    this.socket = socket;
    this.context = context;
    this.sendQueueBytesMax = options.sendQueueBytesMax();
    this.timer = context.owner().setTimer(options.handshakeTimeout().toMillis(), id -> fail(new TransportException(
        CloseReason.TIMEOUT, "no handshake within " + options.handshakeTimeout().toMillis() + " ms")));
  }

  /** Must be called on the socket's event loop; {@code create} runs on a worker (it draws randomness and does EC). */
  static Future<PeerConnection> run(NetSocket socket, Callable<Handshake> create, TransportOptions options) {
    Context context = Vertx.currentContext();
    if (context == null || !context.isEventLoopContext()) {
      throw new IllegalStateException("a handshake is driven from its socket's event loop");
    }
    HandshakeDriver driver = new HandshakeDriver(socket, context, options);
    socket.handler(data -> driver.onData(data.getBytes()));
    socket.closeHandler(v -> driver.onRemoteClosed());
    socket.exceptionHandler(e -> driver.fail(
        new TransportException(CloseReason.SOCKET_ERROR, String.valueOf(e.getMessage()))));
    driver.step(create, created -> {
      driver.handshake = created;
      socket.write(Buffer.buffer(created.helloFrame()));
    });
    return driver.result.future();
  }

  private void onRemoteClosed() {
    if (busy) {
      remoteClosed = true;
    } else {
      fail(new TransportException(CloseReason.REMOTE_CLOSED, "the peer closed the connection during the handshake"));
    }
  }

  private void onData(byte[] data) {
    if (done) {
      return;
    }
    decoder.feed(data);
    drain();
  }

  private void drain() {
    if (busy || done) {
      return;
    }
    Optional<byte[]> body;
    try {
      body = decoder.next(TransportLimits.HANDSHAKE_FRAME_BYTES_MAX);
    } catch (TransportException e) {
      fail(e);
      return;
    }
    if (body.isEmpty()) {
      return;
    }
    byte[] frame = body.get();
    if (!helloReceived) {
      helloReceived = true;
      step(() -> handshake.onHello(frame), auth -> socket.write(Buffer.buffer(auth)));
    } else {
      step(() -> handshake.onAuth(frame), this::succeed);
    }
  }

  /** Runs {@code work} on a worker with the socket paused, then {@code then} back on the event loop. */
  private <T> void step(Callable<T> work, Consumer<T> then) {
    busy = true;
    socket.pause();
    context.executeBlocking(work, false).onComplete(outcome -> {
      if (done) {
        return;
      }
      busy = false;
      if (outcome.failed() && outcome.cause() instanceof TransportException refused) {
        fail(refused);
        return;
      }
      if (outcome.failed()) {
        LOG.log(System.Logger.Level.ERROR, "handshake with " + socket.remoteAddress() + " failed", outcome.cause());
        fail(new TransportException(CloseReason.INTERNAL_ERROR, "handshake failed: " + outcome.cause()));
        return;
      }
      then.accept(outcome.result());
      if (!done) {
        socket.resume();
        drain();
        if (remoteClosed) {
          // After what the socket still held has been delivered (on this loop, next): nothing more will come.
          context.runOnContext(ignored -> {
            if (!busy) {
              onRemoteClosed();
            }
          });
        }
      }
    });
  }

  private void succeed(Session session) {
    done = true;
    context.owner().cancelTimer(timer);
    result.complete(new PeerConnection(socket, context, session, decoder, sendQueueBytesMax, remoteClosed));
  }

  private void fail(TransportException why) {
    if (done) {
      return;
    }
    done = true;
    context.owner().cancelTimer(timer);
    socket.close();
    result.fail(why);
  }
}
