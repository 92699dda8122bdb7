package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.chain.DevChain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wallet import}: keys from files, from a piped or typed standard input, and the mistakes people make. */
class WalletImportTest {
  /** Hardhat's and anvil's second account of "test test ... junk" (m/44'/60'/0'/0/1). */
  private static final String HARDHAT_ACCOUNT_1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  private static final String HARDHAT_KEY_1 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

  @TempDir
  Path directory;

  @Test
  void mnemonicIndexOneIsHardhatsSecondAccount() {
    WalletCli wallet = new WalletCli(directory);
    WalletCli.Run imported = wallet.importMnemonic("hardhat-1", DevChain.MNEMONIC, 1, directory);
    assertEquals(ExitCodes.OK, imported.exitCode(), imported.err());
    assertTrue(imported.out().startsWith("Imported hardhat-1 " + HARDHAT_ACCOUNT_1 + "\n"), imported.out());

    WalletCli.Run list = wallet.run("list", "--json");
    assertTrue(list.out().contains("\"name\":\"hardhat-1\",\"address\":\"" + HARDHAT_ACCOUNT_1 + "\""), list.out());
    assertFalse(imported.all().contains("junk"), "the phrase is never echoed");
  }

  @Test
  void aPrivateKeyFileWithOrWithoutPrefixAndWhitespaceImports() {
    WalletCli wallet = new WalletCli(directory);
    Path keyFile = WalletCli.write(directory.resolve("key.txt"), "  " + HARDHAT_KEY_1.substring(2) + "\r\n");
    WalletCli.Run imported = wallet.run("import", "--private-key-file", keyFile.toString(), "--password-file",
        wallet.passwordFile().toString(), "--light-kdf");
    assertEquals(ExitCodes.OK, imported.exitCode(), imported.err());
    assertTrue(imported.out().startsWith("Imported account-1 " + HARDHAT_ACCOUNT_1), imported.out());
    assertFalse(imported.all().contains(HARDHAT_KEY_1.substring(2)));
  }

  @Test
  void aKeyPipedIntoStandardInputImportsWithThePasswordFromAFile() {
    WalletCli wallet = new WalletCli(directory);
    WalletCli.Run imported = wallet.run(ScriptedConsole.piped(HARDHAT_KEY_1 + "\n"), "import", "--private-key-file",
        "-", "--name", "piped", "--password-file", wallet.passwordFile().toString(), "--light-kdf");
    assertEquals(ExitCodes.OK, imported.exitCode(), imported.err());
    assertTrue(imported.out().startsWith("Imported piped " + HARDHAT_ACCOUNT_1), imported.out());

    WalletCli.Run both = wallet.run(ScriptedConsole.piped(HARDHAT_KEY_1 + "\n"), "import", "--private-key-file", "-",
        "--password-file", "-", "--light-kdf");
    assertEquals(ExitCodes.USAGE, both.exitCode());
    assertEquals("error: standard input can carry one secret only: put the password in a file\n", both.err());
  }

  @Test
  void onATerminalTheKeyAndANewPasswordTwiceAreTypedWithoutEcho() {
    WalletCli wallet = new WalletCli(directory);
    ScriptedConsole person = ScriptedConsole.typing(HARDHAT_KEY_1, "typed password", "typed password");
    WalletCli.Run imported = wallet.run(person, "import", "--private-key-file", "-", "--name", "typed",
        "--light-kdf");
    assertEquals(ExitCodes.OK, imported.exitCode(), imported.err());
    assertEquals(List.of("Private key (hex, not shown): ", "Password for the new key: ", "Repeat it: "),
        person.prompts());

    Path typedPassword = WalletCli.write(directory.resolve("typed.txt"), "typed password");
    WalletCli.Run exported = wallet.run("export", "typed", "--yes", "--password-file", typedPassword.toString());
    assertEquals(HARDHAT_KEY_1, exported.out().strip());

    WalletCli.Run mismatch = wallet.run(ScriptedConsole.typing("0x" + "11".repeat(32), "one", "two"), "import",
        "--private-key-file", "-", "--light-kdf");
    assertEquals(ExitCodes.FAILED, mismatch.exitCode());
    assertEquals("error: the passwords do not match\n", mismatch.err());
  }

  @Test
  void withoutATerminalAMissingPasswordFileIsAUsageErrorThatSaysWhatToDo() {
    WalletCli wallet = new WalletCli(directory);
    Path keyFile = WalletCli.write(directory.resolve("key.txt"), HARDHAT_KEY_1);
    WalletCli.Run run = wallet.run("import", "--private-key-file", keyFile.toString(), "--light-kdf");
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("error: no terminal to ask on: pass --password-file FILE (the password is its first line)\n",
        run.err());
  }

  @Test
  void duplicateNamesAndDuplicateKeysAreRefused() {
    WalletCli wallet = new WalletCli(directory);
    assertEquals(ExitCodes.OK, wallet.importMnemonic("alice", DevChain.MNEMONIC, 0, directory).exitCode());

    WalletCli.Run sameName = wallet.importMnemonic("ALICE", DevChain.MNEMONIC, 1, directory);
    assertEquals(ExitCodes.FAILED, sameName.exitCode());
    assertEquals("error: a key named alice already exists (0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266)\n",
        sameName.err());

    WalletCli.Run sameKey = wallet.importMnemonic("alice-again", DevChain.MNEMONIC, 0, directory);
    assertEquals(ExitCodes.FAILED, sameKey.exitCode());
    assertTrue(sameKey.err().startsWith("error: 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 is already in the "
        + "keystore as alice ("), sameKey.err());
    assertEquals(1, wallet.run("list", "--json").out().split("\"address\"").length - 1, "nothing was added");
  }

