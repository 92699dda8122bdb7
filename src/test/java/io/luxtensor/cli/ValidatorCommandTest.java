package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.consensus.Validator;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.crypto.KdfParams.ScryptParams;
import io.luxtensor.crypto.Keystore;
import io.luxtensor.testing.SeededRandom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code luxtensor validator import} and {@code list}: keys into DATADIR/validators/ and back out, by address. */
class ValidatorCommandTest {
  private static final String DEV_KEYSTORE = "config/dev-validator.json";
  private static final String DEV_PASSWORD = "config/dev-validator.password";

  @TempDir
  Path directory;

  @Test
  void anImportedKeystoreIsListedWithTheIdentityTheGenesisGivesIt() throws Exception {
    Path datadir = directory.resolve("data");
    WalletCli.Run imported = validator("import", "--datadir", datadir.toString(), "--keystore-file", DEV_KEYSTORE,
        "--password-file", DEV_PASSWORD);
    assertEquals(ExitCodes.OK, imported.exitCode(), imported.all());
    Validator genesis = GenesisSpec.parse(Files.readString(Path.of("config/genesis-dev.json"))).validators().get(0);
    String address = genesis.address().toChecksumHex();
    Path stored = datadir.resolve("validators").resolve(address + ".json");
    assertEquals("Imported validator " + address + "\nVRF public key: " + genesis.vrfPublicKey().toHex()
        + "\nKeystore file: " + stored + "\nPassword file: " + datadir.resolve("validators").resolve(address
        + ".password") + "\n", imported.out());

    WalletCli.Run table = validator("list", "--datadir", datadir.toString());
    assertEquals(ExitCodes.OK, table.exitCode(), table.all());
    List<String> lines = table.out().lines().toList();
    assertEquals(List.of("ADDRESS", "VRF PUBLIC KEY"), List.of(lines.get(0).split(" {2,}")));
    assertEquals(List.of(address, genesis.vrfPublicKey().toHex()), List.of(lines.get(1).split(" {2,}")));

    WalletCli.Run json = validator("list", "--datadir", datadir.toString(), "--json");
    JsonNode entries = new ObjectMapper().readTree(json.out());
    assertEquals(1, entries.size());
    assertEquals(address, entries.get(0).get("address").asText());
    assertEquals(genesis.vrfPublicKey().toHex(), entries.get(0).get("vrfPublicKey").asText());
    assertEquals(stored.toAbsolutePath().toString(), entries.get(0).get("keystoreFile").asText());
  }

  @Test
  void keysImportFromTheWalletByNameAndListInAddressOrder() {
    WalletCli wallet = new WalletCli(directory);
    for (int i = 0; i < 2; i++) {
      wallet.importMnemonic("validator-" + i, DevChain.MNEMONIC, i, directory);
    }
    Path datadir = directory.resolve("data");
    for (String name : List.of("validator-1", "validator-0")) {
      WalletCli.Run imported = validator("import", "--datadir", datadir.toString(), "--from-wallet", name,
          "--keystore", wallet.keystore().toString(), "--password-file", wallet.passwordFile().toString());
      assertEquals(ExitCodes.OK, imported.exitCode(), imported.all());
    }
    List<String> expected = DevChain.accounts(2).stream().map(account -> account.address().toChecksumHex())
        .sorted(String.CASE_INSENSITIVE_ORDER).toList();
    WalletCli.Run list = validator("list", "--datadir", datadir.toString());
    assertEquals(expected, list.out().lines().skip(1).limit(2).map(line -> line.split(" ")[0]).toList());
  }

  @Test
  void aDuplicateIsRefusedBeforeThePasswordIsAskedAndChangesNothing() throws Exception {
    Path datadir = directory.resolve("data");
    validator("import", "--datadir", datadir.toString(), "--keystore-file", DEV_KEYSTORE, "--password-file",
        DEV_PASSWORD);
    String before = validator("list", "--datadir", datadir.toString(), "--json").out();

    ScriptedConsole person = ScriptedConsole.typing("password");
    WalletCli.Run again = WalletCli.execute(person, "validator", "import", "--datadir", datadir.toString(),
        "--keystore-file", DEV_KEYSTORE);
    assertEquals(ExitCodes.FAILED, again.exitCode(), again.all());
    String address = GenesisSpec.parse(Files.readString(Path.of("config/genesis-dev.json"))).validators().get(0)
        .address().toChecksumHex();
    assertTrue(again.err().startsWith("error: validator " + address + " is already imported ("), again.err());
    assertEquals(List.of(), person.prompts(), "no password asked for a key that cannot be imported");
    assertEquals(before, validator("list", "--datadir", datadir.toString(), "--json").out());
  }

