package io.luxtensor.types;

import io.luxtensor.rlp.RlpDecodingException;
import io.luxtensor.rlp.RlpItem;
import io.luxtensor.rlp.RlpList;
import io.luxtensor.rlp.RlpString;

/**
 * Proof that a validator signed two messages it must never sign together. Anyone may include it in a block; the
 * offender is slashed. Whether it really proves an offence (signatures, slots, distinct messages) is checked by
 * consensus; this type only carries it.
 */
public sealed interface SlashingEvidence {

  /** The validator the evidence accuses. */
  Address offender();

  /** The slot of the offending message the accused must have been a validator in. */
  long offenceSlot();

  RlpList toRlp();

  /** Two different signed headers for one slot by one proposer. */
  record ProposerEquivocation(BlockHeader first, BlockHeader second) implements SlashingEvidence {
    @Override
    public Address offender() {
      return first.proposer();
    }

    @Override
    public long offenceSlot() {
      return first.slot();
    }

    @Override
    public RlpList toRlp() {
      return RlpList.of(RlpString.of(1), first.toRlp(), second.toRlp());
    }
  }

  /** Two different votes by one validator for the same target slot. */
  record DoubleVote(SignedVote first, SignedVote second) implements SlashingEvidence {
    @Override
    public Address offender() {
      return first.validator();
    }

    @Override
    public long offenceSlot() {
      return first.vote().slot();
    }

    @Override
    public RlpList toRlp() {
      return RlpList.of(RlpString.of(2), first.toRlp(), second.toRlp());
    }
  }

  /** A vote whose source-to-target span strictly contains another vote's, by the same validator. */
  record SurroundVote(SignedVote surrounding, SignedVote surrounded) implements SlashingEvidence {
    @Override
    public Address offender() {
      return surrounding.validator();
    }

    @Override
    public long offenceSlot() {
      return surrounding.vote().slot();
    }

    @Override
    public RlpList toRlp() {
      return RlpList.of(RlpString.of(3), surrounding.toRlp(), surrounded.toRlp());
    }
  }

  /** @throws RlpDecodingException naming the malformed part */
  static SlashingEvidence fromRlp(RlpItem item) {
    RlpList f = item.asList("evidence").expectSize("evidence", 3);
    long kind = f.get(0).asString("evidence.kind").asLong("evidence.kind");
    return switch ((int) Math.min(kind, 4)) {
      case 1 -> new ProposerEquivocation(BlockHeader.fromRlp(f.get(1)), BlockHeader.fromRlp(f.get(2)));
      case 2 -> new DoubleVote(SignedVote.fromRlp(f.get(1)), SignedVote.fromRlp(f.get(2)));
      case 3 -> new SurroundVote(SignedVote.fromRlp(f.get(1)), SignedVote.fromRlp(f.get(2)));
      default -> throw new RlpDecodingException("evidence.kind: unknown kind " + kind + " (1, 2 or 3)");
    };
  }
}
