package io.luxtensor.sync;

import io.luxtensor.types.Hash;
import java.util.Objects;

/**
 * What a peer last said about its chain, in its Status handshake or a later update. Claims, not facts: the
 * scheduler trusts a number only as far as the peer delivers the blocks it implies.
 *
 * @param headNumber the number of its head block
 * @param headHash the hash of its head block
 * @param finalizedNumber the number of its latest finalized block
 * @param finalizedHash the hash of that block
 */
public record PeerStatus(long headNumber, Hash headHash, long finalizedNumber, Hash finalizedHash) {
  public PeerStatus {
    Objects.requireNonNull(headHash, "headHash");
    Objects.requireNonNull(finalizedHash, "finalizedHash");
    if (finalizedNumber < 0 || finalizedNumber > headNumber) {
      throw new IllegalArgumentException(
          "finalized block " + finalizedNumber + " must lie between genesis and the head " + headNumber);
    }
  }

  /** Whether this peer finalized the block {@code number} with a hash other than {@code hash}. */
  boolean conflictsWith(long number, Hash hash) {
    return finalizedNumber == number && !finalizedHash.equals(hash);
  }
}
