package io.luxtensor.consensus;

import io.luxtensor.crypto.Keccak256;
import io.luxtensor.types.Hash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The chain's randomness. Each proposer proves ECVRF over (chain id, epoch) with its VRF key: the output is fixed by
 * key and epoch, so a proposer cannot grind it, only withhold its block. Each block folds its proposer's output into
 * the mix: {@code mix = keccak256(parentMix || vrfOutput)}.
 */
public final class Randao {
  private static final byte[] DOMAIN = "LUXTENSOR_RANDAO".getBytes(StandardCharsets.US_ASCII);

  private Randao() {}

  /** The VRF input of a proposer in {@code epoch}: domain || chain id || epoch. */
  public static byte[] vrfInput(long chainId, long epoch) {
    return ByteBuffer.allocate(DOMAIN.length + 2 * Long.BYTES).put(DOMAIN).putLong(chainId).putLong(epoch).array();
  }

  public static Hash nextMix(Hash parentMix, byte[] vrfOutput) {
    byte[] input = new byte[Hash.LENGTH + vrfOutput.length];
    System.arraycopy(parentMix.toBytes(), 0, input, 0, Hash.LENGTH);
    System.arraycopy(vrfOutput, 0, input, Hash.LENGTH, vrfOutput.length);
    return Hash.wrap(Keccak256.hash(input));
  }
}
