package io.luxtensor.crypto;

import io.luxtensor.crypto.KeystoreException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.crypto.StreamCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * Web3 Secret Storage v3: the password-encrypted key files of Geth, MetaMask and web3j. The key is encrypted with
 * AES-128-CTR under the first half of a key derived from the password (scrypt or PBKDF2-HMAC-SHA256); the second half
 * authenticates the ciphertext through keccak256(derived[16..32] || ciphertext).
 *
 * <p>The format does not authenticate the IV: a file with an edited IV decrypts to another, valid-looking key. The
 * optional {@code address} field is the only guard, so {@link #decrypt} checks it whenever it is present and
 * {@link #encrypt} always writes it.
 */
public final class Keystore {
  private static final int SALT_LENGTH = 32;
  private static final int UUID_LENGTH = 16;
  private static final int AES_KEY_LENGTH = 16;

  private Keystore() {}

  /**
   * The private key in {@code json}, a v3 keystore file.
   *
   * @throws KeystoreException if the file is malformed, unsupported, over a limit, or the password does not match
   */
  public static PrivateKey decrypt(String json, String password) {
    KeystoreFile file = KeystoreFile.parse(json);
    byte[] derived = file.kdf().deriveKey(utf8(password), file.salt());
    try {
      if (!MessageDigest.isEqual(mac(derived, file.ciphertext()), file.mac())) {
        throw new KeystoreException(Reason.WRONG_PASSWORD);
      }
      byte[] plaintext = aes128Ctr(derived, file.iv(), file.ciphertext());
      PrivateKey key;
      try {
        key = PrivateKey.fromBytes(plaintext);
      } catch (IllegalArgumentException outOfRange) {
        throw new KeystoreException(Reason.INVALID_FIELD, "crypto.ciphertext decrypts to a scalar outside [1, n-1]");
      } finally {
        Arrays.fill(plaintext, (byte) 0);
      }
      if (file.address().isPresent() && !Arrays.equals(file.address().get(), key.publicKey().address())) {
        throw new KeystoreException(Reason.ADDRESS_MISMATCH, "address field differs from the decrypted key's address");
      }
      return key;
    } finally {
      Arrays.fill(derived, (byte) 0);
    }
  }

  /**
   * A v3 keystore file holding {@code key} under {@code password}. Salt, IV and the file's UUID (version 4) all come
   * from {@code random}, so the same random stream gives the same file.
   */
  public static String encrypt(PrivateKey key, String password, KdfParams kdf, SecureRandom random) {
    byte[] salt = randomBytes(random, SALT_LENGTH);
    byte[] iv = randomBytes(random, KeystoreFile.IV_LENGTH);
    String id = uuidV4(randomBytes(random, UUID_LENGTH));
    byte[] derived = kdf.deriveKey(utf8(password), salt);
    byte[] plaintext = key.toBytes();
    try {
      byte[] ciphertext = aes128Ctr(derived, iv, plaintext);
      KeystoreFile file = new KeystoreFile(
          Optional.of(key.publicKey().address()), id, kdf, salt, iv, ciphertext, mac(derived, ciphertext));
      return file.toJson();
    } finally {
      Arrays.fill(derived, (byte) 0);
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private static byte[] mac(byte[] derived, byte[] ciphertext) {
    byte[] input = new byte[16 + ciphertext.length];
    System.arraycopy(derived, 16, input, 0, 16);
    System.arraycopy(ciphertext, 0, input, 16, ciphertext.length);
    return Keccak256.hash(input);
  }

  /** AES-128-CTR with the whole 16-byte IV as the big-endian counter; encryption and decryption are the same. */
  private static byte[] aes128Ctr(byte[] derived, byte[] iv, byte[] input) {
    StreamCipher cipher = SICBlockCipher.newInstance(AESEngine.newInstance());
    cipher.init(true, new ParametersWithIV(new KeyParameter(derived, 0, AES_KEY_LENGTH), iv));
    byte[] output = new byte[input.length];
    cipher.processBytes(input, 0, input.length, output, 0);
    return output;
  }

  private static String uuidV4(byte[] random) {
    random[6] = (byte) ((random[6] & 0x0f) | 0x40);
    random[8] = (byte) ((random[8] & 0x3f) | 0x80);
    String hex = HexFormat.of().formatHex(random);
    return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20)
        + "-" + hex.substring(20);
  }

  private static byte[] randomBytes(SecureRandom random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] utf8(String password) {
    if (password == null) {
      throw new IllegalArgumentException("password is null; use \"\" for none");
    }
    return password.getBytes(StandardCharsets.UTF_8);
  }
}
