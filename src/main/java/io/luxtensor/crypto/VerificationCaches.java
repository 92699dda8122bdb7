package io.luxtensor.crypto;

/**
 * The process-wide memory of signatures recovered and VRF proofs verified ({@link Secp256k1#recover},
 * {@link Ecvrf#verify}). Forgetting changes no answer, only what the next checks cost: benchmarks that measure a node
 * meeting a chain for the first time forget between runs, since nodes sharing a JVM would otherwise share it.
 */
public final class VerificationCaches {
  private VerificationCaches() {}

  public static void forgetAll() {
    Secp256k1.RECOVERED.clear();
    Ecvrf.VERIFIED.clear();
  }
}
