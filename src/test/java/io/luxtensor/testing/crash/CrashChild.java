package io.luxtensor.testing.crash;

import io.luxtensor.storage.StorageConfig;
import io.luxtensor.storage.StorageEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The child JVM of a crash test: {@code CrashChild WORKLOAD_CLASS ENGINE DIRECTORY} runs the workload, printing
 * {@code ACK n} on standard output after unit n commits. It halts when its standard input closes, so a child never
 * outlives a parent that died before killing it.
 */
public final class CrashChild {
  static final String ACK = "ACK ";

  /** Exit status when the parent went away; a killed child exits with 128 + 9 instead. */
  static final int EXIT_PARENT_GONE = 3;

  private CrashChild() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    CrashWorkload workload = (CrashWorkload) Class.forName(args[0]).getDeclaredConstructor().newInstance();
    StorageConfig config = StorageConfig.persistent(StorageEngine.fromConfigName(args[1]), Path.of(args[2]));
    Thread.ofPlatform().daemon().name("parent-watch").start(() -> haltWhenClosed(System.in));
    PrintStream out = System.out;
    workload.run(config, unit -> {
      out.println(ACK + unit);
      out.flush();
    });
  }

  private static void haltWhenClosed(InputStream parent) {
    try {
      while (parent.read() != -1) {
        // The parent sends nothing; end of stream means it is gone.
      }
    } catch (IOException e) {
      e.printStackTrace();
    }
    Runtime.getRuntime().halt(EXIT_PARENT_GONE);
  }
}
