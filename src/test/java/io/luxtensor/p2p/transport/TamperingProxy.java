package io.luxtensor.p2p.transport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.List;
import java.util.Optional;

/**
 * A man in the middle on loopback: relays TCP to a target, passing each frame from the dialer through a
 * {@link Rewrite} (frame 0 is the hello, 1 the auth, 2 onwards the messages); the other direction goes untouched.
 */
final class TamperingProxy {
  /** The whole frames (length included) to forward in place of the {@code index}-th frame from the dialer. */
  @FunctionalInterface
  interface Rewrite {
    List<byte[]> frames(int index, byte[] frame);
  }

  private final NetServer server;
  private final NetClient client;

  private TamperingProxy(NetServer server, NetClient client) {
    this.server = server;
    this.client = client;
  }

  static TamperingProxy start(Vertx vertx, int targetPort, Rewrite rewrite) throws Exception {
    NetClient client = vertx.createNetClient();
    NetServer server = vertx.createNetServer().connectHandler(dialer -> relay(dialer, client, targetPort, rewrite));
    return new TamperingProxy(LoopbackNode.await(server.listen(0, "127.0.0.1")), client);
  }

  int port() {
    return server.actualPort();
  }

  void close() throws Exception {
    LoopbackNode.await(Future.all(server.close(), client.close()));
  }

  private static void relay(NetSocket dialer, NetClient client, int targetPort, Rewrite rewrite) {
    dialer.pause();
    client.connect(targetPort, "127.0.0.1").onSuccess(target -> {
      FrameDecoder frames = new FrameDecoder();
      int[] index = {0};
      target.handler(dialer::write);
      target.closeHandler(v -> dialer.close());
      dialer.closeHandler(v -> target.close());
      dialer.handler(data -> {
        frames.feed(data.getBytes());
        try {
          for (Optional<byte[]> body = frames.next(Integer.MAX_VALUE); body.isPresent();
              body = frames.next(Integer.MAX_VALUE)) {
            for (byte[] out : rewrite.frames(index[0]++, FrameDecoder.encode(body.get()))) {
              target.write(Buffer.buffer(out));
            }
          }
        } catch (TransportException impossible) {
          throw new AssertionError("no length exceeds Integer.MAX_VALUE", impossible);
        }
      });
      dialer.resume();
    }).onFailure(e -> dialer.close());
  }
}
