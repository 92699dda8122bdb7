package io.luxtensor.cli;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A node's process as Linux's /proc shows it: found by the TCP port it listens on (the socket's inode in
 * /proc/net/tcp and tcp6, then the process holding that socket among /proc/PID/fd), its memory and CPU time read
 * from /proc/PID/status and /proc/PID/stat. Only this user's processes can be found: others' descriptors are
 * private. Without /proc (not Linux) nothing is found.
 */
final class NodeProcess {
  /** The kernel's USER_HZ, the unit of CPU times in /proc/PID/stat: 100 on every Linux architecture. */
  static final long CLOCK_TICKS_PER_SECOND = 100;
  private static final Path PROC = Path.of("/proc");
  /** TCP_LISTEN in the kernel's socket states, as /proc/net/tcp prints it. */
  private static final String LISTEN = "0A";
  /** /proc/PID/stat's utime and stime, counted from the first field after the command's closing parenthesis. */
  private static final int USER_TIME_FIELD = 11;
  private static final int SYSTEM_TIME_FIELD = 12;

  /**
   * A process at one moment.
   *
   * @param rssBytes resident memory now (VmRSS)
   * @param rssPeakBytes the most resident memory since the process started (VmHWM)
   * @param cpuNanos user and system CPU time since the process started, all threads
   */
  record Sample(long rssBytes, long rssPeakBytes, long cpuNanos) {}

  private NodeProcess() {}

  /** The process of this user listening on TCP {@code port}, on any address. */
  static Optional<Long> listeningOn(int port) {
    Set<String> inodes = new HashSet<>();
    for (String table : List.of("net/tcp", "net/tcp6")) {
      for (String line : lines(PROC.resolve(table)).stream().skip(1).toList()) {
        String[] fields = line.strip().split("\\s+");
        if (fields.length > 9 && fields[3].equals(LISTEN)
            && Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1), 16) == port) {
          inodes.add("socket:[" + fields[9] + "]");
        }
      }
    }
    if (inodes.isEmpty()) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path process : processes) {
        if (holdsAny(process.resolve("fd"), inodes)) {
          return Optional.of(Long.parseLong(process.getFileName().toString()));
        }
      }
    } catch (IOException | DirectoryIteratorException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Process {@code pid} now; empty if it is gone or not readable. */
  static Optional<Sample> sample(long pid) {
    Path process = PROC.resolve(Long.toString(pid));
    List<String> status = lines(process.resolve("status"));
    List<String> stat = lines(process.resolve("stat"));
    if (status.isEmpty() || stat.isEmpty()) {
      return Optional.empty();
    }
    String afterCommand = stat.get(0).substring(stat.get(0).lastIndexOf(')') + 2);
    String[] fields = afterCommand.split(" ");
    long ticks = Long.parseLong(fields[USER_TIME_FIELD]) + Long.parseLong(fields[SYSTEM_TIME_FIELD]);
    return Optional.of(new Sample(kibibytes(status, "VmRSS:") * 1024, kibibytes(status, "VmHWM:") * 1024,
        TimeUnit.SECONDS.toNanos(ticks) / CLOCK_TICKS_PER_SECOND));
  }

  private static boolean holdsAny(Path descriptors, Set<String> sockets) {
    try (DirectoryStream<Path> links = Files.newDirectoryStream(descriptors)) {
      for (Path link : links) {
        if (sockets.contains(target(link))) {
          return true;
        }
      }
    } catch (IOException | DirectoryIteratorException | SecurityException e) {
      // Another user's process, or one that ended while we looked: not a node we can measure.
      return false;
    }
    return false;
  }

  /** What a descriptor refers to; empty if it was closed meanwhile. */
  private static String target(Path descriptor) {
    try {
      return Files.readSymbolicLink(descriptor).toString();
    } catch (IOException e) {
      return "";
    }
  }

  private static long kibibytes(List<String> status, String key) {
    return status.stream().filter(line -> line.startsWith(key))
        .mapToLong(line -> Long.parseLong(line.substring(key.length()).strip().split("\\s+")[0]))
        .findFirst().orElse(0);
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      return List.of();
    }
  }
}
