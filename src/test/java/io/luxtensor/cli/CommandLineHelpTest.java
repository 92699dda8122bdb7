package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command, however nested, answers --help with examples and --version; its examples fit 80 columns. */
class CommandLineHelpTest {
  private static final int COLUMNS = 80;

  @Test
  void everyCommandHasHelpWithExamples() {
    List<List<String>> paths = commandPaths();
    assertTrue(paths.size() >= 20, "the walk found the command tree: " + paths);
    for (List<String> path : paths) {
      CommandRun help = CommandRun.of(withArgument(path, "--help"));
      assertEquals(ExitCodes.OK, help.exitCode(), path + "\n" + help.printed());
      assertTrue(help.out().contains("Example"), path + " shows no example:\n" + help.out());
      assertTrue(help.out().contains("--verbose"), path + " lacks --verbose:\n" + help.out());
    }
  }

  @Test
  void everyCommandAnswersVersion() {
    String expected = new VersionProvider().getVersion()[0];
    for (List<String> path : commandPaths()) {
      CommandRun version = CommandRun.of(withArgument(path, "--version"));
      assertEquals(ExitCodes.OK, version.exitCode(), path + "\n" + version.printed());
      assertEquals(expected, version.out().strip(), path.toString());
    }
  }

  @Test
  void examplesAreWrittenToFitATerminalRatherThanWrappedByIt() {
    for (CommandLine command : commands(Main.commandLine(), new ArrayList<>())) {
      // Prose may wrap; an example wrapped mid-comment can no longer be pasted into a shell.
      for (String line : command.getCommandSpec().usageMessage().footer()) {
        assertTrue(!line.startsWith("  ") || line.length() <= COLUMNS, command.getCommandName() + ": '" + line + "'");
      }
    }
  }

  @Test
  void aCommandNamedFirstIsTheOnlyOneBuiltAndAnythingElseGetsThemAll() {
    assertEquals(List.of(DevCommand.class), Main.subcommandsFor(new String[] {"dev", "--port", "0"}));
    assertEquals(List.of(WalletCommand.class), Main.subcommandsFor(new String[] {"wallet", "send", "--help"}));
    assertEquals(Main.SUBCOMMANDS, Main.subcommandsFor(new String[] {}));
    assertEquals(Main.SUBCOMMANDS, Main.subcommandsFor(new String[] {"--verbose", "dev"}));
    assertEquals(Main.SUBCOMMANDS, Main.subcommandsFor(new String[] {"dve"}));
    assertEquals(Main.SUBCOMMANDS.size(), Main.commandLine().getSubcommands().size());
  }

  @Test
  void aMisspeltCommandIsAnsweredWithTheNearestOnes() {
    CommandRun run = CommandRun.of("tesnet");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.printed());
    assertTrue(run.err().contains("Did you mean: luxtensor testnet"), run.printed());
  }

  private static List<List<String>> commandPaths() {
    List<List<String>> paths = new ArrayList<>();
    walk(Main.commandLine(), List.of(), paths);
    return paths;
  }

  private static void walk(CommandLine command, List<String> path, List<List<String>> paths) {
    paths.add(path);
    command.getSubcommands().forEach((name, sub) -> {
      List<String> subPath = new ArrayList<>(path);
      subPath.add(name);
      walk(sub, subPath, paths);
    });
  }

  private static List<CommandLine> commands(CommandLine command, List<CommandLine> all) {
    all.add(command);
    command.getSubcommands().values().forEach(sub -> commands(sub, all));
    return all;
  }

  private static String[] withArgument(List<String> path, String argument) {
    List<String> args = new ArrayList<>(path);
    args.add(argument);
    return args.toArray(String[]::new);
  }
}