  @Test
  void aSecretGivenAsTheFileNameIsRefusedWithoutEchoingIt() {
    WalletCli wallet = new WalletCli(directory);
    WalletCli.Run keyAsValue = wallet.run("import", "--private-key-file", HARDHAT_KEY_1, "--password-file",
        wallet.passwordFile().toString());
    assertEquals(ExitCodes.USAGE, keyAsValue.exitCode());
    assertTrue(keyAsValue.err().startsWith("error: --private-key-file takes the path of a file holding the secret, "
        + "not the secret itself"), keyAsValue.err());
    assertFalse(keyAsValue.all().contains(HARDHAT_KEY_1.substring(2)));

    WalletCli.Run phraseAsValue = wallet.run("import", "--mnemonic-file", DevChain.MNEMONIC, "--password-file",
        wallet.passwordFile().toString());
    assertEquals(ExitCodes.USAGE, phraseAsValue.exitCode());
    assertFalse(phraseAsValue.all().contains("junk"), phraseAsValue.all());
  }

  @Test
  void secretsGivenAsFlagValuesAreRefusedWithoutEchoingThem() {
    WalletCli wallet = new WalletCli(directory);
    WalletCli.Run key = wallet.run("import", "--private-key", HARDHAT_KEY_1);
    assertEquals(ExitCodes.USAGE, key.exitCode());
    assertEquals("error: --private-key is not an option: a secret on the command line stays in the shell's history "
        + "and shows in ps; use --private-key-file FILE ('-' to type it unseen)\n", key.err());

    WalletCli.Run phrase = wallet.run("import", "--mnemonic", DevChain.MNEMONIC);
    assertEquals(ExitCodes.USAGE, phrase.exitCode());
    assertTrue(phrase.err().startsWith("error: --mnemonic is not an option"), phrase.err());

    WalletCli.Run password = wallet.run("new", "--password", "hunter2");
    assertEquals(ExitCodes.USAGE, password.exitCode());
    assertTrue(password.err().startsWith("error: --password is not an option"), password.err());

    WalletCli.Run passwordAsFile = wallet.run("new", "--password-file", "hunter2", "--light-kdf");
    assertEquals("error: --password-file: no such file (it takes the path of a file holding the secret)\n",
        passwordAsFile.err());
    for (WalletCli.Run run : List.of(key, phrase, password, passwordAsFile)) {
      assertFalse(run.all().contains(HARDHAT_KEY_1.substring(2)) || run.all().contains("junk")
          || run.all().contains("hunter2"), run.all());
    }
  }

  @Test
  void invalidSecretsAreDescribedWithoutQuotingThem() {
    WalletCli wallet = new WalletCli(directory);
    Path notAKey = WalletCli.write(directory.resolve("bad-key.txt"), "0x" + "zz".repeat(32));
    WalletCli.Run badKey = wallet.run("import", "--private-key-file", notAKey.toString(), "--password-file",
        wallet.passwordFile().toString());
    assertEquals(ExitCodes.FAILED, badKey.exitCode());
    assertEquals("error: --private-key-file does not hold a private key: expected 64 hex digits, optionally after "
        + "0x\n", badKey.err());

    Path misspelt = WalletCli.write(directory.resolve("bad-phrase.txt"), DevChain.MNEMONIC.replace("junk", "junq"));
    WalletCli.Run badPhrase = wallet.run("import", "--mnemonic-file", misspelt.toString(), "--password-file",
        wallet.passwordFile().toString());
    assertEquals(ExitCodes.FAILED, badPhrase.exitCode());
    assertEquals("error: --mnemonic-file does not hold a BIP-39 mnemonic: word is not in the BIP-39 English "
        + "wordlist\n", badPhrase.err());
  }

  @Test
  void indexNeedsAMnemonicAndExactlyOneSourceIsRequired() {
    WalletCli wallet = new WalletCli(directory);
    Path keyFile = WalletCli.write(directory.resolve("key.txt"), HARDHAT_KEY_1);
    WalletCli.Run index = wallet.run("import", "--private-key-file", keyFile.toString(), "--index", "1");
    assertEquals(ExitCodes.USAGE, index.exitCode());
    assertEquals("error: --index applies to --mnemonic-file only\n", index.err());

    WalletCli.Run noSource = wallet.run("import");
    assertEquals(ExitCodes.USAGE, noSource.exitCode());
    assertEquals("error: say where the key is: --private-key-file, --mnemonic-file or --keystore-file\n",
        noSource.err());
    assertEquals(ExitCodes.USAGE, wallet.run("import", "--private-key-file", keyFile.toString(),
        "--keystore-file", keyFile.toString()).exitCode());
    assertEquals(ExitCodes.USAGE, wallet.run("import", "--private-key-file", keyFile.toString(), "--name",
        "0x70997970C51812dc3A010C7d01b50e0d17dc79C8").exitCode(), "a name that looks like an address");
  }
}
