package io.luxtensor.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for tests that need to hold, half-use or kill connections: a JDK HttpClient hides
 * its connections.
 */
public final class RawHttp implements AutoCloseable {
  /** Far beyond any answer on loopback: a read that waits this long has found a hang. */
  private static final int READ_TIMEOUT_MS = 30_000;

  private final Socket socket;
  private final int port;

  private RawHttp(Socket socket, int port) {
    this.socket = socket;
    this.port = port;
  }

  public static RawHttp connect(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MS);
    socket.setSoTimeout(READ_TIMEOUT_MS);
    return new RawHttp(socket, port);
  }

  /** An answer read off the socket. */
  public record Response(int status, Map<String, String> headers, String body) {}

  /** Sends a complete JSON POST to / (keep-alive). */
  public void postJson(String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    write("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\nContent-Length: "
        + bytes.length + "\r\n\r\n" + body);
  }

  /** Sends a GET with {@code Connection: close}. */
  public void get(String path) throws IOException {
    write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
  }

  /** Sends the headers of a POST whose body never follows: the server waits for it. */
  public void postHeadersOnly(int promisedBodyBytes) throws IOException {
    write("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\nContent-Length: "
        + promisedBodyBytes + "\r\n\r\n{");
  }

  /** Reads one response with a Content-Length body. */
  public Response read() throws IOException {
    InputStream in = socket.getInputStream();
    String statusLine = line(in);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
  }

  /** Whether the server closed the connection: the next read finds the end of the stream. */
  public boolean closedByServer() throws IOException {
    return socket.getInputStream().read() == -1;
  }

  /** Closes abnormally: SO_LINGER 0 makes the close a TCP reset, as a killed client's would be. */
  public void kill() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private void write(String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1) {
        throw new IOException("connection closed in the middle of a response");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.UTF_8);
  }
}
