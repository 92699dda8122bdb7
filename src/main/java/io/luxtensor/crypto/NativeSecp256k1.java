package io.luxtensor.crypto;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.Arrays;
import java.util.Optional;

/**
 * Public-key recovery and signing by the system's libsecp256k1 (Bitcoin Core's library; Debian package
 * {@code libsecp256k1-1}), about four times faster than BouncyCastle's arithmetic, through JNA's direct mapping.
 * {@link Secp256k1} uses it when the library loads and checks inputs first, so this class sees only signatures whose
 * r and s are in range and low, and valid secret keys. The library's context is read-only after creation, so
 * concurrent calls are safe.
 */
final class NativeSecp256k1 {
  /** Set to {@code false} to recover with BouncyCastle even where libsecp256k1 is installed. */
  static final String ENABLED_PROPERTY = "luxtensor.secp256k1.native";
  private static final String LIBRARY = "secp256k1";
  /**
   * SECP256K1_CONTEXT_VERIFY | SECP256K1_CONTEXT_SIGN from secp256k1.h; accepted by every release, required by those
   * before 0.2.
   */
  private static final int CONTEXT_VERIFY_AND_SIGN = (1 << 0) | (1 << 8) | (1 << 9);
  /** SECP256K1_EC_UNCOMPRESSED. */
  private static final int UNCOMPRESSED = 1 << 1;
  private static final int RECOVERABLE_SIGNATURE_BYTES = 65;
  private static final int PUBLIC_KEY_BYTES = 64;

  private final Pointer context;

  private NativeSecp256k1(Pointer context) {
    this.context = context;
  }

  /** The library, if enabled and installed with its recovery module; empty otherwise (the reason is not fatal). */
  static Optional<NativeSecp256k1> load() {
    if (!Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true"))) {
      return Optional.empty();
    }
    try {
      Native.register(NativeSecp256k1.class, NativeLibrary.getInstance(LIBRARY));
    } catch (UnsatisfiedLinkError | NoClassDefFoundError absent) {
      return Optional.empty();
    }
    Pointer context = secp256k1_context_create(CONTEXT_VERIFY_AND_SIGN);
    return context == null ? Optional.empty() : Optional.of(new NativeSecp256k1(context));
  }

  /**
   * The uncompressed key x || y that signed {@code messageHash} with (r, s, recovery id) {@code compact} ‖ {@code
   * recoveryId}; empty if the library finds no key (r is no x-coordinate, or the point is at infinity).
   */
  Optional<byte[]> recover(byte[] messageHash, byte[] compact, int recoveryId) {
    byte[] signature = new byte[RECOVERABLE_SIGNATURE_BYTES];
    if (secp256k1_ecdsa_recoverable_signature_parse_compact(context, signature, compact, recoveryId) != 1) {
      return Optional.empty();
    }
    byte[] publicKey = new byte[PUBLIC_KEY_BYTES];
    if (secp256k1_ecdsa_recover(context, publicKey, signature, messageHash) != 1) {
      return Optional.empty();
    }
    byte[] serialized = new byte[PUBLIC_KEY_BYTES + 1];
    long[] length = {serialized.length};
    secp256k1_ec_pubkey_serialize(context, serialized, length, publicKey, UNCOMPRESSED);
    return Optional.of(Arrays.copyOfRange(serialized, 1, serialized.length));
  }

  /**
   * The signature of {@code messageHash} by {@code secretKey} as r ‖ s ‖ recovery id (65 bytes), with the library's
   * default nonce: RFC 6979 with HMAC-SHA256, as {@link Secp256k1#sign} derives it, and s always low; empty if the
   * library refuses (a secret key out of range, which callers rule out).
   */
  Optional<byte[]> sign(byte[] messageHash, byte[] secretKey) {
    byte[] signature = new byte[RECOVERABLE_SIGNATURE_BYTES];
    if (secp256k1_ecdsa_sign_recoverable(context, signature, messageHash, secretKey, null, null) != 1) {
      return Optional.empty();
    }
    byte[] compact = new byte[RECOVERABLE_SIGNATURE_BYTES];
    int[] recoveryId = new int[1];
    secp256k1_ecdsa_recoverable_signature_serialize_compact(context, compact, recoveryId, signature);
    compact[64] = (byte) recoveryId[0];
    return Optional.of(compact);
  }

  private static native Pointer secp256k1_context_create(int flags);

  private static native int secp256k1_ecdsa_sign_recoverable(Pointer context, byte[] signature, byte[] messageHash32,
      byte[] secretKey32, Pointer nonceFunction, Pointer nonceData);

  private static native int secp256k1_ecdsa_recoverable_signature_serialize_compact(Pointer context, byte[] output64,
      int[] recoveryId, byte[] signature);

  private static native int secp256k1_ecdsa_recoverable_signature_parse_compact(Pointer context, byte[] signature,
      byte[] input64, int recoveryId);

  private static native int secp256k1_ecdsa_recover(Pointer context, byte[] publicKey, byte[] signature,
      byte[] messageHash32);

  private static native int secp256k1_ec_pubkey_serialize(Pointer context, byte[] output, long[] outputLength,
      byte[] publicKey, int flags);
}
