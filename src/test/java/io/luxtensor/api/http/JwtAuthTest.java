package io.luxtensor.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.node.ConfigException;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.testing.ApiCalls;
import io.luxtensor.testing.JwtTokens;
import io.luxtensor.testing.PrometheusText;
import io.luxtensor.testing.TestNodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer-token authentication on a real node with a secret file and a clock the test sets. */
class JwtAuthTest {
  private static final String SECRET_HEX = "a1b2c3d4e5f60718293a4b5c6d7e8f90".repeat(2);
  private static final byte[] SECRET = Hex.decode(SECRET_HEX);

  @Test
  void onlyRequestsWithAFreshTokenSignedWithTheSecretGetThrough(@TempDir Path dir) throws IOException {
    Path secretFile = Files.writeString(dir.resolve("jwt.hex"), SECRET_HEX + "\n");
    AtomicLong clock = new AtomicLong(System.currentTimeMillis());
    long now = clock.get() / 1000;
    try (LuxtensorNode node = TestNodes.devNode(withJwt(secretFile), clock::get)) {
      ApiCalls api = new ApiCalls(node.rpcPort());

      ApiCalls.Reply valid = api.rpc("eth_chainId", "[]", "Authorization", "Bearer " + JwtTokens.issuedAt(SECRET, now));
      assertEquals(200, valid.status());
      assertEquals("0x7a69", valid.json().get("result").asText());

      assertUnauthorized(api.rpc("eth_chainId", "[]"), "unauthorized: missing bearer token");
      assertUnauthorized(api.rpc("eth_chainId", "[]", "Authorization", "Basic dXNlcjpwYXNz"),
          "unauthorized: missing bearer token");
      byte[] otherSecret = Hex.decode("00".repeat(32));
      assertUnauthorized(api.rpc("eth_chainId", "[]", "Authorization",
          "Bearer " + JwtTokens.issuedAt(otherSecret, now)), "unauthorized: invalid signature");
      assertUnauthorized(api.rpc("eth_chainId", "[]", "Authorization",
          "Bearer " + JwtTokens.issuedAt(SECRET, now - 61)), "unauthorized: stale token");
      assertUnauthorized(api.get("/metrics"), "unauthorized: missing bearer token");

      clock.addAndGet(120_000);
      assertUnauthorized(api.rpc("eth_chainId", "[]", "Authorization", "Bearer " + JwtTokens.issuedAt(SECRET, now)),
          "unauthorized: stale token");

      assertEquals(200, api.get("/liveness").status(), "probes carry no token");
      assertEquals(200, api.get("/readiness").status());

      ApiCalls.Reply metrics = api.get("/metrics", "authorization",
          "bearer " + JwtTokens.issuedAt(SECRET, clock.get() / 1000));
      assertEquals(200, metrics.status(), "the scheme is case-insensitive");
      PrometheusText scrape = PrometheusText.parse(metrics.body());
      assertEquals(6, scrape.require("luxtensor_api_refused_total{reason=\"unauthorized\"}"));
      assertEquals(6, scrape.require("luxtensor_rpc_errors_total{code=\"-40100\"}"));
    }
  }

  @Test
  void aBadSecretFileStopsTheNodeFromStarting(@TempDir Path dir) throws IOException {
    Path tooShort = Files.writeString(dir.resolve("jwt.hex"), "abcdef");
    ConfigException e = assertThrows(ConfigException.class,
        () -> TestNodes.devNode(withJwt(tooShort), System::currentTimeMillis).close());
    assertTrue(e.getMessage().startsWith("api.jwtSecretFile: the JWT secret must be 32 bytes"), e.getMessage());
  }

  private static ApiSafety withJwt(Path secretFile) {
    return new ApiSafety(ApiSafety.RESPONSE_BYTES_MAX, ApiSafety.CONNECTIONS_MAX, List.of(), 0, 0,
        Optional.of(secretFile));
  }

  private static void assertUnauthorized(ApiCalls.Reply reply, String messageStart) {
    assertEquals(401, reply.status(), reply.body());
    assertEquals("Bearer", reply.header("WWW-Authenticate"));
    JsonNode body = reply.json();
    assertEquals("2.0", body.get("jsonrpc").asText());
    assertTrue(body.get("id").isNull());
    assertEquals(-40100, body.get("error").get("code").asInt());
    assertTrue(body.get("error").get("message").asText().startsWith(messageStart), body.toString());
  }
}
