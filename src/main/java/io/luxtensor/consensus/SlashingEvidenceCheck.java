package io.luxtensor.consensus;

import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.SlashingEvidence;
import io.luxtensor.types.Vote;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Whether slashing evidence proves what it claims, from the signed messages alone: any node can check it, so anyone
 * may put it in a block.
 */
public final class SlashingEvidenceCheck {
  private SlashingEvidenceCheck() {}

  /**
   * What is wrong with {@code evidence} carried by a block in {@code blockSlot} on chain {@code chainId}, or empty if
   * it proves an offence. The offence must be from an earlier slot, and the accused a validator in that slot by
   * {@code validatorsAt} it: one that has left since still answers while its stake waits out the withdrawal delay.
   */
  public static Optional<String> problem(SlashingEvidence evidence, LongFunction<ValidatorSet> validatorsAt,
      long chainId, long blockSlot) {
    if (evidence.offenceSlot() >= blockSlot) {
      return Optional.of("its offence is in slot " + evidence.offenceSlot() + ", not before the block's slot "
          + blockSlot);
    }
    if (validatorsAt.apply(evidence.offenceSlot()).find(evidence.offender()).isEmpty()) {
      return Optional.of("the accused " + evidence.offender() + " was not a validator in slot "
          + evidence.offenceSlot());
    }
    return switch (evidence) {
      case SlashingEvidence.ProposerEquivocation e -> equivocation(e.first(), e.second(), chainId);
      case SlashingEvidence.DoubleVote e -> sameSignerAndSigned(e.first(), e.second(), chainId)
          .or(() -> e.first().vote().target().slot() != e.second().vote().target().slot()
              ? Optional.of("the votes have different target slots") : Optional.empty())
          .or(() -> e.first().vote().equals(e.second().vote())
              ? Optional.of("the two votes are the same vote") : Optional.empty());
      case SlashingEvidence.SurroundVote e -> sameSignerAndSigned(e.surrounding(), e.surrounded(), chainId)
          .or(() -> surrounds(e.surrounding().vote(), e.surrounded().vote())
              ? Optional.empty() : Optional.of("the first vote's source-to-target span does not surround the second's"));
    };
  }

  private static Optional<String> equivocation(BlockHeader first, BlockHeader second, long chainId) {
    if (first.slot() != second.slot()) {
      return Optional.of("the headers are for different slots");
    }
    if (!first.proposer().equals(second.proposer())) {
      return Optional.of("the headers have different proposers");
    }
    if (first.signingHash(chainId).equals(second.signingHash(chainId))) {
      return Optional.of("the two headers are the same header");
    }
    if (!first.isSignedByProposer(chainId) || !second.isSignedByProposer(chainId)) {
      return Optional.of("a header is not signed by its proposer on chain " + chainId);
    }
    return Optional.empty();
  }


  private static Optional<String> sameSignerAndSigned(SignedVote first, SignedVote second, long chainId) {
    Address offender = first.validator();
    if (!second.validator().equals(offender)) {
      return Optional.of("the votes are by different validators");
    }
    if (!first.isSignedBy(chainId) || !second.isSignedBy(chainId)) {
      return Optional.of("a vote is not signed by " + offender + " on chain " + chainId);
    }
    return Optional.empty();
  }

  private static boolean surrounds(Vote outer, Vote inner) {
    return outer.source().slot() < inner.source().slot() && inner.target().slot() < outer.target().slot();
  }
}
