package io.luxtensor.node.validators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.bytes.Hex;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.crypto.Ecvrf;
import io.luxtensor.crypto.Keystore;
import io.luxtensor.crypto.KeystoreException;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.node.validators.ValidatorKeyStoreException.Reason;
import io.luxtensor.storage.OwnerOnlyFiles;
import io.luxtensor.types.Address;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The validator keys of a node, in {@code DATADIR/validators/}: for each validator {@code ADDRESS.json}, its Web3
 * Secret Storage v3 keystore, and {@code ADDRESS.password}, the password that opens it (Teku's and Lighthouse's way
 * to let a node start unattended), both 0600 in a 0700 directory, ADDRESS in EIP-55 form. The keystore is stored as
 * imported, with its {@code address} field set and the validator's ECVRF public key recorded under
 * {@code "x-luxtensor"} (a field other wallets ignore), so listing opens no key.
 */
public final class ValidatorKeyStore {
  /** The store's directory inside a data directory. */
  public static final String DIRECTORY_NAME = "validators";
  /**
   * A chain has at most {@link ValidatorSet#ACTIVE_VALIDATORS_MAX} active validators; ten times that leaves room
   * for the keys of exited validators and of other chains, and is still a directory a person can read.
   */
  public static final int KEYS_MAX = 10 * ValidatorSet.ACTIVE_VALIDATORS_MAX;
  /** Two files a key, and as many again of anything else, before it is the wrong directory. */
  static final int FILES_MAX = 4 * KEYS_MAX;
  /** The limit of {@code crypto.KeystoreFile}: a v3 file is about 500 bytes. */
  public static final long KEYSTORE_BYTES_MAX = 64 * 1024;
  /** A password file holds one line; no password comes near 4 KiB. */
  public static final long PASSWORD_BYTES_MAX = 4096;
  static final String KEYSTORE_SUFFIX = ".json";
  static final String PASSWORD_SUFFIX = ".password";
  /** The field wallet files keep LuxTensor's additions under (as {@code cli.KeyFileFormat} does). */
  static final String EXTENSION_FIELD = "x-luxtensor";
  static final String VRF_PUBLIC_KEY_FIELD = "vrfPublicKey";
  private static final String ADDRESS_FIELD = "address";
  private static final String LOCK_FILE = ".lock";
  private static final Pattern KEYSTORE_NAME = Pattern.compile("0x[0-9a-fA-F]{40}" + Pattern.quote(KEYSTORE_SUFFIX));
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;

  public ValidatorKeyStore(Path directory) {
    this.directory = directory;
  }

  /** The store of the data directory {@code datadir}. */
  public static ValidatorKeyStore inDatadir(Path datadir) {
    return new ValidatorKeyStore(datadir.resolve(DIRECTORY_NAME));
  }

  /**
   * What the directory holds.
   *
   * @param validators the stored keys, by address
   * @param ignored files that are not a stored key or its password (dot files, such as half-written ones, are
   *     not listed)
   */
  public record Contents(List<StoredValidator> validators, List<Path> ignored) {}

  public Path path() {
    return directory;
  }

