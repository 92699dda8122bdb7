package io.luxtensor.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.testing.ApiCalls;
import io.luxtensor.testing.PrometheusText;
import io.luxtensor.testing.TestNodes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CORS on a real node: preflights and requests from allowed and other origins, and the default (off). */
class CrossOriginPolicyTest {
  private static final String DAPP = "http://localhost:3000";

  @Test
  void anAllowedOriginGetsItsPreflightAndHeadersAndAnyOtherIsRefused() {
    ApiSafety cors = ApiSafety.defaults().withCorsOrigins(List.of(DAPP, "https://app.example"));
    try (LuxtensorNode node = TestNodes.devNode(cors, System::currentTimeMillis)) {
      ApiCalls api = new ApiCalls(node.rpcPort());
      ApiCalls.Reply preflight = api.options("/", "Origin", DAPP, "Access-Control-Request-Method", "POST",
          "Access-Control-Request-Headers", "content-type,authorization");
      assertEquals(204, preflight.status());
      assertEquals(DAPP, preflight.header("Access-Control-Allow-Origin"));
      assertTrue(preflight.header("Access-Control-Allow-Methods").contains("POST"));
      assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));
      assertEquals("600", preflight.header("Access-Control-Max-Age"));

      ApiCalls.Reply call = api.rpc("eth_chainId", "[]", "Origin", "HTTPS://APP.EXAMPLE");
      assertEquals(200, call.status());
      assertEquals("HTTPS://APP.EXAMPLE", call.header("Access-Control-Allow-Origin"), "origins compare ignoring case");
      assertEquals("0x7a69", call.json().get("result").asText());

      ApiCalls.Reply otherPreflight = api.options("/", "Origin", "https://evil.example",
          "Access-Control-Request-Method", "POST");
      assertEquals(403, otherPreflight.status());
      assertNull(otherPreflight.header("Access-Control-Allow-Origin"));
      assertEquals(-32000, otherPreflight.json().get("error").get("code").asInt());
      assertEquals("origin https://evil.example is not allowed (api.corsOrigins, --rpc-cors-origins)",
          otherPreflight.json().get("error").get("message").asText());

      ApiCalls.Reply otherCall = api.rpc("eth_chainId", "[]", "Origin", "https://evil.example");
      assertEquals(403, otherCall.status(), "a simple request from another origin never reaches a method");

      ApiCalls.Reply noOrigin = api.rpc("eth_chainId", "[]");
      assertEquals(200, noOrigin.status(), "scripts and servers send no Origin");
      assertNull(noOrigin.header("Access-Control-Allow-Origin"));

      PrometheusText scrape = PrometheusText.parse(api.get("/metrics").body());
      assertEquals(2, scrape.require("luxtensor_api_refused_total{reason=\"origin\"}"));
    }
  }

  @Test
  void corsIsOffByDefault() {
    try (LuxtensorNode node = TestNodes.devNode()) {
      ApiCalls api = new ApiCalls(node.rpcPort());
      ApiCalls.Reply preflight = api.options("/", "Origin", DAPP, "Access-Control-Request-Method", "POST");
      assertEquals(403, preflight.status());
      assertNull(preflight.header("Access-Control-Allow-Origin"));
      assertTrue(preflight.json().get("error").get("message").asText().contains("CORS is off"));
      assertEquals(200, api.rpc("eth_chainId", "[]").status());
    }
  }

  @Test
  void aWildcardAllowsEveryOrigin() {
    ApiSafety any = ApiSafety.defaults().withCorsOrigins(List.of("*"));
    try (LuxtensorNode node = TestNodes.devNode(any, System::currentTimeMillis)) {
      ApiCalls.Reply call = new ApiCalls(node.rpcPort()).rpc("eth_chainId", "[]", "Origin", "https://any.example");
      assertEquals(200, call.status());
      assertEquals("*", call.header("Access-Control-Allow-Origin"));
    }
  }
}
