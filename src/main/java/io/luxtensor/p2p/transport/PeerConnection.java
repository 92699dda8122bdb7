package io.luxtensor.p2p.transport;

import io.luxtensor.crypto.PublicKey;
import io.luxtensor.sync.PeerId;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import java.util.Optional;

/**
 * An authenticated, encrypted connection to a peer. Reading starts with {@link #start}; every failure to decode or
 * authenticate a frame closes it, and the close handler learns why exactly once. All state is touched on the
 * connection's event loop only; the public methods may be called from any thread.
 *
 * <p>Frames are sealed and opened on the event loop, unlike the handshake: AES-GCM runs at gigabytes per second, so
 * even the largest frame costs milliseconds, and a worker hop per message would cost more than it saves.
 */
public final class PeerConnection {
  /**
   * How long a connection this side closed stays open for reading after its last message: what the peer still sends
   * is read and dropped, since closing a socket with unread data makes the kernel answer with a reset, and a reset
   * can discard the goodbye before the peer has read it.
   */
  static final long GOODBYE_LINGER_MILLIS = 1_000;

  private final NetSocket socket;
  private final Context context;
  private final Session session;
  private final FrameDecoder decoder;
  private MessageHandler messages;
  private Handler<ConnectionClosed> closeHandler;
  private ConnectionClosed closed;
  /**
   * The peer closed while this side had not started reading: what it sent last (often a disconnect with its reason)
   * still waits in the paused socket, so the close is reported only after that has been delivered.
   */
  private boolean closedBeforeStart;

  /**
   * Takes over a socket that the handshake left paused, with any bytes it read past the handshake in the decoder;
   * {@code closedDuringHandshake} if the peer already closed it, so the close is reported once that is delivered.
   */
  PeerConnection(NetSocket socket, Context context, Session session, FrameDecoder decoder, int sendQueueBytesMax,
      boolean closedDuringHandshake) {
    this.socket = socket;
    this.context = context;
    this.session = session;
    this.decoder = decoder;
    socket.setWriteQueueMaxSize(sendQueueBytesMax);
    socket.handler(this::onData);
    closedBeforeStart = closedDuringHandshake;
    // Before start, the frames the handshake read past it wait in the decoder: a close now must wait for them
    // (a node refusing a peer sends its Disconnect and closes at once, and the paused socket may report the end).
    socket.endHandler(v -> onRemoteClose());
    socket.closeHandler(v -> onRemoteClose());
    socket.exceptionHandler(e -> close(CloseReason.SOCKET_ERROR, String.valueOf(e.getMessage())));
  }

  private void onRemoteClose() {
    if (messages == null) {
      closedBeforeStart = true;
    } else {
      close(CloseReason.REMOTE_CLOSED, "the peer closed the connection");
    }
  }

  public PeerId peerId() {
    return session.peerId();
  }

  public PublicKey remoteKey() {
    return session.remoteKey();
  }

  public SocketAddress remoteAddress() {
    return socket.remoteAddress();
  }

  /** What both sides offered, and so what this connection uses. */
  public Capabilities capabilities() {
    return session.capabilities();
  }

  /**
   * Starts delivering messages to {@code messages} and the end of the connection to {@code onClose} (at once, if it
   * already ended). Call once.
   */
  public void start(MessageHandler messages, Handler<ConnectionClosed> onClose) {
    onContext(() -> {
      if (this.messages != null) {
        throw new IllegalStateException("connection to " + peerId().shortString() + " was already started");
      }
      this.messages = messages;
      this.closeHandler = onClose;
      if (closed != null) {
        onClose.handle(closed);
        return;
      }
      drain();
      socket.resume();
      if (closedBeforeStart) {
        context.runOnContext(v -> close(CloseReason.REMOTE_CLOSED, "the peer closed the connection"));
      }
    });
  }

  /**
   * Queues a message. If the peer has not read what was queued before and the queue is past its cap, the connection
   * is closed with {@link CloseReason#SEND_QUEUE_FULL} instead. On a closed connection, does nothing.
   *
   * @throws IllegalArgumentException if the type is not 0-255 or the payload exceeds the cap
   */
  public void send(int type, byte[] payload) {
    RawMessage message = new RawMessage(type, payload);
    onContext(() -> {
      if (closed != null) {
        return;
      }
      if (socket.writeQueueFull()) {
        close(CloseReason.SEND_QUEUE_FULL, "the peer is not reading; its send queue is past its cap");
        return;
      }
      socket.write(Buffer.buffer(session.seal(message)));
    });
  }

  /** Closes the connection; the close handler gets {@code reason} unless it had already ended. */
  public void disconnect(CloseReason reason, String detail) {
    onContext(() -> close(reason, detail));
  }

  private void onData(Buffer data) {
    if (closed != null) {
      return;
    }
    decoder.feed(data.getBytes());
    if (messages != null) {
      drain();
    }
  }

  private void drain() {
    try {
      while (closed == null) {
        Optional<byte[]> body = decoder.next(TransportLimits.FRAME_BYTES_MAX);
        if (body.isEmpty()) {
          return;
        }
        RawMessage message = session.open(body.get());
        messages.onMessage(message.type(), message.payload());
      }
    } catch (TransportException e) {
      close(e.reason(), e.getMessage());
    }
  }

  private void close(CloseReason reason, String detail) {
    if (closed != null) {
      return;
    }
    closed = new ConnectionClosed(reason, detail);
    if (reason == CloseReason.REQUESTED) {
      socket.resume();
      context.owner().setTimer(GOODBYE_LINGER_MILLIS, timer -> socket.close());
    } else {
      socket.close();
    }
    if (closeHandler != null) {
      closeHandler.handle(closed);
    }
  }

  private void onContext(Runnable action) {
    if (Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }

  @Override
  public String toString() {
    return "PeerConnection[" + peerId().shortString() + "@" + remoteAddress() + "]";
  }
}
