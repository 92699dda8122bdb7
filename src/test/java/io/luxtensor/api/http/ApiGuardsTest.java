package io.luxtensor.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.api.health.HealthEndpoint;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the guards' settings relate to each other and to the endpoints. */
class ApiGuardsTest {

  @Test
  void thePathsLeftOpenAreExactlyTheHealthChecks() {
    assertEquals(Set.of(HealthEndpoint.LIVENESS_PATH, HealthEndpoint.READINESS_PATH), ApiGuards.OPEN_PATHS);
  }

  @Test
  void limitsAreCheckedWhenConfigured() {
    assertThrows(IllegalArgumentException.class, () -> new ApiSafety(0, 1, List.of(), 0, 0, Optional.empty()));
    assertThrows(IllegalArgumentException.class, () -> new ApiSafety(1, 0, List.of(), 0, 0, Optional.empty()));
    assertThrows(IllegalArgumentException.class, () -> new ApiSafety(1, 1, List.of(), 10, 0, Optional.empty()),
        "a rate needs a burst of at least one request");
    assertThrows(IllegalArgumentException.class, () -> new ApiSafety(1, 1, List.of(), -1, 1, Optional.empty()));
  }

  @Test
  void defaultLimitsRelateToEachOther() {
    ApiServerConfig defaults = ApiServerConfig.defaults();
    assertTrue(defaults.safety().responseBytesMax() > defaults.bodyBytesMax(),
        "a response may be larger than its request (a block with full transactions)");
    assertTrue(defaults.safety().connectionsMax() > defaults.workerThreads(),
        "more connections than workers: idle keep-alive connections do not hold a worker");
    assertEquals(List.of(), defaults.safety().corsOrigins(), "CORS off by default");
    assertFalse(defaults.safety().rateLimited());
    assertEquals(Optional.empty(), defaults.safety().jwtSecretFile());
  }
}
