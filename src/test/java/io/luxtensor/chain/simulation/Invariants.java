package io.luxtensor.chain.simulation;

import io.luxtensor.chain.simulation.Simulation.Behaviour;
import io.luxtensor.chain.simulation.Simulation.Report;
import io.luxtensor.types.Address;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.Vote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/** What must hold after every simulated run; each check returns the first violation it finds. */
final class Invariants {
  private Invariants() {}

  /**
   * Accountable safety: if finalized blocks conflict, every honest node holds evidence, in its chain, against
   * validators with at least a third of the stake ({@code stakes} by validator, twins' copies not repeated).
   */
  static Optional<String> conflictingFinalityLeavesEvidence(Report report, List<Integer> stakes) {
    if (finalizedBlocksNeverConflict(report).isEmpty()) {
      return Optional.empty();
    }
    long total = stakes.stream().mapToLong(Integer::longValue).sum();
    for (int node = 0; node < report.behaviours().size(); node++) {
      if (report.behaviours().get(node) != Behaviour.HONEST) {
        continue;
      }
      long accused = 0;
      for (int validator = 0; validator < stakes.size(); validator++) {
        if (report.offendersSeen().get(node).contains(report.addresses().get(validator))) {
          accused += stakes.get(validator);
        }
      }
      if (3 * accused < total) {
        return Optional.of("finality conflicts, but node " + node + " has evidence against only " + accused + " of "
            + total + " stake");
      }
    }
    return Optional.empty();
  }

  /** No two finalized blocks, at any node at any time, conflict: each pair lies on one chain. */
  static Optional<String> finalizedBlocksNeverConflict(Report report) {
    Set<Hash> finalized = new TreeSet<>();
    report.finalizedHashBySlot().forEach(finalized::addAll);
    List<Hash> list = new ArrayList<>(finalized);
    for (int i = 0; i < list.size(); i++) {
      for (int j = i + 1; j < list.size(); j++) {
        if (!onOneChain(report.allBlocks(), list.get(i), list.get(j))) {
          return Optional.of("conflicting finalized blocks " + list.get(i) + " and " + list.get(j));
        }
      }
    }
    return Optional.empty();
  }

  /** No node refuses a block another node made: honest code makes only valid blocks, whatever it signs. */
  static Optional<String> noBlockIsRefused(Report report) {
    return report.blocksRefused().stream().findFirst();
  }

  /** At the end, every honest node has the same validators and proposers for the last slot's epoch. */
  static Optional<String> honestNodesAgreeOnTheSchedule(Report report) {
    List<Address> first = null;
    for (int node = 0; node < report.behaviours().size(); node++) {
      if (report.behaviours().get(node) != Behaviour.HONEST) {
        continue;
      }
      List<Address> schedule = report.schedulesSeen().get(node);
      if (first == null) {
        first = schedule;
      } else if (!schedule.equals(first)) {
        return Optional.of("node " + node + " sees validators and proposers " + schedule + ", another " + first);
      }
    }
    return Optional.empty();
  }

  /** A node's finalized slot never goes down. */
  static Optional<String> finalityNeverGoesBack(Report report) {
    for (int slot = 1; slot < report.finalizedSlotBySlot().size(); slot++) {
      for (int node = 0; node < report.behaviours().size(); node++) {
        long before = report.finalizedSlotBySlot().get(slot - 1).get(node);
        long after = report.finalizedSlotBySlot().get(slot).get(node);
        if (after < before) {
          return Optional.of("node " + node + " went back from finalized slot " + before + " to " + after);
        }
      }
    }
    return Optional.empty();
  }

  /** Honest validators never sign two blocks for a slot, two votes for a target, or surrounding votes. */
  static Optional<String> honestValidatorsSignNothingSlashable(Report report) {
    for (int node = 0; node < report.behaviours().size(); node++) {
      if (report.behaviours().get(node) != Behaviour.HONEST) {
        continue;
      }
      Set<String> blockSlots = new TreeSet<>();
      for (Block block : report.blocksSigned().get(node)) {
        if (!blockSlots.add(block.header().proposer() + "@" + block.header().slot())) {
          return Optional.of("honest node " + node + " signed two blocks in slot " + block.header().slot());
        }
      }
      List<SignedVote> votes = report.votesSigned().get(node);
      for (int i = 0; i < votes.size(); i++) {
        for (int j = i + 1; j < votes.size(); j++) {
          Vote a = votes.get(i).vote();
          Vote b = votes.get(j).vote();
          boolean sameSigner = votes.get(i).validator().equals(votes.get(j).validator());
          boolean doubleVote = a.target().slot() == b.target().slot() && !a.equals(b);
          boolean surround = a.source().slot() < b.source().slot() && b.target().slot() < a.target().slot()
              || b.source().slot() < a.source().slot() && a.target().slot() < b.target().slot();
          if (sameSigner && (doubleVote || surround)) {
            return Optional.of("honest node " + node + " signed slashable votes " + a + " and " + b);
          }
        }
      }
    }
    return Optional.empty();
  }


  /** Every honest node's finalized slot is at least {@code slot - lag} at every slot in [from, to]. */
  static Optional<String> finalityKeepsUp(Report report, long from, long to, long lag) {
    return finalityKeepsUp(report, from, to, lag, node -> true);
  }

