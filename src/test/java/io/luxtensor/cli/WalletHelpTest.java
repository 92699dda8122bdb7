package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The wallet commands' help, shared flag names, and the rules for key names. */
class WalletHelpTest {
  private static final List<String> SUBCOMMANDS = List.of("new", "import", "list", "export", "balance", "send");

  @Test
  void walletIsListedAndEverySubcommandHasHelpWithExamplesAndTheKeystoreOption() {
    WalletCli.Run top = WalletCli.execute(ScriptedConsole.noTerminal(), "--help");
    assertTrue(top.out().contains("  wallet "), top.out());
    WalletCli.Run group = WalletCli.execute(ScriptedConsole.noTerminal(), "wallet");
    assertEquals(ExitCodes.OK, group.exitCode());
    for (String subcommand : SUBCOMMANDS) {
      assertTrue(group.out().contains("  " + subcommand + " "), group.out());
      WalletCli.Run help = WalletCli.execute(ScriptedConsole.noTerminal(), "wallet", subcommand, "--help");
      assertEquals(ExitCodes.OK, help.exitCode(), subcommand);
      assertTrue(help.out().contains("Example"), subcommand + ": " + help.out());
      assertTrue(help.out().contains("--keystore=DIR"), subcommand);
      assertFalse(help.out().contains("--light-kdf"), "hidden: " + subcommand);
      assertFalse(help.out().contains("--password "), "no password flag: " + subcommand);
    }
    for (String subcommand : List.of("balance", "send")) {
      assertTrue(WalletCli.execute(ScriptedConsole.noTerminal(), "wallet", subcommand, "--help").out()
          .contains("--rpc=URL"), subcommand);
    }
  }

  @Test
  void namesAreShortPlainAndNeverAddresses() {
    assertEquals("validator-eu.1_b", new KeyName("validator-eu.1_b").value());
    for (String bad : List.of("", "-dash-first", "has space", "slash/", "x".repeat(KeyName.CHARS_MAX + 1),
        "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "70997970c51812dc3a010c7d01b50e0d17dc79c8", "0xabc")) {
      CliException refused = assertThrows(CliException.class, () -> new KeyName(bad), bad);
      assertEquals(ExitCodes.USAGE, refused.exitCode());
    }
    assertEquals("account-3", KeyName.firstFree(Set.of("account-1", "account-2", "alice")).value());
    assertEquals("account-1", KeyName.firstFree(Set.of()).value());
    assertEquals(new KeyName("Alice").key(), new KeyName("alice").key(), "names compare without case");
  }
}
