package io.luxtensor.types;

import io.luxtensor.crypto.Keccak256;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.crypto.Secp256k1;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpItem;
import io.luxtensor.rlp.RlpList;
import io.luxtensor.rlp.RlpString;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A validator's vote in a slot: the head it sees, and the link from its justified checkpoint (source) to the
 * checkpoint it votes to justify (target).
 *
 * @param slot the slot voted in
 * @param head the head block the validator sees
 * @param source the validator's justified checkpoint
 * @param target the checkpoint voted for
 */
public record Vote(long slot, Hash head, Checkpoint source, Checkpoint target) {
  private static final byte[] DOMAIN = "LUXTENSOR_VOTE".getBytes(StandardCharsets.US_ASCII);

  public Vote {
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
  }

  /** What a validator signs: the vote bound to a chain, so it cannot be replayed on another. */
  public byte[] signingHash(long chainId) {
    return Keccak256.hash(Rlp.encode(RlpList.of(RlpString.of(DOMAIN), RlpString.of(chainId), RlpString.of(slot),
        RlpString.of(head.toBytes()), source.toRlp(), target.toRlp())));
  }

  public RlpList toRlp() {
    return RlpList.of(RlpString.of(slot), RlpString.of(head.toBytes()), source.toRlp(), target.toRlp());
  }

  /** @throws io.luxtensor.rlp.RlpDecodingException naming the malformed field */
  public static Vote fromRlp(RlpItem item) {
    RlpList f = item.asList("vote").expectSize("vote", 4);
    return new Vote(f.get(0).asString("vote.slot").asLong("vote.slot"),
        Hash.wrap(f.get(1).asString("vote.head").asBytes("vote.head", Hash.LENGTH)),
        Checkpoint.fromRlp(f.get(2), "vote.source"), Checkpoint.fromRlp(f.get(3), "vote.target"));
  }

  public SignedVote sign(long chainId, PrivateKey key) {
    return new SignedVote(this, Address.of(key.publicKey()),
        Secp256k1.sign(signingHash(chainId), key));
  }
}
