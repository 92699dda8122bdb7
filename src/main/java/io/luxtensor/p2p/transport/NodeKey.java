package io.luxtensor.p2p.transport;

import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.crypto.PublicKey;
import io.luxtensor.storage.OwnerOnlyFiles;
import io.luxtensor.sync.PeerId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * A node's secp256k1 identity: the handshake proves it, and peers know the node by its {@link PeerId}. Kept as the
 * 64 hex digits of the private key in a file readable only by its owner, so the identity survives restarts.
 */
public final class NodeKey {
  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  public NodeKey(PrivateKey privateKey) {
    this.privateKey = privateKey;
    this.publicKey = privateKey.publicKey();
  }

  /**
   * The key in {@code file}, or a new one from {@code random} written there (0600) if the file does not exist.
   *
   * @throws IOException if the file cannot be read or written, or does not hold a valid private key
   */
  public static NodeKey loadOrCreate(Path file, SecureRandom random) throws IOException {
    if (!Files.exists(file)) {
      PrivateKey fresh = PrivateKey.random(random);
      try {
        OwnerOnlyFiles.create(file, Hex.encodeNoPrefix(fresh.toBytes()) + "\n");
        return new NodeKey(fresh);
      } catch (FileAlreadyExistsException raced) {
        // Another process created it between our check and our write: its key is the one to keep.
      }
    }
    return load(file);
  }

  private static NodeKey load(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    try {
      return new NodeKey(PrivateKey.fromBytes(Hex.decodeFixed(text, 32)));
    } catch (IllegalArgumentException e) {
      throw new IOException("node key file " + file + " does not hold a secp256k1 private key as 64 hex digits: "
          + e.getMessage(), e);
    }
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public PeerId peerId() {
    return PeerId.of(publicKey);
  }

  @Override
  public String toString() {
    return "NodeKey[" + peerId().shortString() + "]";
  }
}
