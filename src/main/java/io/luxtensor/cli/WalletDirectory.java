package io.luxtensor.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.storage.OwnerOnlyFiles;
import io.luxtensor.types.Address;
import io.luxtensor.types.AddressFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The keystore directory: one Web3 Secret Storage file per key, as Geth keeps them, so Geth can use the directory
 * and any file in it can be imported into MetaMask. Files other wallets put there are listed too, by address.
 */
final class WalletDirectory {
  /** A personal keystore holds a handful of keys; a directory with more files than this is the wrong directory. */
  static final int KEY_FILES_MAX = 10_000;
  /** The largest keystore file read: the limit of {@code crypto.KeystoreFile} (a v3 file is about 500 bytes). */
  static final long KEY_FILE_BYTES_MAX = 64 * 1024;

  private final Path directory;

  WalletDirectory(Path directory) {
    this.directory = directory;
  }

  /**
   * The files read: keys, and files skipped because they are not key files.
   *
   * @param keys in file name order, which for Geth's names is the order they were created in
   * @param skipped regular files that are not keystores with an address
   */
  record Contents(List<WalletKey> keys, List<Path> skipped) {}

  Path path() {
    return directory;
  }

  Contents contents() {
    if (!Files.isDirectory(directory)) {
      return new Contents(List.of(), List.of());
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.limit(KEY_FILES_MAX + 1L).sorted().toList();
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILED, "cannot list the keystore " + directory + " (" + e.getMessage() + ")", e);
    }
    if (files.size() > KEY_FILES_MAX) {
      throw new CliException(ExitCodes.FAILED, "the keystore " + directory + " has more than " + KEY_FILES_MAX
          + " files: is --keystore the right directory?");
    }
    List<WalletKey> keys = new ArrayList<>();
    List<Path> skipped = new ArrayList<>();
    for (Path file : files) {
      if (isIgnored(file)) {
        continue;
      }
      readKey(file).ifPresentOrElse(keys::add, () -> skipped.add(file));
    }
    return new Contents(List.copyOf(keys), List.copyOf(skipped));
  }

  /**
   * The key with this name (any case) or address.
   *
   * @throws CliException with {@link ExitCodes#NOT_FOUND} if there is none
   */
  WalletKey find(String nameOrAddress) {
    List<WalletKey> keys = contents().keys();
    Optional<Address> address = parseAddress(nameOrAddress);
    if (address.isPresent()) {
      return keys.stream().filter(key -> key.address().equals(address.get())).findFirst()
          .orElseThrow(() -> CliException.notFound("no key for " + address.get().toChecksumHex() + " in "
              + directory + " (luxtensor wallet list)"));
    }
    String wanted = new KeyName(nameOrAddress).key();
    List<WalletKey> named = keys.stream()
        .filter(key -> key.name().map(KeyName::key).filter(wanted::equals).isPresent()).toList();
    if (named.isEmpty()) {
      throw CliException.notFound("no key named " + nameOrAddress + " in " + directory + " (luxtensor wallet list)");
    }
    if (named.size() > 1) {
      throw new CliException(ExitCodes.FAILED, named.size() + " keys are named " + nameOrAddress + ": "
          + named.stream().map(key -> key.file().getFileName().toString()).toList() + "; use the address instead");
    }
    return named.get(0);
  }

  /**
   * Stores a key file for {@code address} under {@code name} (or the first free account-N), written at {@code now}.
   *
   * @param keystoreJson a v3 keystore of {@code address}, already known to decrypt
   * @throws CliException if the name or the address is already in the directory
   */
  WalletKey add(Optional<KeyName> name, Address address, String keystoreJson, Instant now) {
    List<WalletKey> keys = requireFree(name, Optional.of(address));
    Set<String> taken = new HashSet<>();
    keys.forEach(key -> key.name().ifPresent(n -> taken.add(n.key())));
    KeyName chosen = name.orElseGet(() -> KeyName.firstFree(taken));
    Path file = directory.resolve(KeyFileFormat.fileName(now, address));
    write(file, KeyFileFormat.named(keystoreJson, chosen, address));
    return new WalletKey(Optional.of(chosen), address, file);
  }

  /**
   * Checks that no key has {@code name} or {@code address} (commands check before asking for a password, and
   * {@link #add} again before writing).
   *
   * @return the keys in the directory
   * @throws CliException naming the key that has them
   */
  List<WalletKey> requireFree(Optional<KeyName> name, Optional<Address> address) {
    List<WalletKey> keys = contents().keys();
    for (WalletKey key : keys) {
      if (address.isPresent() && key.address().equals(address.get())) {
        throw new CliException(ExitCodes.FAILED, address.get().toChecksumHex() + " is already in the keystore as "
            + key.label() + " (" + key.file() + ")");
      }
      if (name.isPresent() && key.name().map(KeyName::key).filter(name.get().key()::equals).isPresent()) {
        throw new CliException(ExitCodes.FAILED, "a key named " + key.label() + " already exists ("
            + key.address().toChecksumHex() + ")");
      }
    }
    return keys;
  }

  /** Whether no key has {@code name}. */
  boolean isFree(KeyName name) {
    return contents().keys().stream().noneMatch(key -> key.name().map(KeyName::key).filter(name.key()::equals)
        .isPresent());
  }

  /** The keystore JSON of {@code key}. */
  String read(WalletKey key) {
    return readKeyFile(key.file());
  }

  private Optional<WalletKey> readKey(Path file) {
    try {
      if (Files.size(file) > KEY_FILE_BYTES_MAX) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    Optional<ObjectNode> json = KeyFileFormat.object(readKeyFile(file));
    return json.flatMap(KeyFileFormat::address)
        .map(address -> new WalletKey(KeyFileFormat.name(json.get()), address, file));
  }

  /** The text of a keystore file anywhere, refusing files over {@link #KEY_FILE_BYTES_MAX}. */
  static String readKeyFile(Path file) {
    try {
      if (Files.size(file) > KEY_FILE_BYTES_MAX) {
        throw new CliException(ExitCodes.FAILED, file + " is larger than " + KEY_FILE_BYTES_MAX
            + " bytes: not a keystore file");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCodes.FAILED, "no such file " + file);
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILED, "cannot read " + file + " (" + e.getMessage() + ")", e);
    }
  }

  /** Written whole before it appears, readable by the owner only (see {@link OwnerOnlyFiles}). */
  private static void write(Path file, String json) {
    try {
      OwnerOnlyFiles.create(file, json);
    } catch (FileAlreadyExistsException e) {
      throw new CliException(ExitCodes.FAILED, file + " already exists", e);
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILED, "cannot write " + file + " (" + e.getMessage() + ")", e);
    }
  }

  /** Geth's rule: only regular files count, and dot files, editor backups (~) are not keys. */
  private static boolean isIgnored(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(".") || name.endsWith("~") || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
  }

  /** The address {@code text} spells, if it looks like one; a wrong EIP-55 checksum is an error, not a name. */
  private static Optional<Address> parseAddress(String text) {
    if (!KeyName.looksLikeAddress(text)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Address.fromHex(text));
    } catch (AddressFormatException e) {
      throw CliException.usage(e.getMessage());
    }
  }
}
