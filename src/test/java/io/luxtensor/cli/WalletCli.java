package io.luxtensor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code luxtensor wallet ...} (and {@code validator ...}, which reads wallet keys) run in-process on one keystore directory, with output captured and a scripted person
 * at the (absent) terminal.
 */
final class WalletCli {
  static final String PASSWORD = "correct horse battery staple";

  private final Path keystore;
  private final Path passwordFile;

  /** A wallet whose keystore is {@code directory}/keystore, and whose password file holds {@link #PASSWORD}. */
  WalletCli(Path directory) {
    this.keystore = directory.resolve("keystore");
    this.passwordFile = write(directory.resolve("password.txt"), PASSWORD + "\n");
  }

  record Run(int exitCode, String out, String err) {
    /** Everything the person saw. */
    String all() {
      return out + err;
    }
  }

  Path keystore() {
    return keystore;
  }

  Path passwordFile() {
    return passwordFile;
  }

  /** {@code luxtensor wallet SUBCOMMAND --keystore DIR ARGS...} with nobody at a terminal. */
  Run run(String subcommand, String... args) {
    return run(ScriptedConsole.noTerminal(), subcommand, args);
  }

  /** {@code luxtensor wallet SUBCOMMAND --keystore DIR ARGS...} with {@code console} as the person. */
  Run run(UserConsole console, String subcommand, String... args) {
    List<String> line = new ArrayList<>(List.of("wallet", subcommand, "--keystore", keystore.toString()));
    line.addAll(List.of(args));
    return execute(console, line.toArray(String[]::new));
  }

  /** Any command line, as given. */
  static Run execute(UserConsole console, String... args) {
    CommandLine cli = Main.commandLine();
    ((WalletCommand) cli.getSubcommands().get("wallet").getCommand()).console = console;
    ((ValidatorCommand) cli.getSubcommands().get("validator").getCommand()).console = console;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exitCode = cli.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  /** Imports account {@code index} of {@code mnemonic} as {@code name}, encrypted with the light KDF. */
  Run importMnemonic(String name, String mnemonic, int index, Path scratch) {
    Path phrase = write(scratch.resolve("phrase-" + name + ".txt"), mnemonic + "\n");
    return run("import", "--mnemonic-file", phrase.toString(), "--index", Integer.toString(index), "--name", name,
        "--password-file", passwordFile.toString(), "--light-kdf");
  }

  static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
