package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validator.blockFillMillisMax} must leave the other validators time to import a block before they vote. */
class StartBlockFillTest {
  private static final Path REPOSITORY = Path.of("").toAbsolutePath();

  @TempDir
  Path datadir;

  @Test
  void aBoundReachingTheVoteIsRefusedNamingTheKeyAndTheLargestThatFits() throws Exception {
    Path config = Files.writeString(datadir.resolve("config.json"), "{\"datadir\": \"" + datadir + "\", "
        + "\"genesis\": \"" + REPOSITORY.resolve("config/genesis-dev.json") + "\", "
        + "\"validator\": {\"blockFillMillisMax\": 333}, \"p2p\": {\"enabled\": false}}");
    CommandRun start = CommandRun.of("start", "--config", config.toString());
    assertEquals(ExitCodes.FAILED, start.exitCode(), start.printed());
    assertTrue(start.err().contains("validator.blockFillMillisMax: 333 ms is not between 1 and a third of the 1000 ms"
        + " slot, when validators vote on the block: at most 332"), start.err());
  }
}
