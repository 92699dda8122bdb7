package io.luxtensor.api.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.testing.TestNodes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The Host header check against DNS rebinding, on a real node over raw sockets (Java's HTTP client will not send
 * another Host than the URL's): the default allowlist takes the loopback names with or without a port.
 */
class HostAllowlistTest {
  private static final String CHAIN_ID = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}";

  @Test
  void loopbackNamesAreServedAndAnyOtherHostIsRefused() throws IOException {
    try (LuxtensorNode node = TestNodes.devNode()) {
      int port = node.rpcPort();
      for (String allowed : new String[] {"localhost", "LOCALHOST:" + port, "127.0.0.1:" + port, "[::1]:" + port}) {
        String answer = post(port, "Host: " + allowed + "\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200"), allowed + ": " + answer);
        assertTrue(answer.endsWith("\"result\":\"0x7a69\"}"), allowed + ": " + answer);
      }
      String rebound = post(port, "Host: evil.example:" + port + "\r\n");
      assertTrue(rebound.startsWith("HTTP/1.1 403"), rebound);
      assertTrue(rebound.endsWith("host not allowed: evil.example:" + port + " (see api.hostAllowlist)\n"), rebound);
      String lookalike = post(port, "Host: localhost.evil.example\r\n");
      assertTrue(lookalike.startsWith("HTTP/1.1 403"), lookalike);
    }
  }

  /** POSTs eth_chainId over HTTP/1.1 with {@code hostLine} and returns the whole answer. */
  private static String post(int port, String hostLine) throws IOException {
    byte[] body = CHAIN_ID.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST / HTTP/1.1\r\n" + hostLine + "Content-Type: application/json\r\nContent-Length: " + body.length
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
