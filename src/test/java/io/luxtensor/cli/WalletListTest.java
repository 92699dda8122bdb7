package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.chain.DevChain;
import io.luxtensor.crypto.KdfParams;
import io.luxtensor.crypto.Keystore;
import io.luxtensor.testing.SeededRandom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wallet list}: names, EIP-55 addresses and files, as a table or JSON, including other wallets' files. */
class WalletListTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path directory;

  @Test
  void anEmptyOrMissingKeystoreSaysHowToCreateAKey() {
    WalletCli wallet = new WalletCli(directory);
    WalletCli.Run list = wallet.run("list");
    assertEquals(ExitCodes.OK, list.exitCode());
    assertEquals("No keys in " + wallet.keystore() + " (create one: luxtensor wallet new)\n", list.out());
    assertEquals("[]\n", wallet.run("list", "--json").out());
  }

  @Test
  void keysAreListedInCreationOrderWithGethsFilesByAddressAndOtherFilesNoted() throws Exception {
    WalletCli wallet = new WalletCli(directory);
    wallet.importMnemonic("alice", DevChain.MNEMONIC, 0, directory);
    wallet.importMnemonic("bob", DevChain.MNEMONIC, 1, directory);
    String gethFile = Keystore.encrypt(DevChain.accounts(3).get(2).key(), "geth", KdfParams.LIGHT,
        SeededRandom.of(1));
    Files.writeString(wallet.keystore().resolve("UTC--2099-01-01T00-00-00.000000000Z--"
        + "3c44cdddb6a900fa2b585dd299e03d12fa4293bc"), gethFile);
    Files.writeString(wallet.keystore().resolve("notes.txt"), "not a key");
    Files.writeString(wallet.keystore().resolve(".hidden"), "ignored as Geth ignores it");

    WalletCli.Run table = wallet.run("list");
    assertEquals(ExitCodes.OK, table.exitCode(), table.err());
    List<String> lines = table.out().lines().toList();
    assertTrue(lines.get(0).matches("NAME +ADDRESS +FILE"), lines.get(0));
    assertTrue(lines.get(1).matches("alice +0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 +UTC--.*"), lines.get(1));
    assertTrue(lines.get(2).matches("bob +0x70997970C51812dc3A010C7d01b50e0d17dc79C8 +UTC--.*"), lines.get(2));
    assertTrue(lines.get(3).matches("- +0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC +UTC--2099.*"), lines.get(3));
    assertEquals("(in " + wallet.keystore() + ")", lines.get(4));
    assertEquals("note: skipped 1 file(s) that are not keystores with an address: [notes.txt]\n", table.err());

    JsonNode json = JSON.readTree(wallet.run("list", "--json").out());
    assertEquals(3, json.size());
    assertEquals("bob", json.get(1).get("name").asText());
    assertTrue(json.get(2).get("name").isNull());
    assertEquals(wallet.keystore().resolve("UTC--2099-01-01T00-00-00.000000000Z--"
        + "3c44cdddb6a900fa2b585dd299e03d12fa4293bc").toString(), json.get(2).get("file").asText());
  }

  @Test
  void aNamelessFileGetsTheFirstFreeNameAndANamedOneKeepsItsNameInAnotherKeystore() throws Exception {
    WalletCli wallet = new WalletCli(directory);
    Path gethDirectory = Files.createDirectory(directory.resolve("geth"));
    Path gethKey = Files.writeString(gethDirectory.resolve("UTC--key"), Keystore.encrypt(
        DevChain.accounts(3).get(2).key(), WalletCli.PASSWORD, KdfParams.LIGHT, SeededRandom.of(2)));
    WalletCli.Run imported = wallet.run("import", "--keystore-file", gethKey.toString(), "--password-file",
        wallet.passwordFile().toString());
    assertTrue(imported.out().startsWith("Imported account-1 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC\n"),
        imported.out());
    wallet.importMnemonic("carol", DevChain.MNEMONIC, 3, directory);

    WalletCli other = new WalletCli(Files.createDirectory(directory.resolve("elsewhere")));
    Path carolsFile = wallet.keystore().resolve(JSON.readTree(wallet.run("list", "--json").out()).get(1)
        .get("file").asText());
    WalletCli.Run moved = other.run("import", "--keystore-file", carolsFile.toString(), "--password-file",
        wallet.passwordFile().toString());
    assertEquals(ExitCodes.OK, moved.exitCode(), moved.err());
    assertTrue(moved.out().startsWith("Imported carol 0x90F79bf6EB2c4f870365E785982E1f101E93b906\n"), moved.out());
  }
}