  @Test
  void aWrongPasswordIsRefusedAndNothingIsWritten() {
    Path datadir = directory.resolve("data");
    ScriptedConsole person = ScriptedConsole.typing("not the password");
    WalletCli.Run wrong = WalletCli.execute(person, "validator", "import", "--datadir", datadir.toString(),
        "--keystore-file", DEV_KEYSTORE);
    assertEquals(ExitCodes.FAILED, wrong.exitCode(), wrong.all());
    assertEquals("error: wrong password for dev-validator.json\n", wrong.err());
    assertEquals(List.of("Password for dev-validator.json: "), person.prompts());
    assertFalse(Files.exists(datadir), "nothing written, not even the directory");
  }

  @Test
  void secretsAndMisreadOptionsAreUsageErrorsThatSayWhatToDo() throws Exception {
    Path datadir = directory.resolve("data");
    WalletCli.Run password = validator("import", "--datadir", datadir.toString(), "--keystore-file", DEV_KEYSTORE,
        "--password", "hunter2");
    assertEquals(ExitCodes.USAGE, password.exitCode());
    assertTrue(password.err().startsWith("error: --password is not an option: a secret on the command line"),
        password.err());
    assertFalse(password.all().contains("hunter2"));

    WalletCli.Run keystoreAsFile = validator("import", "--datadir", datadir.toString(), "--keystore", DEV_KEYSTORE,
        "--password-file", DEV_PASSWORD);
    assertEquals(ExitCodes.USAGE, keystoreAsFile.exitCode());
    assertEquals("error: --keystore is the wallet's keystore directory (for --from-wallet); a keystore file is "
        + "imported with --keystore-file FILE\n", keystoreAsFile.err());

    WalletCli.Run noTerminal = validator("import", "--datadir", datadir.toString(), "--keystore-file", DEV_KEYSTORE);
    assertEquals(ExitCodes.USAGE, noTerminal.exitCode());
    assertEquals("error: no terminal to ask on: pass --password-file FILE (the password is its first line)\n",
        noTerminal.err());
    assertFalse(Files.exists(datadir));
  }

  @Test
  void listingAnEmptyOrMissingDataDirectory() throws Exception {
    Path datadir = Files.createDirectory(directory.resolve("data"));
    WalletCli.Run empty = validator("list", "--datadir", datadir.toString());
    assertEquals(ExitCodes.OK, empty.exitCode(), empty.all());
    assertEquals("No validator keys in " + datadir.resolve("validators") + " (add one: luxtensor validator "
        + "import)\n", empty.out());
    assertEquals("[]\n", validator("list", "--datadir", datadir.toString(), "--json").out());

    WalletCli.Run missing = validator("list", "--datadir", directory.resolve("typo").toString());
    assertEquals(ExitCodes.NOT_FOUND, missing.exitCode());
    assertTrue(missing.err().startsWith("error: no data directory "), missing.err());
  }

  @Test
  void aKeystoreAnotherToolWroteKeepsItsOwnEncryption() throws Exception {
    Path datadir = directory.resolve("data");
    ValidatorKeys keys = ValidatorKeys.derivedFrom(DevChain.accounts(1).get(0).key());
    Path file = WalletCli.write(directory.resolve("geth.json"), Keystore.encrypt(keys.signingKey(), "geth",
        new ScryptParams(16, 1, 1), SeededRandom.of(5)));
    Path password = WalletCli.write(directory.resolve("geth-password.txt"), "geth\r\nsecond line ignored\n");
    WalletCli.Run imported = validator("import", "--datadir", datadir.toString(), "--keystore-file",
        file.toString(), "--password-file", password.toString());
    assertEquals(ExitCodes.OK, imported.exitCode(), imported.all());
    Path stored = datadir.resolve("validators").resolve(keys.address().toChecksumHex() + ".json");
    assertEquals(keys.signingKey(), Keystore.decrypt(Files.readString(stored), "geth"));
    JsonNode json = new ObjectMapper().readTree(Files.readString(stored));
    assertEquals(16, json.get("crypto").get("kdfparams").get("n").asInt(), "not re-encrypted");
  }

  private static WalletCli.Run validator(String subcommand, String... args) {
    String[] line = new String[args.length + 2];
    line[0] = "validator";
    line[1] = subcommand;
    System.arraycopy(args, 0, line, 2, args.length);
    return WalletCli.execute(ScriptedConsole.noTerminal(), line);
  }
}
