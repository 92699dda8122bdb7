package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Hex;
import io.luxtensor.chain.DevChain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wallet export}: the private key is printed only after the person confirms, or with --yes. */
class WalletExportTest {
  private static final String ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
  private static final String KEY = Hex.encode(DevChain.accounts(1).get(0).key().toBytes());

  @TempDir
  Path directory;

  private WalletCli wallet;

  @BeforeEach
  void importHardhatAccountZero() {
    wallet = new WalletCli(directory);
    assertEquals(ExitCodes.OK, wallet.importMnemonic("alice", DevChain.MNEMONIC, 0, directory).exitCode());
  }

  @Test
  void withoutATerminalExportNeedsYes() {
    WalletCli.Run refused = wallet.run("export", "alice", "--password-file", wallet.passwordFile().toString());
    assertEquals(ExitCodes.USAGE, refused.exitCode());
    assertEquals("error: export asks for confirmation on a terminal; pass --yes to skip it\n", refused.err());
    assertEquals("", refused.out());

    WalletCli.Run confirmed = wallet.run("export", "alice", "--yes", "--password-file",
        wallet.passwordFile().toString());
    assertEquals(ExitCodes.OK, confirmed.exitCode(), confirmed.err());
    assertEquals(KEY + "\n", confirmed.out());
  }

  @Test
  void anythingButTheAddressOrYesCancelsBeforeThePasswordIsAsked() {
    ScriptedConsole person = ScriptedConsole.typing("y", WalletCli.PASSWORD);
    WalletCli.Run cancelled = wallet.run(person, "export", "alice");
    assertEquals(ExitCodes.FAILED, cancelled.exitCode());
    assertEquals("error: export cancelled: nothing printed\n", cancelled.err());
    assertFalse(cancelled.all().contains(KEY.substring(2)));
    assertEquals(1, person.prompts().size(), "no password was asked");
    assertTrue(person.prompts().get(0).contains("This prints the private key of alice (" + ADDRESS + ")"),
        person.prompts().get(0));

    WalletCli.Run endOfInput = wallet.run(ScriptedConsole.typing(), "export", "alice");
    assertEquals(ExitCodes.FAILED, endOfInput.exitCode());
  }

  @Test
  void typingTheAddressInAnyCaseOrYesPrintsTheKey() {
    for (String answer : List.of("yes", "YES", ADDRESS, ADDRESS.toLowerCase(), ADDRESS.substring(2))) {
      ScriptedConsole person = ScriptedConsole.typing(answer, WalletCli.PASSWORD);
      WalletCli.Run exported = wallet.run(person, "export", "alice");
      assertEquals(ExitCodes.OK, exported.exitCode(), answer + ": " + exported.err());
      assertEquals(KEY + "\n", exported.out(), answer);
      assertEquals("Password for alice: ", person.prompts().get(1));
    }
  }

  @Test
  void keysAreFoundByAddressAndUnknownOnesExitWithNotFound() {
    WalletCli.Run byAddress = wallet.run("export", ADDRESS.toLowerCase(), "--yes", "--password-file",
        wallet.passwordFile().toString());
    assertEquals(KEY + "\n", byAddress.out(), byAddress.err());

    WalletCli.Run unknown = wallet.run("export", "bob", "--yes");
    assertEquals(ExitCodes.NOT_FOUND, unknown.exitCode());
    assertEquals("error: no key named bob in " + wallet.keystore() + " (luxtensor wallet list)\n", unknown.err());

    WalletCli.Run badChecksum = wallet.run("export", "0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "--yes");
    assertEquals(ExitCodes.USAGE, badChecksum.exitCode());
    assertTrue(badChecksum.err().contains("invalid EIP-55 checksum"), badChecksum.err());
  }
}
