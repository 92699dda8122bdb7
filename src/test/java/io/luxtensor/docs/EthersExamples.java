package io.luxtensor.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The ethers.js examples under docs/examples/ethers and the Node.js that runs them. */
final class EthersExamples {
  static final Path DIRECTORY = Path.of("docs/examples/ethers");
  static final Duration SCRIPT_DEADLINE = Duration.ofSeconds(60);
  private static final Duration NPM_CI_DEADLINE = Duration.ofSeconds(300);

  private EthersExamples() {}

  /**
   * node, once the examples have their dependencies ({@code npm ci} from package-lock.json when missing; one install
   * at a time, as test classes run concurrently). Fails without Node.js rather than skipping: CI installs it
   * (.ci/run).
   */
  static synchronized Path nodeJs() throws Exception {
    Path nodeJs = executable("node");
    if (!Files.isRegularFile(DIRECTORY.resolve("node_modules/ethers/package.json"))) {
      ExampleProcess install = ExampleProcess.run(DIRECTORY, Map.of(), NPM_CI_DEADLINE,
          executable("npm").toString(), "ci", "--no-audit", "--no-fund");
      assertEquals(0, install.exitCode(), install::printed);
    }
    return nodeJs;
  }

  private static Path executable(String name) {
    return ExampleProcess.onPath(name).orElseGet(() -> fail(name + " is not on the PATH: the ethers examples need "
        + "Node.js >= 18 with npm (apt-get install nodejs npm; .ci/run installs them)"));
  }
}
