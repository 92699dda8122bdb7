package io.luxtensor.consensus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.luxtensor.crypto.Ecvrf;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.testing.TestData;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A validator's VRF proofs, the last one kept: always the proof of the input asked for. */
class ValidatorKeysTest {
  private final PrivateKey key = new TestData(11).key();
  private final ValidatorKeys keys = ValidatorKeys.derivedFrom(key);

  @Test
  void theKeptProofIsTheProofOfTheInputAskedFor() {
    byte[] epoch1 = "epoch 1".getBytes(StandardCharsets.US_ASCII);
    byte[] epoch2 = "epoch 2".getBytes(StandardCharsets.US_ASCII);
    for (byte[] alpha : new byte[][] {epoch1, epoch1, epoch2, epoch1, epoch2, epoch2}) {
      byte[] proof = keys.proveVrf(alpha);
      assertArrayEquals(freshProof(alpha), proof);
      assertArrayEquals(Ecvrf.proofToHash(proof), Ecvrf.verify(keys.vrfPublicKey().toArray(), proof, alpha));
    }
  }

  @Test
  void changingAnAnswerOrAnInputChangesNoLaterAnswer() {
    byte[] alpha = "epoch 7".getBytes(StandardCharsets.US_ASCII);
    byte[] expected = keys.proveVrf(alpha);
    keys.proveVrf(alpha)[0] ^= 1;
    assertArrayEquals(expected, keys.proveVrf(alpha));

    byte[] changing = "epoch 8".getBytes(StandardCharsets.US_ASCII);
    keys.proveVrf(changing);
    changing[0] = 'E';
    assertArrayEquals(freshProof(changing), keys.proveVrf(changing));
  }

  /** The proof from keys that have proved nothing before. */
  private byte[] freshProof(byte[] alpha) {
    return ValidatorKeys.derivedFrom(key).proveVrf(alpha);
  }
}
