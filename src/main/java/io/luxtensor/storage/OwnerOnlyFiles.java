package io.luxtensor.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold secrets (keystores, their passwords): created readable by their owner only (0600, in directories
 * 0700 where the file system has POSIX permissions), and written whole to a hidden temporary file in the same
 * directory before being moved into place, so no reader ever sees half a file.
 */
public final class OwnerOnlyFiles {
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

  private OwnerOnlyFiles() {}

  /**
   * Writes {@code text} to {@code file}, which must not exist yet; creates its directory (0700) if needed.
   *
   * @throws FileAlreadyExistsException if {@code file} exists
   */
  public static void create(Path file, String text) throws IOException {
    write(file, text, false);
  }

  /** Writes {@code text} to {@code file}, replacing what is there; creates its directory (0700) if needed. */
  public static void replace(Path file, String text) throws IOException {
    write(file, text, true);
  }

  /** Creates {@code directory} and any missing parents, 0700; one that exists is left as it is. */
  public static void createDirectories(Path directory) throws IOException {
    Files.createDirectories(directory, ownerOnly(directory, DIRECTORY));
  }

  private static void write(Path file, String text, boolean replace) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    createDirectories(directory);
    Path temporary = Files.createTempFile(directory, ".", ".tmp", ownerOnly(directory, FILE));
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      if (!replace && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new FileAlreadyExistsException(file.toString());
      }
      moveIntoPlace(temporary, file, replace);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** An atomic rename where the file system has one (it replaces the target: {@code write} checked for it). */
  private static void moveIntoPlace(Path temporary, Path file, boolean replace) throws IOException {
    try {
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      if (replace) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.move(temporary, file);
      }
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path where, Set<PosixFilePermission> permissions) {
    boolean posix = where.getFileSystem().supportedFileAttributeViews().contains("posix");
    return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
        : new FileAttribute<?>[0];
  }
}
