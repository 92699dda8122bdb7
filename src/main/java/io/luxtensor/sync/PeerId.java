package io.luxtensor.sync;

import io.luxtensor.crypto.PublicKey;
import io.luxtensor.types.Hash;

/** A peer's identity: the Keccak-256 hash of its node public key (64 bytes x || y), which it proves in the handshake. */
public record PeerId(Hash value) implements Comparable<PeerId> {
  public static PeerId of(PublicKey nodeKey) {
    return new PeerId(Hash.keccak(nodeKey.toBytes()));
  }

  @Override
  public int compareTo(PeerId other) {
    return value.compareTo(other.value);
  }

  /** The first 8 hex digits, as logs show a peer. */
  public String shortString() {
    return value.toHex().substring(2, 10);
  }
}
