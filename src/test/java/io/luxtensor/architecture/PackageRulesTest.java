package io.luxtensor.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the house plan (DESIGN.md §2): the pure core never reaches the shell, threads, the clock or ambient
 * randomness, and each core package imports only the packages below it. A new core package must be added to
 * {@link #CORE_IMPORTS} before it compiles past this test, which forces the decision of where it sits.
 */
class PackageRulesTest {
  private static final Path SOURCES = Path.of("src/main/java/io/luxtensor");

  /** Each core package and the LuxTensor packages it may import. */
  private static final Map<String, Set<String>> CORE_IMPORTS = Map.ofEntries(
      Map.entry("bytes", Set.of()),
      Map.entry("rlp", Set.of("bytes")),
      Map.entry("crypto", Set.of("bytes")),
      Map.entry("types", Set.of("bytes", "rlp", "crypto")),
      Map.entry("trie", Set.of("bytes", "rlp", "crypto")),
      Map.entry("state", Set.of("bytes", "rlp", "crypto", "types", "trie")),
      Map.entry("execution", Set.of("bytes", "rlp", "crypto", "types", "trie", "state", "ai")),
      Map.entry("consensus", Set.of("bytes", "rlp", "crypto", "types")),
      Map.entry("ai", Set.of("bytes", "rlp", "crypto", "types")),
      Map.entry("txpool", Set.of("bytes", "rlp", "crypto", "types", "execution")),
      Map.entry("chain", Set.of("bytes", "rlp", "crypto", "types", "trie", "state", "execution", "consensus")),
      Map.entry("sync", Set.of("bytes", "rlp", "crypto", "types", "trie", "state")));

  private static final Set<String> SHELL = Set.of("storage", "p2p", "api", "node", "cli");

  /** What the core must not touch: Vert.x, threads and executors, the wall clock, ambient randomness. */
  private static final List<Pattern> CORE_FORBIDDEN = List.of(
      Pattern.compile("\\bio\\.vertx\\b"),
      Pattern.compile("\\bnew\\s+Thread\\b|\\bThread\\.(sleep|ofVirtual|ofPlatform|startVirtualThread)\\b"),
      Pattern.compile("\\bjava\\.util\\.concurrent\\.(Executor|Executors|ExecutorService|ForkJoinPool)\\b"),
      Pattern.compile("\\bSystem\\.(currentTimeMillis|nanoTime)\\b"),
      Pattern.compile("\\b(Instant|LocalDateTime|LocalDate|ZonedDateTime|OffsetDateTime)\\.now\\b"),
      Pattern.compile("\\bClock\\.system"),
      Pattern.compile("\\bMath\\.random\\b"),
      Pattern.compile("\\bnew\\s+(Secure)?Random\\s*\\("));

  /** Where state is decided: consensus (finality, rewards, slashing) and the AI network (Yuma, emissions). */
  private static final List<String> DETERMINISTIC = List.of("consensus", "ai");
  private static final Pattern FLOATING_POINT =
      Pattern.compile("\\b(double|float|Double|Float|BigDecimal|StrictMath)\\b|\\bMath\\.(exp|log|pow|sqrt)\\b");

  private static final Pattern PROJECT_IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?io\\.luxtensor\\.(\\w+)");

  @Test
  void everyPackageIsEitherCoreOrShellAndDocumented() throws IOException {
    for (String pkg : packages()) {
      assertTrue(CORE_IMPORTS.containsKey(pkg) || SHELL.contains(pkg),
          "package io.luxtensor." + pkg + " is in neither the core nor the shell table of this test");
      assertTrue(Files.exists(SOURCES.resolve(pkg).resolve("package-info.java")),
          "io.luxtensor." + pkg + " has no package-info.java stating its purpose");
    }
  }

  @Test
  void corePackagesImportOnlyWhatTheyMay() throws IOException {
    List<String> violations = new ArrayList<>();
    for (String pkg : packages()) {
      Set<String> allowed = CORE_IMPORTS.get(pkg);
      if (allowed == null) {
        continue;
      }
      for (Path file : javaFiles(SOURCES.resolve(pkg))) {
        String source = Files.readString(file);
        for (String line : source.lines().toList()) {
          Matcher m = PROJECT_IMPORT.matcher(line);
          if (m.find() && !m.group(1).equals(pkg) && !allowed.contains(m.group(1))) {
            violations.add(SOURCES.relativize(file) + " imports io.luxtensor." + m.group(1));
          }
        }
        for (Pattern forbidden : CORE_FORBIDDEN) {
          Matcher m = forbidden.matcher(withoutComments(source));
          if (m.find()) {
            violations.add(SOURCES.relativize(file) + " uses " + m.group());
          }
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  /**
   * Packages whose numbers decide state (finality, rewards, Yuma) use no floating point: rounding could differ between
   * nodes' builds, and a value that differs in its last bit is a fork.
   */
  @Test
  void packagesThatDecideStateUseNoFloatingPoint() throws IOException {
    List<String> violations = new ArrayList<>();
    for (String pkg : DETERMINISTIC) {
      for (Path file : javaFiles(SOURCES.resolve(pkg))) {
        Matcher m = FLOATING_POINT.matcher(withoutStrings(withoutComments(Files.readString(file))));
        if (m.find()) {
          violations.add(SOURCES.relativize(file) + " uses " + m.group());
        }
      }
    }
    assertEquals(List.of(), violations);
    assertTrue(FLOATING_POINT.matcher("long x = (long) Math.exp(y);").find());
    assertTrue(FLOATING_POINT.matcher("double share = 0.5;").find());
  }

  @Test
  void theRulesCatchAViolation() {
    String offending = "class X { long t = System.currentTimeMillis(); }";
    assertTrue(CORE_FORBIDDEN.stream().anyMatch(p -> p.matcher(offending).find()));
    assertTrue(PROJECT_IMPORT.matcher("import io.luxtensor.api.Foo;").find());
  }

  private static String withoutStrings(String source) {
    return source.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
  }

  private static String withoutComments(String source) {
    return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
  }

  private static Set<String> packages() throws IOException {
    try (Stream<Path> dirs = Files.list(SOURCES)) {
      Set<String> out = new TreeSet<>();
      dirs.filter(Files::isDirectory).forEach(d -> out.add(d.getFileName().toString()));
      return out;
    }
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    }
  }
}
