package io.luxtensor.docs;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A documented example run as its own process, with a deadline, its output (stdout and stderr) captured. */
record ExampleProcess(List<String> command, int exitCode, String output) {

  /** Runs {@code command} in {@code directory} with {@code env} added; fails if it is not done by {@code deadline}. */
  static ExampleProcess run(Path directory, Map<String, String> env, Duration deadline, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(env);
    Process process = builder.start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread reader = Thread.ofVirtual().start(() -> copy(process.getInputStream(), output));
    if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      reader.join(Duration.ofSeconds(5));
      throw new AssertionError(String.join(" ", command) + " did not finish within " + deadline + "; it printed:\n"
          + text(output));
    }
    reader.join(Duration.ofSeconds(10));
    return new ExampleProcess(List.of(command), process.exitValue(), text(output));
  }

  /** The executable {@code name} on the PATH, if there is one. */
  static Optional<Path> onPath(String name) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
  }

  /** For assertion messages: the command, its exit code and everything it printed. */
  String printed() {
    return String.join(" ", command) + " exited with " + exitCode + "; it printed:\n" + output;
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    try (in) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) != -1; ) {
        synchronized (out) {
          out.write(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      // The process was killed at its deadline: what it printed until then is kept for the message.
    }
  }

  private static String text(ByteArrayOutputStream output) {
    synchronized (output) {
      return output.toString(StandardCharsets.UTF_8);
    }
  }
}