  /** The same, at the honest nodes {@code watched} accepts. */
  static Optional<String> finalityKeepsUp(Report report, long from, long to, long lag, IntPredicate watched) {
    for (long slot = from; slot <= to; slot++) {
      for (int node = 0; node < report.behaviours().size(); node++) {
        if (report.behaviours().get(node) != Behaviour.HONEST || !watched.test(node)) {
          continue;
        }
        long finalized = report.finalizedSlotBySlot().get((int) slot - 1).get(node);
        if (finalized < slot - lag) {
          return Optional.of("at slot " + slot + " node " + node + " had finalized only slot " + finalized);
        }
      }
    }
    return Optional.empty();
  }


  /**
   * Every honest node's finalized block is at most {@code lag} blocks of the final chain behind at every slot in
   * [from, to]: the bound for runs where proposers may be absent or late, whose slots no vote can finalize.
   */
  static Optional<String> finalityKeepsUpInBlocks(Report report, long from, long to, long lag) {
    return finalityKeepsUpInBlocks(report, from, to, lag, node -> true);
  }

  /** The same, at the honest nodes {@code watched} accepts. */
  static Optional<String> finalityKeepsUpInBlocks(Report report, long from, long to, long lag, IntPredicate watched) {
    // Slots whose block ended up in the chain: the ancestors of the last block finalized by the run's end.
    Set<Long> slotsWithBlocks = new TreeSet<>();
    List<Hash> lastFinalized = report.finalizedHashBySlot().getLast();
    Hash newest = lastFinalized.stream().max((a, b) -> Long.compare(report.allBlocks().get(a).slot(),
        report.allBlocks().get(b).slot())).orElseThrow();
    for (BlockHeader at = report.allBlocks().get(newest); at != null && at.number() > 0;
        at = report.allBlocks().get(at.parentHash())) {
      slotsWithBlocks.add(at.slot());
    }
    for (long slot = from; slot <= to; slot++) {
      long bound = slot;
      long seen = 0;
      for (long s = slot; s > 0 && seen < lag; s--) {
        if (slotsWithBlocks.contains(s)) {
          seen++;
          bound = s;
        }
      }
      for (int node = 0; node < report.behaviours().size(); node++) {
        if (report.behaviours().get(node) != Behaviour.HONEST || !watched.test(node)) {
          continue;
        }
        long finalized = report.finalizedSlotBySlot().get((int) slot - 1).get(node);
        if (finalized < bound - 1) {
          return Optional.of("at slot " + slot + " node " + node + " had finalized only slot " + finalized
              + ", more than " + lag + " blocks behind");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * No honest node finalizes, in slots [from, to] of a fault that began in slot {@code faultStart}, a checkpoint the
   * votes cast during the fault decide: no side of a split can finalize alone. (Finalizing slot s takes the votes of
   * slot s + 1, so the votes of the slot before the fault may still finalize the one before it, once a block
   * carries them.)
   */
  static Optional<String> finalityStalls(Report report, long faultStart, long from, long to) {
    for (int node = 0; node < report.behaviours().size(); node++) {
      long start = report.finalizedSlotBySlot().get((int) from - 1).get(node);
      long end = report.finalizedSlotBySlot().get((int) to - 1).get(node);
      if (end > Math.max(start, faultStart - 2)) {
        return Optional.of("node " + node + " finalized from slot " + start + " to " + end + " while split");
      }
    }
    return Optional.empty();
  }

  /** Node {@code node}'s finalized slot moves forward between slots {@code from} and {@code to}. */
  static Optional<String> finalityAdvances(Report report, int node, long from, long to) {
    long start = report.finalizedSlotBySlot().get((int) from - 1).get(node);
    long end = report.finalizedSlotBySlot().get((int) to - 1).get(node);
    return end > start ? Optional.empty()
        : Optional.of("node " + node + " finalized nothing between slots " + from + " and " + to);
  }

  /** Every misbehaving validator that equivocated is named by evidence in every honest node's chain. */
  static Optional<String> everyEquivocationEndsInEvidence(Report report) {
    for (int offender = 0; offender < report.behaviours().size(); offender++) {
      Behaviour behaviour = report.behaviours().get(offender);
      boolean equivocated = (behaviour == Behaviour.DOUBLE_VOTER || behaviour == Behaviour.SURROUND_VOTER)
          && !report.votesSigned().get(offender).isEmpty()
          || behaviour == Behaviour.EQUIVOCATING_PROPOSER && !report.blocksSigned().get(offender).isEmpty();
      if (!equivocated) {
        continue;
      }
      for (int node = 0; node < report.behaviours().size(); node++) {
        if (report.behaviours().get(node) == Behaviour.HONEST
            && !report.offendersSeen().get(node).contains(report.addresses().get(offender))) {
          return Optional.of("node " + node + " has no evidence against " + behaviour + " validator " + offender);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean onOneChain(Map<Hash, BlockHeader> blocks, Hash a, Hash b) {
    return isAncestor(blocks, a, b) || isAncestor(blocks, b, a);
  }

  private static boolean isAncestor(Map<Hash, BlockHeader> blocks, Hash ancestor, Hash descendant) {
    Hash at = descendant;
    while (at != null) {
      if (at.equals(ancestor)) {
        return true;
      }
      BlockHeader header = blocks.get(at);
      at = header == null || header.number() == 0 ? null : header.parentHash();
    }
    return false;
  }
}
