package io.luxtensor.reliability;

import io.luxtensor.cli.Main;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * How the harness starts a node process: this JVM, the node's classes and libraries, and, on a JDK >= 25, the
 * ahead-of-time cache {@code ./luxtensor} and the image start nodes with, recorded here once per test run by the
 * same {@code aot-training} command (a JVM reads such a cache only from jars, so the compiled classes are put in
 * one first). The scenarios then time the restarts operators get, not a JVM that loads every class from scratch.
 */
final class NodeLaunch {
  static final int AOT_JDK_MIN = 25;
  private static final Path HOME = Path.of("target", "reliability-aot").toAbsolutePath();
  private static final String HEAP = "-Xmx384m";
  private static final String NODE_LOGGING_PROPERTY = "luxtensor.reliability.nodeLogging";
  /**
   * The test class path holds SLF4J's API without a provider, where Vert.x would send its logs (a blocked event
   * loop among them) to nowhere; the node's own jar has no SLF4J, so there Vert.x logs through java.util.logging.
   */
  private static final String VERTX_LOGS_TO_JUL =
      "-Dvertx.logger-delegate-factory-class-name=io.vertx.core.logging.JULLogDelegateFactory";
  private static final long TRAINING_MINUTES_MAX = 5;
  private static NodeLaunch instance;

  private final List<String> jvm;

  private NodeLaunch(List<String> jvm) {
    this.jvm = List.copyOf(jvm);
  }

  /** The launch of this test run, the cache recorded on first use. */
  static synchronized NodeLaunch get() {
    if (instance == null) {
      instance = Runtime.version().feature() >= AOT_JDK_MIN ? withAotCache() : plain();
    }
    return instance;
  }

  /** The command that runs {@code luxtensor} with {@code arguments}. */
  List<String> command(String... arguments) {
    List<String> command = new ArrayList<>(jvm);
    // A java.util.logging configuration for the nodes, to debug a scenario (e.g. ForkChoiceStore at FINE).
    Optional.ofNullable(System.getProperty(NODE_LOGGING_PROPERTY))
        .ifPresent(file -> command.add("-Djava.util.logging.config.file=" + Path.of(file).toAbsolutePath()));
    command.add(Main.class.getName());
    command.addAll(Arrays.asList(arguments));
    return command;
  }

  private static NodeLaunch plain() {
    return new NodeLaunch(List.of(java(), HEAP, VERTX_LOGS_TO_JUL, "-cp", System.getProperty("java.class.path")));
  }

  private static NodeLaunch withAotCache() {
    try {
      Files.createDirectories(HOME);
      Path classes = HOME.resolve("luxtensor-classes.jar");
      jar(Path.of("target", "classes"), classes);
      List<String> classPath = new ArrayList<>(List.of(classes.toString()));
      Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
          .filter(entry -> entry.endsWith(".jar")).forEach(classPath::add);
      String joined = String.join(File.pathSeparator, classPath);
      Path cache = HOME.resolve("node.aot");
      Files.deleteIfExists(cache);
      Path log = HOME.resolve("aot-training.log");
      List<String> training = List.of(java(), HEAP, VERTX_LOGS_TO_JUL, "-XX:AOTCacheOutput=" + cache, "-cp", joined,
          Main.class.getName(), "aot-training");
      long start = System.nanoTime();
      Process process = new ProcessBuilder(training).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!process.waitFor(TRAINING_MINUTES_MAX, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("aot-training ran over " + TRAINING_MINUTES_MAX + " minutes: see " + log);
      }
      if (process.exitValue() != 0 || !Files.exists(cache)) {
        throw new IllegalStateException("aot-training exited with " + process.exitValue() + ": see " + log);
      }
      System.out.printf("reliability: AOT cache recorded in %.1f s (%d MB)%n", (System.nanoTime() - start) / 1e9,
          Files.size(cache) >> 20);
      return new NodeLaunch(List.of(java(), HEAP, VERTX_LOGS_TO_JUL, "-XX:AOTCache=" + cache, "-cp", joined));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the AOT cache in " + HOME, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while recording the AOT cache", e);
    }
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElseThrow();
  }

  /** The files under {@code directory} as a jar, in a fixed order. */
  private static void jar(Path directory, Path jar) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out);
        Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        JarEntry entry = new JarEntry(directory.relativize(file).toString().replace(File.separatorChar, '/'));
        entry.setLastModifiedTime(FileTime.fromMillis(0));
        entries.putNextEntry(entry);
        Files.copy(file, entries);
        entries.closeEntry();
      }
    }
  }
}
