package io.luxtensor.node.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.chain.DevChain;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.crypto.KdfParams.ScryptParams;
import io.luxtensor.crypto.Keystore;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.node.validators.ValidatorKeyStoreException.Reason;
import io.luxtensor.testing.SeededRandom;
import io.luxtensor.types.Address;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DATADIR/validators/: keystores with their passwords, stored only when they open, listed without opening them. */
class ValidatorKeyStoreTest {
  private static final String PASSWORD = "validator password";
  /** Scrypt at its smallest: these tests are about the store, not about the KDF. */
  private static final ScryptParams FAST = new ScryptParams(16, 1, 1);
  private static final List<PrivateKey> KEYS = DevChain.accounts(3).stream().map(DevChain.DevAccount::key).toList();

  @TempDir
  Path datadir;

  @Test
  void importedKeysAreListedByAddressAndUnlockToTheSameKeys() {
    ValidatorKeyStore store = ValidatorKeyStore.inDatadir(datadir);
    assertEquals(List.of(), store.list(), "a data directory without validators/ holds no keys");
    for (PrivateKey key : KEYS.reversed()) {
      store.importKey(keystore(key, PASSWORD), "test.json", PASSWORD);
    }

    List<ValidatorKeys> expected = KEYS.stream().map(ValidatorKeys::derivedFrom)
        .sorted((a, b) -> a.address().compareTo(b.address())).toList();
    List<StoredValidator> listed = store.list();
    assertEquals(expected.stream().map(ValidatorKeys::address).toList(),
        listed.stream().map(StoredValidator::address).toList());
    assertEquals(expected.stream().map(ValidatorKeys::vrfPublicKey).toList(),
        listed.stream().map(StoredValidator::vrfPublicKey).toList(), "the VRF keys are listed without a password");
    for (StoredValidator stored : listed) {
      String name = stored.address().toChecksumHex();
      assertEquals(datadir.resolve("validators").resolve(name + ".json"), stored.keystoreFile());
      assertEquals(datadir.resolve("validators").resolve(name + ".password"), stored.passwordFile());
    }

    List<ValidatorKeys> unlocked = store.unlockAll();
    assertEquals(expected.stream().map(ValidatorKeys::address).toList(),
        unlocked.stream().map(ValidatorKeys::address).toList());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).signingKey().publicKey(), unlocked.get(i).signingKey().publicKey());
      assertEquals(expected.get(i).vrfPublicKey(), unlocked.get(i).vrfPublicKey());
    }
  }

  @Test
  void keysAndPasswordsAreReadableByTheOwnerOnly() throws IOException {
    ValidatorKeyStore store = ValidatorKeyStore.inDatadir(datadir);
    StoredValidator stored = store.importKey(keystore(KEYS.get(0), PASSWORD), "test.json", PASSWORD);
    assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(store.path()));
    assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(stored.keystoreFile()));
    assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(stored.passwordFile()));
    assertEquals(PASSWORD + "\n", Files.readString(stored.passwordFile()));
    assertEquals(KEYS.get(0), Keystore.decrypt(Files.readString(stored.keystoreFile()), PASSWORD),
        "still a keystore any wallet opens");
  }

  @Test
  void aSecondImportOfAnAddressIsRefusedAndChangesNothing() throws IOException {
    ValidatorKeyStore store = ValidatorKeyStore.inDatadir(datadir);
    StoredValidator first = store.importKey(keystore(KEYS.get(0), PASSWORD), "first.json", PASSWORD);
    List<String> before = snapshot(store.path());

    // The same key under another password: storing it would leave one of the two passwords wrong.
    ValidatorKeyStoreException refused = assertThrows(ValidatorKeyStoreException.class,
        () -> store.importKey(keystore(KEYS.get(0), "other"), "again.json", "other"));
    assertEquals(Reason.ALREADY_IMPORTED, refused.reason());
    assertEquals("validator " + first.address().toChecksumHex() + " is already imported (" + first.keystoreFile()
        + ")", refused.getMessage());
    assertEquals(before, snapshot(store.path()));
    assertEquals(PASSWORD + "\n", Files.readString(first.passwordFile()));
  }

  @Test
  void aWrongPasswordIsRefusedBeforeAnythingIsWritten() {
    ValidatorKeyStore store = ValidatorKeyStore.inDatadir(datadir);
    ValidatorKeyStoreException refused = assertThrows(ValidatorKeyStoreException.class,
        () -> store.importKey(keystore(KEYS.get(0), PASSWORD), "v1.json", "not it"));
    assertEquals(Reason.WRONG_PASSWORD, refused.reason());
    assertEquals("wrong password for v1.json", refused.getMessage());
    assertFalse(Files.exists(store.path()), "not even the directory is made");

    ValidatorKeyStoreException notKeystore = assertThrows(ValidatorKeyStoreException.class,
        () -> store.importKey("{\"version\":3}", "notes.json", PASSWORD));
    assertEquals(Reason.BAD_KEYSTORE, notKeystore.reason());
    assertTrue(notKeystore.getMessage().startsWith("notes.json: keystore field is missing"), notKeystore.getMessage());
    assertFalse(Files.exists(store.path()));
  }

  @Test
  void unlockingNamesTheFileThatIsMissingOrWrong() throws IOException {
    ValidatorKeyStore store = ValidatorKeyStore.inDatadir(datadir);
    StoredValidator stored = store.importKey(keystore(KEYS.get(0), PASSWORD), "v1.json", PASSWORD);
    String who = "validator " + stored.address().toChecksumHex();

    Files.writeString(stored.passwordFile(), "changed\n");
    ValidatorKeyStoreException wrong = assertThrows(ValidatorKeyStoreException.class, store::unlockAll);
    assertEquals(Reason.WRONG_PASSWORD, wrong.reason());
    assertEquals("wrong password for " + who + ": " + stored.passwordFile() + " does not open "
        + stored.keystoreFile(), wrong.getMessage());

    Files.delete(stored.passwordFile());
    ValidatorKeyStoreException missing = assertThrows(ValidatorKeyStoreException.class, store::unlockAll);
    assertEquals(Reason.NO_PASSWORD_FILE, missing.reason());
    assertTrue(missing.getMessage().startsWith("no password file " + stored.passwordFile() + " for " + who + ": "),
        missing.getMessage());

    Files.writeString(stored.passwordFile(), "x".repeat((int) ValidatorKeyStore.PASSWORD_BYTES_MAX + 1));
    assertEquals(Reason.UNREADABLE, assertThrows(ValidatorKeyStoreException.class, store::unlockAll).reason());
  }

  @Test
  void aKeystoreWhoseRecordOrNameDisagreesWithItsKeyIsRefused() throws IOException {
    ValidatorKeyStore store = ValidatorKeyStore.inDatadir(datadir);
    StoredValidator stored = store.importKey(keystore(KEYS.get(0), PASSWORD), "v1.json", PASSWORD);
    String otherVrfKey = ValidatorKeys.derivedFrom(KEYS.get(1)).vrfPublicKey().toHex();
    String json = Files.readString(stored.keystoreFile());
    Files.writeString(stored.keystoreFile(), json.replace(stored.vrfPublicKey().toHex(), otherVrfKey));
    ValidatorKeyStoreException edited = assertThrows(ValidatorKeyStoreException.class, store::unlockAll);
    assertEquals(Reason.BAD_KEYSTORE, edited.reason());
    assertTrue(edited.getMessage().contains("records another VRF public key than its key derives"),
        edited.getMessage());

    // A keystore copied in by hand under another validator's name.
    Files.writeString(stored.keystoreFile(), json);
    Address other = Address.of(KEYS.get(1).publicKey());
    Files.move(stored.keystoreFile(), store.path().resolve(other.toChecksumHex() + ".json"));
    Files.move(stored.passwordFile(), store.path().resolve(other.toChecksumHex() + ".password"));
    ValidatorKeyStoreException renamed = assertThrows(ValidatorKeyStoreException.class, store::unlockAll);
    assertEquals(Reason.BAD_KEYSTORE, renamed.reason());
    assertTrue(renamed.getMessage().endsWith("holds the key of " + stored.address().toChecksumHex()
        + ", not of the address it is named by"), renamed.getMessage());
  }

  @Test
  void filesThatAreNotStoredKeysAreIgnoredAndAKeystoreWithoutARecordIsRefused() throws IOException {
    ValidatorKeyStore store = ValidatorKeyStore.inDatadir(datadir);
    store.importKey(keystore(KEYS.get(0), PASSWORD), "v1.json", PASSWORD);
    Files.writeString(store.path().resolve("README"), "notes");
    Files.writeString(store.path().resolve(".0xhalf-written.tmp"), "{");
    Files.writeString(store.path().resolve("0x" + "00".repeat(20) + ".password"), "orphan\n");
    ValidatorKeyStore.Contents contents = store.contents();
    assertEquals(1, contents.validators().size());
    assertEquals(List.of(store.path().resolve("README")), contents.ignored());

    // A keystore dropped in by hand has no VRF record: listing it would show a key nobody checked.
    Address dropped = Address.of(KEYS.get(1).publicKey());
    Files.writeString(store.path().resolve(dropped.toChecksumHex() + ".json"), keystore(KEYS.get(1), PASSWORD));
    ValidatorKeyStoreException refused = assertThrows(ValidatorKeyStoreException.class, store::list);
    assertEquals(Reason.BAD_KEYSTORE, refused.reason());
    assertTrue(refused.getMessage().endsWith("has no valid x-luxtensor.vrfPublicKey: put keystores here with "
        + "luxtensor validator import"), refused.getMessage());
  }

  @Test
  void anOrphanPasswordFileFromAnInterruptedImportIsReplaced() throws IOException {
    ValidatorKeyStore store = ValidatorKeyStore.inDatadir(datadir);
    Address address = Address.of(KEYS.get(0).publicKey());
    Files.createDirectories(store.path());
    Files.writeString(store.path().resolve(address.toChecksumHex() + ".password"), "stale\n");
    store.importKey(keystore(KEYS.get(0), PASSWORD), "v1.json", PASSWORD);
    assertEquals(address, store.unlockAll().get(0).address());
  }

  @Test
  void theKeyLimitLeavesRoomForAFullValidatorSet() {
    assertTrue(ValidatorKeyStore.KEYS_MAX >= ValidatorSet.ACTIVE_VALIDATORS_MAX,
        "one node may hold every active validator's key");
    assertTrue(ValidatorKeyStore.FILES_MAX >= 2 * ValidatorKeyStore.KEYS_MAX, "each key is two files");
  }

  private static String keystore(PrivateKey key, String password) {
    return Keystore.encrypt(key, password, FAST, SeededRandom.of(7));
  }

  /** Every file in {@code directory} with its content. */
  private static List<String> snapshot(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().map(file -> {
        try {
          return file.getFileName() + "=" + Files.readString(file);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }
}
