package io.luxtensor.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP link between two nodes that a test can break: every connection to its port is forwarded to the target port,
 * unless the link is cut (connections dropped, new ones closed at once). Bytes can be delayed, with jitter, and held
 * back as TCP holds a segment it must retransmit ({@code lossPercent} of reads wait a retransmission timeout), in
 * order, as a TCP stream always is.
 */
final class LinkProxy implements AutoCloseable {
  private static final int BUFFER_BYTES = 64 * 1024;
  /** Linux's minimum retransmission timeout: what a lost segment costs a TCP stream. */
  private static final long RETRANSMISSION_MILLIS = 200;

  private final ServerSocket server;
  private final int targetPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final Random random;
  private volatile boolean cut;
  private volatile long delayMillis;
  private volatile long jitterMillis;
  private volatile int lossPercent;
  private volatile boolean closed;

  LinkProxy(int targetPort, long seed) {
    this.targetPort = targetPort;
    this.random = new Random(seed);
    try {
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofVirtual().name("proxy-" + server.getLocalPort()).start(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  /** Drops every connection and refuses new ones until {@link #heal}. */
  void cut() {
    cut = true;
    open.forEach(LinkProxy::closeQuietly);
    open.clear();
  }

  void heal() {
    cut = false;
  }

  /** Delays every read by {@code delayMillis} ± {@code jitterMillis}, and {@code lossPercent} of them by more. */
  void degrade(long delayMillis, long jitterMillis, int lossPercent) {
    this.delayMillis = delayMillis;
    this.jitterMillis = jitterMillis;
    this.lossPercent = lossPercent;
  }

  private void accept() {
    while (!closed) {
      Socket downstream;
      try {
        downstream = server.accept();
      } catch (IOException e) {
        return;
      }
      if (cut) {
        closeQuietly(downstream);
        continue;
      }
      try {
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(downstream);
        open.add(upstream);
        Thread.ofVirtual().start(() -> pump(downstream, upstream));
        Thread.ofVirtual().start(() -> pump(upstream, downstream));
      } catch (IOException e) {
        closeQuietly(downstream);
      }
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[BUFFER_BYTES];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int read; (read = in.read(buffer)) >= 0; ) {
        long wait = waitMillis();
        if (wait > 0) {
          Thread.sleep(wait);
        }
        if (cut) {
          break;
        }
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // The link was cut or a side closed: both sides see the connection end, as with a dead network path.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private long waitMillis() {
    long jitter = jitterMillis;
    long wait = delayMillis;
    synchronized (random) {
      if (jitter > 0) {
        wait += random.nextLong(-jitter, jitter + 1);
      }
      if (lossPercent > 0 && random.nextInt(100) < lossPercent) {
        wait += RETRANSMISSION_MILLIS;
      }
    }
    return Math.max(0, wait);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing a socket that failed: nothing left to release.
    }
  }

  @Override
  public void close() {
    closed = true;
    cut();
    try {
      server.close();
    } catch (IOException e) {
      // The listener is gone either way.
    }
  }
}
