package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** bench startup launches real dev nodes (this class path, a free port) and times them to their first answer. */
class BenchStartupCommandTest {

  @Test
  void aLaunchedDevNodeIsTimedToItsFirstAnswer() throws Exception {
    CommandRun run = CommandRun.of("bench", "startup", "--runs", "1", "--json");
    assertEquals(ExitCodes.OK, run.exitCode(), run.printed());
    JsonNode result = new ObjectMapper().readTree(run.out());
    assertEquals(1, result.path("runs").intValue());
    long millis = result.path("withoutAotCacheMillis").path(0).longValue();
    assertTrue(millis > 0 && millis < 60_000, run.printed());
    assertTrue(run.err().contains("without AOT cache median " + millis + " ms"), run.printed());
  }

  @Test
  void badOptionsAreRefusedBeforeAnythingIsLaunched() {
    CommandRun noRuns = CommandRun.of("bench", "startup", "--runs", "0");
    assertEquals(ExitCodes.USAGE, noRuns.exitCode(), noRuns.printed());
    assertTrue(noRuns.err().contains("--runs must be in [1, 100]"), noRuns.printed());
    CommandRun noCache = CommandRun.of("bench", "startup", "--aot-cache", "/nonexistent/luxtensor.aot");
    assertEquals(ExitCodes.USAGE, noCache.exitCode(), noCache.printed());
    assertTrue(noCache.err().contains("cannot read /nonexistent/luxtensor.aot"), noCache.printed());
  }
}
