package io.luxtensor.types;

import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.Keccak256;
import java.util.Arrays;

/**
 * The 2048-bit log bloom filter of Ethereum's receipts and headers: each log address and topic sets three bits,
 * chosen by the low 11 bits of the first three byte pairs of its Keccak-256 hash.
 */
public final class Bloom {
  public static final int LENGTH = 256;
  public static final Bloom EMPTY = new Bloom(new byte[LENGTH]);

  private final byte[] bits;

  private Bloom(byte[] bits) {
    this.bits = bits;
  }

  public static Bloom wrap(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a bloom is 256 bytes, got " + bytes.length);
    }
    return new Bloom(bytes.clone());
  }

  /** The bloom of a set of logs: their addresses and topics ({@link #EMPTY}, shared, for no logs, as a transfer's). */
  public static Bloom of(Iterable<Log> logs) {
    byte[] bits = null;
    for (Log log : logs) {
      bits = bits != null ? bits : new byte[LENGTH];
      set(bits, log.address().toBytes());
      for (Hash topic : log.topics()) {
        set(bits, topic.toBytes());
      }
    }
    return bits == null ? EMPTY : new Bloom(bits);
  }

  /** The union of {@code blooms}, as a block's bloom is of its receipts'. */
  public static Bloom union(Iterable<Bloom> blooms) {
    byte[] out = new byte[LENGTH];
    for (Bloom bloom : blooms) {
      for (int i = 0; i < LENGTH; i++) {
        out[i] |= bloom.bits[i];
      }
    }
    return new Bloom(out);
  }

  /** False means {@code value} (an address or topic) is certainly absent; true means it may be present. */
  public boolean mightContain(byte[] value) {
    byte[] probe = new byte[LENGTH];
    set(probe, value);
    for (int i = 0; i < LENGTH; i++) {
      if ((bits[i] & probe[i]) != probe[i]) {
        return false;
      }
    }
    return true;
  }

  private static void set(byte[] bits, byte[] value) {
    byte[] hash = Keccak256.hash(value);
    for (int i = 0; i < 6; i += 2) {
      int bit = ((hash[i] & 0x07) << 8) | (hash[i + 1] & 0xff);
      bits[LENGTH - 1 - bit / 8] |= (byte) (1 << (bit % 8));
    }
  }

  public byte[] toBytes() {
    return bits.clone();
  }

  /** The filter's bytes themselves, for encoders in this package that copy them out and never modify them. */
  byte[] bytesShared() {
    return bits;
  }

  public String toHex() {
    return Hex.encode(bits);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bloom other && Arrays.equals(bits, other.bits);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bits);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
