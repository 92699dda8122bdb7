package io.luxtensor.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.cli.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/architecture.md stays true to the code: its packages, commands and threads are the real ones. */
class ArchitectureDocTest {
  private static final String DOC = Docs.read("docs/architecture.md");
  private static final Path SOURCES = Path.of("src/main/java");
  private static final String JSON_RPC = "io.luxtensor.api.jsonrpc";

  @Test
  void everyPackageIsOnTheMap() {
    for (String pkg : packages()) {
      String parent = pkg.substring(0, pkg.lastIndexOf('.'));
      String named = parent.equals(JSON_RPC) ? pkg.substring(parent.length() + 1) : pkg;
      assertTrue(DOC.contains("`" + named + "`"), "docs/architecture.md does not place package " + pkg);
    }
  }

  @Test
  void everyPackageTheMapNamesExists() {
    List<String> packages = packages();
    Matcher named = Pattern.compile("`(io\\.luxtensor[a-z.]*)`").matcher(DOC);
    int count = 0;
    while (named.find()) {
      count++;
      assertTrue(packages.contains(named.group(1)), "docs/architecture.md names a package that is gone: " + named.group(1));
    }
    assertTrue(count >= packages.size() / 2, "the package table is missing");
  }

  @Test
  void theCommandLineOfTheMapIsTheCommandsOne() {
    String cliLine = DOC.lines().filter(line -> line.contains("│ cli: luxtensor ")).findFirst().orElseThrow();
    Main.commandLine().getSubcommands().forEach((command, sub) -> {
      if (!sub.getCommandSpec().usageMessage().hidden()) {
        assertTrue(cliLine.contains(" " + command + " "), "the map's cli line lacks `luxtensor " + command + "`");
      }
    });
  }

  @Test
  void theThreadsNamedAreTheNodesThreads() throws IOException {
    String sources = Docs.mainSources();
    Matcher thread = Pattern.compile("`(luxtensor-[a-z]+)`").matcher(DOC);
    int count = 0;
    while (thread.find()) {
      count++;
      assertTrue(sources.contains("\"" + thread.group(1) + "\""), "no thread is named " + thread.group(1));
    }
    assertFalse(count == 0, "docs/architecture.md names no threads");
  }

  private static List<String> packages() {
    try (Stream<Path> files = Files.walk(SOURCES.resolve("io/luxtensor"))) {
      return files
          .filter(file -> file.toString().endsWith(".java"))
          .map(file -> SOURCES.relativize(file.getParent()).toString().replace('/', '.'))
          .distinct()
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