  /**
   * The keys stored, without opening any; an empty store if the directory does not exist.
   *
   * @throws ValidatorKeyStoreException if the directory cannot be read, holds too many files, or a keystore has no
   *     valid record of its VRF public key
   */
  public Contents contents() {
    if (!Files.isDirectory(directory)) {
      return new Contents(List.of(), List.of());
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.limit(FILES_MAX + 1L).sorted().toList();
    } catch (IOException e) {
      throw new ValidatorKeyStoreException(Reason.UNREADABLE, "cannot list " + directory + " (" + e.getMessage()
          + ")", e);
    }
    if (files.size() > FILES_MAX) {
      throw new ValidatorKeyStoreException(Reason.UNREADABLE, directory + " has more than " + FILES_MAX
          + " files: it is not a validator key store");
    }
    List<StoredValidator> validators = new ArrayList<>();
    List<Path> ignored = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.startsWith(".") || name.endsWith(PASSWORD_SUFFIX)) {
        continue;
      }
      if (KEYSTORE_NAME.matcher(name).matches() && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        validators.add(stored(file));
      } else {
        ignored.add(file);
      }
    }
    if (validators.size() > KEYS_MAX) {
      throw new ValidatorKeyStoreException(Reason.TOO_MANY_KEYS, directory + " holds " + validators.size()
          + " validator keys, more than the " + KEYS_MAX + " a node holds");
    }
    validators.sort(Comparator.comparing(StoredValidator::address));
    return new Contents(List.copyOf(validators), List.copyOf(ignored));
  }

  /** The keys stored, by address. */
  public List<StoredValidator> list() {
    return contents().validators();
  }

  /**
   * Checks that {@code address} has no key here yet (commands check before asking for a password, and
   * {@link #importKey} again before writing).
   *
   * @throws ValidatorKeyStoreException ({@link Reason#ALREADY_IMPORTED}) naming the file that holds it
   */
  public void requireNotImported(Address address) {
    for (StoredValidator held : list()) {
      if (held.address().equals(address)) {
        throw new ValidatorKeyStoreException(Reason.ALREADY_IMPORTED, "validator " + address.toChecksumHex()
            + " is already imported (" + held.keystoreFile() + ")");
      }
    }
  }

  /**
   * Stores {@code keystoreJson} and {@code password} as a validator key, once the password is known to open it.
   * The password file is written before the keystore, each whole and owner-only, and imports into one directory
   * take turns (a lock file), so the store never holds a keystore without its password or two of one address.
   *
   * @param label how messages name the keystore: "wrong password for LABEL"
   * @throws ValidatorKeyStoreException if the password is wrong, the keystore is not one, the address is already
   *     here, the store is full, or a file cannot be written; nothing is written then
   */
  public StoredValidator importKey(String keystoreJson, String label, String password) {
    ValidatorKeys keys = ValidatorKeys.derivedFrom(decrypt(keystoreJson, password, label,
        "wrong password for " + label));
    Address address = keys.address();
    StoredValidator stored = new StoredValidator(address, keys.vrfPublicKey(),
        directory.resolve(address.toChecksumHex() + KEYSTORE_SUFFIX),
        directory.resolve(address.toChecksumHex() + PASSWORD_SUFFIX));
    try {
      OwnerOnlyFiles.createDirectories(directory);
      try (FileChannel lockFile = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
        requireRoomFor(stored);
        // An interrupted import may have left the password file alone; the keystore is what makes a key stored.
        OwnerOnlyFiles.replace(stored.passwordFile(), password + "\n");
        try {
          OwnerOnlyFiles.create(stored.keystoreFile(), withRecord(keystoreJson, keys));
        } catch (IOException e) {
          Files.deleteIfExists(stored.passwordFile());
          throw e;
        }
      }
    } catch (FileAlreadyExistsException e) {
      throw new ValidatorKeyStoreException(Reason.ALREADY_IMPORTED, "validator " + address.toChecksumHex()
          + " is already imported (" + e.getFile() + ")", e);
    } catch (IOException e) {
      throw new ValidatorKeyStoreException(Reason.UNREADABLE, "cannot write the validator key into " + directory
          + " (" + e.getMessage() + ")", e);
    }
    return stored;
  }

  /** Inside the lock: no key of this address, no file in the way of its keystore, and room for one more key. */
  private void requireRoomFor(StoredValidator stored) {
    requireNotImported(stored.address());
    if (Files.exists(stored.keystoreFile(), LinkOption.NOFOLLOW_LINKS)) {
      throw new ValidatorKeyStoreException(Reason.UNREADABLE, stored.keystoreFile() + " is in the way: it is "
          + "not a regular file; move it away");
    }
    int held = list().size();
    if (held >= KEYS_MAX) {
      throw new ValidatorKeyStoreException(Reason.TOO_MANY_KEYS, directory + " holds " + held
          + " validator keys, the most a node holds");
    }
  }

  /**
   * The keys of {@code validator}, opened with its password file.
   *
   * @throws ValidatorKeyStoreException naming the file: no or an unreadable password file, a wrong password, or a
   *     keystore that holds another key than its name and record say
   */
  public ValidatorKeys unlock(StoredValidator validator) {
    String who = "validator " + validator.address().toChecksumHex();
    String password;
    try {
      password = firstLine(read(validator.passwordFile(), PASSWORD_BYTES_MAX, "password file"));
    } catch (NoSuchFileException e) {
      throw new ValidatorKeyStoreException(Reason.NO_PASSWORD_FILE, "no password file " + validator.passwordFile()
          + " for " + who + ": write its keystore's password into it (chmod 600), or remove "
          + validator.keystoreFile() + " and import the key again", e);
    } catch (IOException e) {
      throw new ValidatorKeyStoreException(Reason.UNREADABLE, "cannot read " + validator.passwordFile() + " ("
          + e.getMessage() + ")", e);
    }
    ValidatorKeys keys = ValidatorKeys.derivedFrom(decrypt(readKeystore(validator.keystoreFile()), password,
        validator.keystoreFile().toString(), "wrong password for " + who + ": " + validator.passwordFile()
            + " does not open " + validator.keystoreFile()));
    if (!keys.address().equals(validator.address())) {
      throw new ValidatorKeyStoreException(Reason.BAD_KEYSTORE, validator.keystoreFile() + " holds the key of "
          + keys.address().toChecksumHex() + ", not of the address it is named by");
    }
    if (!keys.vrfPublicKey().equals(validator.vrfPublicKey())) {
      throw new ValidatorKeyStoreException(Reason.BAD_KEYSTORE, validator.keystoreFile() + " records another VRF "
          + "public key than its key derives: the file was edited; remove it and import the key again");
    }
    return keys;
  }

  /**
   * The keys of every stored validator, by address.
   *
   * @throws ValidatorKeyStoreException for the first key that does not open, naming its files
   */
  public List<ValidatorKeys> unlockAll() {
    return list().stream().map(this::unlock).toList();
  }

  /** The stored key in {@code file}, named {@code ADDRESS.json}. */
  private StoredValidator stored(Path file) {
    String name = file.getFileName().toString();
    String stem = name.substring(0, name.length() - KEYSTORE_SUFFIX.length());
    Address address;
    try {
      address = Address.fromHex(stem);
    } catch (IllegalArgumentException e) {
      throw new ValidatorKeyStoreException(Reason.BAD_KEYSTORE, file + " is not named by an address: "
          + e.getMessage(), e);
    }
    Bytes vrfPublicKey = recordedVrfPublicKey(readKeystore(file)).orElseThrow(() -> new ValidatorKeyStoreException(
        Reason.BAD_KEYSTORE, file + " has no valid " + EXTENSION_FIELD + "." + VRF_PUBLIC_KEY_FIELD + ": put "
            + "keystores here with luxtensor validator import"));
    return new StoredValidator(address, vrfPublicKey, file, file.resolveSibling(stem + PASSWORD_SUFFIX));
  }

  private static Optional<Bytes> recordedVrfPublicKey(String keystoreJson) {
    try {
      JsonNode field = JSON.readTree(keystoreJson).path(EXTENSION_FIELD).path(VRF_PUBLIC_KEY_FIELD);
      if (field.isTextual()) {
        Bytes key = Bytes.fromHex(field.textValue());
        return key.length() == Ecvrf.PUBLIC_KEY_BYTES ? Optional.of(key) : Optional.empty();
      }
      return Optional.empty();
    } catch (IOException | IllegalArgumentException notThere) {
      return Optional.empty();
    }
  }

  /** {@code keystoreJson} with the address it holds and its VRF public key recorded; every other field as it was. */
  private static String withRecord(String keystoreJson, ValidatorKeys keys) throws IOException {
    if (!(JSON.readTree(keystoreJson) instanceof ObjectNode file)) {
      throw new IllegalStateException("a keystore that decrypts is a JSON object");
    }
    file.put(ADDRESS_FIELD, Hex.encodeNoPrefix(keys.address().toBytes()));
    ObjectNode extension = file.get(EXTENSION_FIELD) instanceof ObjectNode existing
        ? existing : file.putObject(EXTENSION_FIELD);
    extension.put(VRF_PUBLIC_KEY_FIELD, keys.vrfPublicKey().toHex());
    return file.toString();
  }

  private static PrivateKey decrypt(String keystoreJson, String password, String label, String wrongPassword) {
    try {
      return Keystore.decrypt(keystoreJson, password);
    } catch (KeystoreException e) {
      if (e.reason() == KeystoreException.Reason.WRONG_PASSWORD) {
        throw new ValidatorKeyStoreException(Reason.WRONG_PASSWORD, wrongPassword, e);
      }
      throw new ValidatorKeyStoreException(Reason.BAD_KEYSTORE, label + ": " + e.getMessage(), e);
    }
  }

  private static String readKeystore(Path file) {
    try {
      return read(file, KEYSTORE_BYTES_MAX, "keystore");
    } catch (IOException e) {
      throw new ValidatorKeyStoreException(Reason.UNREADABLE, "cannot read " + file + " (" + e.getMessage() + ")",
          e);
    }
  }

  private static String read(Path file, long bytesMax, String what) throws IOException {
    if (Files.size(file) > bytesMax) {
      throw new ValidatorKeyStoreException(Reason.UNREADABLE, file + " is larger than " + bytesMax + " bytes: not a "
          + what);
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** Geth's rule for password files: the first line, without its line ending. */
  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
