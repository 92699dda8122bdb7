package io.luxtensor.cli;

import picocli.CommandLine.Command;

/** {@code luxtensor version}. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = "Print the version of LuxTensor and of the Java runtime.",
    footer = {"", "Example:", "  luxtensor version"})
final class VersionCommand implements Runnable {
  @Override
  public void run() {
    System.out.println(new VersionProvider().getVersion()[0]);
  }
}
