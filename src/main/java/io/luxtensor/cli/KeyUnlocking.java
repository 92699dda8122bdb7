package io.luxtensor.cli;

import io.luxtensor.crypto.Keystore;
import io.luxtensor.crypto.KeystoreException;
import io.luxtensor.crypto.PrivateKey;

/** Opens a keystore file with its password, turning the keystore's refusals into one-line errors. */
final class KeyUnlocking {
  private KeyUnlocking() {}

  /**
   * The key in {@code keystoreJson}.
   *
   * @param label how the error names the key: "wrong password for LABEL"
   */
  static PrivateKey unlock(String keystoreJson, String label, String password) {
    try {
      return Keystore.decrypt(keystoreJson, password);
    } catch (KeystoreException e) {
      if (e.reason() == KeystoreException.Reason.WRONG_PASSWORD) {
        throw new CliException(ExitCodes.FAILED, "wrong password for " + label);
      }
      throw new CliException(ExitCodes.FAILED, label + ": " + e.getMessage(), e);
    }
  }
}
