package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.Bip44;
import io.luxtensor.crypto.Mnemonic;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.types.Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.exception.CipherException;
import org.web3j.protocol.ObjectMapperFactory;
import org.web3j.utils.Numeric;

/**
 * Keystore files written by {@code wallet new} and {@code wallet import} open in web3j (an independent Web3 Secret
 * Storage implementation, as Geth and MetaMask read them), and files web3j writes import and work.
 */
class WalletKeystoreCompatibilityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Geth's keyFileName: UTC--2006-01-02T15-04-05.000000000Z--<40 hex digits>. */
  private static final Pattern GETH_FILE_NAME =
      Pattern.compile("UTC--\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}\\.\\d{9}Z--([0-9a-f]{40})");

  @TempDir
  Path directory;

  @Test
  void aNewKeyOpensInWeb3jWithTheSamePasswordAndAddress() throws Exception {
    WalletCli wallet = new WalletCli(directory);
    WalletCli.Run created = wallet.run("new", "--name", "alice", "--password-file", wallet.passwordFile().toString(),
        "--light-kdf");
    assertEquals(ExitCodes.OK, created.exitCode(), created.err());

    Path file = onlyKeyFile(wallet);
    Matcher name = GETH_FILE_NAME.matcher(file.getFileName().toString());
    assertTrue(name.matches(), file.getFileName().toString());
    Credentials credentials = WalletUtils.loadCredentials(WalletCli.PASSWORD, file.toFile());
    assertEquals("0x" + name.group(1), credentials.getAddress());
    assertTrue(created.out().contains(Keys.toChecksumAddress(credentials.getAddress())), created.out());
    ECKeyPair viaWallet = Wallet.decrypt(WalletCli.PASSWORD,
        ObjectMapperFactory.getObjectMapper().readValue(file.toFile(), WalletFile.class));
    assertEquals(credentials.getEcKeyPair().getPrivateKey(), viaWallet.getPrivateKey());
    assertEquals("alice", JSON.readTree(file.toFile()).get("x-luxtensor").get("name").asText());
    assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
  }

  @Test
  void aNewMnemonicIsShownOnceAndItsFirstAccountIsTheKeyStored() throws Exception {
    WalletCli wallet = new WalletCli(directory);
    WalletCli.Run created = wallet.run("new", "--mnemonic", "--words", "24", "--name", "m",
        "--password-file", wallet.passwordFile().toString(), "--light-kdf");
    assertEquals(ExitCodes.OK, created.exitCode(), created.err());

    List<String> phraseLines = created.out().lines().filter(line -> line.startsWith("  ")).toList();
    assertEquals(1, phraseLines.size(), created.out());
    Mnemonic phrase = Mnemonic.parse(phraseLines.get(0));
    assertEquals(24, phrase.wordCount());
    assertTrue(created.out().contains("shown only now and are not stored"), created.out());
    PrivateKey expected = Bip44.ethereumKey(phrase.toSeed(""), 0);
    Credentials stored = WalletUtils.loadCredentials(WalletCli.PASSWORD, onlyKeyFile(wallet).toFile());
    assertEquals(expected.scalar(), stored.getEcKeyPair().getPrivateKey());
    JsonNode file = JSON.readTree(onlyKeyFile(wallet).toFile());
    List<String> fields = new ArrayList<>();
    file.fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("address", "crypto", "id", "version", "x-luxtensor"), fields.stream().sorted().toList(),
        "the key file holds the v3 fields and the name, nothing of the phrase");
    assertEquals(1, file.get("x-luxtensor").size());
  }

  @Test
  void aKeystoreWrittenByWeb3jImportsKeepsItsPasswordAndExportsTheSameKey() throws Exception {
    WalletCli wallet = new WalletCli(directory);
    Path web3jDirectory = Files.createDirectory(directory.resolve("web3j"));
    ECKeyPair pair = Keys.createEcKeyPair();
    String fileName = WalletUtils.generateWalletFile("web3j password", pair, web3jDirectory.toFile(), false);
    Path passwordFile = WalletCli.write(directory.resolve("web3j-password.txt"), "web3j password\n");

    WalletCli.Run imported = wallet.run("import", "--keystore-file", web3jDirectory.resolve(fileName).toString(),
        "--name", "from-web3j", "--password-file", passwordFile.toString());
    assertEquals(ExitCodes.OK, imported.exitCode(), imported.err());
    String address = Keys.toChecksumAddress(Keys.getAddress(pair));
    assertTrue(imported.out().contains("Imported from-web3j " + address), imported.out());

    WalletCli.Run exported = wallet.run("export", "from-web3j", "--yes", "--password-file", passwordFile.toString());
    assertEquals(ExitCodes.OK, exported.exitCode(), exported.err());
    assertEquals(Numeric.toHexStringWithPrefixZeroPadded(pair.getPrivateKey(), 64), exported.out().strip());
    Credentials reopened = WalletUtils.loadCredentials("web3j password", onlyKeyFile(wallet).toFile());
    assertEquals(pair.getPrivateKey(), reopened.getEcKeyPair().getPrivateKey(), "web3j still reads the named copy");
  }

  @Test
  void aWrongPasswordIsOneLineWithoutAStackTrace() {
    WalletCli wallet = new WalletCli(directory);
    assertEquals(ExitCodes.OK, wallet.run("new", "--name", "alice", "--password-file",
        wallet.passwordFile().toString(), "--light-kdf").exitCode());
    Path wrong = WalletCli.write(directory.resolve("wrong.txt"), "not the password\n");

    WalletCli.Run export = wallet.run("export", "alice", "--yes", "--password-file", wrong.toString());
    assertEquals(ExitCodes.FAILED, export.exitCode());
    assertEquals("error: wrong password for alice\n", export.err());
    assertEquals("", export.out());

    WalletCli.Run verbose = wallet.run("export", "alice", "--yes", "--password-file", wrong.toString(), "--verbose");
    assertTrue(verbose.err().startsWith("error: wrong password for alice\n"), verbose.err());
    assertTrue(verbose.err().contains("at io.luxtensor.cli.KeyUnlocking"), "--verbose adds the stack trace");
  }

  @Test
  void web3jRefusesOurFileWithAWrongPasswordToo() throws Exception {
    WalletCli wallet = new WalletCli(directory);
    wallet.run("new", "--password-file", wallet.passwordFile().toString(), "--light-kdf");
    Path file = onlyKeyFile(wallet);
    try {
      WalletUtils.loadCredentials("not the password", file.toFile());
      throw new AssertionError("web3j opened the file with a wrong password");
    } catch (CipherException expected) {
      assertTrue(expected.getMessage().contains("Invalid password"), expected.getMessage());
    }
    JsonNode json = JSON.readTree(file.toFile());
    assertEquals("account-1", json.get("x-luxtensor").get("name").asText(), "the default name");
    assertEquals(3, json.get("version").asInt());
    Address address = Address.fromHex(json.get("address").asText());
    assertEquals(Hex.encodeNoPrefix(address.toBytes()), json.get("address").asText(), "Geth's form: no 0x");
  }

  private static Path onlyKeyFile(WalletCli wallet) throws Exception {
    try (Stream<Path> files = Files.list(wallet.keystore())) {
      List<Path> all = files.toList();
      assertEquals(1, all.size(), all.toString());
      return all.get(0);
    }
  }
}
