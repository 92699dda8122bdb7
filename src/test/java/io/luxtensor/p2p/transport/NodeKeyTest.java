package io.luxtensor.p2p.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.sync.PeerId;
import io.luxtensor.testing.SeededRandom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeKeyTest {
  @TempDir Path dir;

  @Test
  void createsOnceThenLoadsTheSameKey() throws IOException {
    Path file = dir.resolve("keys/node.key");
    NodeKey created = NodeKey.loadOrCreate(file, SeededRandom.of(1));
    NodeKey loaded = NodeKey.loadOrCreate(file, SeededRandom.of(2));

    assertEquals(created.privateKey(), loaded.privateKey());
    assertEquals(created.publicKey(), loaded.publicKey());
    assertEquals(PeerId.of(created.publicKey()), loaded.peerId());
    assertTrue(Files.readString(file).strip().matches("[0-9a-f]{64}"));
  }

  @Test
  void theFileIsReadableByItsOwnerOnly() throws IOException {
    Path file = dir.resolve("node.key");
    NodeKey.loadOrCreate(file, SeededRandom.of(3));
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
  }

  @Test
  void aCorruptFileIsRefusedNotReplaced() throws IOException {
    Path file = dir.resolve("node.key");
    Files.writeString(file, "not a key\n");
    IOException e = assertThrows(IOException.class, () -> NodeKey.loadOrCreate(file, SeededRandom.of(4)));
    assertTrue(e.getMessage().contains("64 hex digits"), e.getMessage());
    assertEquals("not a key\n", Files.readString(file));
  }

  @Test
  void toStringDoesNotRevealThePrivateKey() throws IOException {
    NodeKey key = NodeKey.loadOrCreate(dir.resolve("node.key"), SeededRandom.of(5));
    String hex = Files.readString(dir.resolve("node.key")).strip();
    assertTrue(!key.toString().contains(hex) && !key.privateKey().toString().contains(hex));
  }
}
