package io.luxtensor.chain;

import io.luxtensor.consensus.RewardParameters;
import io.luxtensor.consensus.Rewards;
import io.luxtensor.consensus.RotationParameters;
import io.luxtensor.consensus.Slashing;
import io.luxtensor.consensus.SlashingParameters;
import io.luxtensor.consensus.ValidatorRotation;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.execution.system.StakingContract;
import io.luxtensor.state.WorldState;
import io.luxtensor.trie.NodeStore;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.SlashingEvidence;
import io.luxtensor.types.StakingRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Validators from the staking contract: each block first applies the rotations of the epochs that began since its
 * parent, then mints its proposer's and timely voters' {@link Rewards}, then the penalties for the evidence it
 * carries ({@link Slashing}); the set of an epoch is read from the registry as rotation left it. Because rotation fixes the set of
 * epoch e + 2 at the end of epoch e, the set any block of an epoch uses is the same on every branch that shares the
 * blocks up to the end of epoch e.
 */
public final class StakingSchedule implements ValidatorSchedule {
  /** Sets computed, by parent state and epoch; only a cache, so its order decides nothing. */
  private static final int CACHED_SETS_MAX = 256;

  private final ChainParameters parameters;
  private final RotationParameters rules;
  private final SlashingParameters slashing;
  private final RewardParameters rewards;
  private final NodeStore nodes;
  private final Map<String, ValidatorSet> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, ValidatorSet> eldest) {
      return size() > CACHED_SETS_MAX;
    }
  };

  public StakingSchedule(ChainParameters parameters, RotationParameters rules, SlashingParameters slashing,
      RewardParameters rewards, NodeStore nodes) {
    this.parameters = parameters;
    this.rules = rules;
    this.slashing = slashing;
    this.rewards = rewards;
    this.nodes = nodes;
  }

  @Override
  public ValidatorSet at(BlockHeader parent, long slot) {
    long epoch = parameters.epochOf(slot);
    Hash stateRoot = parent.stateRoot();
    return cache.computeIfAbsent(stateRoot.toHex() + "@" + parent.slot() + "@" + epoch, key -> {
      WorldState state = WorldState.at(nodes, stateRoot);
      List<StakingRecord> registry = rotated(StakingContract.registry(state::storage), parent.slot(), slot);
      return ValidatorRotation.activeAt(registry, epoch);
    });
  }

  @Override
  public void open(WorldState state, BlockHeader parent, long slot, Address proposer, List<SignedVote> votes,
      List<SlashingEvidence> evidence) {
    if (parameters.epochOf(slot) > parameters.epochOf(parent.slot())) {
      StakingContract.update(state, rotated(StakingContract.registry(state::storage), parent.slot(), slot));
    }
    Rewards.forBlock(at(parent, slot), proposer, votes, parent.slot(), parameters.slotsPerEpoch(), rewards)
        .forEach(state::addBalance);
    if (!evidence.isEmpty()) {
      SortedSet<Address> offenders = new TreeSet<>();
      evidence.forEach(e -> offenders.add(e.offender()));
      Slashing.Outcome outcome = Slashing.apply(StakingContract.registry(state::storage), offenders,
          parameters.epochOf(slot), slashing, rules);
      StakingContract.update(state, outcome.registry());
      state.subtractBalance(StakingContract.ADDRESS, outcome.penalties());
      state.addBalance(proposer, outcome.reporterReward());
    }
  }

  private List<StakingRecord> rotated(List<StakingRecord> registry, long parentSlot, long slot) {
    List<StakingRecord> rotated = registry;
    for (long epoch = parameters.epochOf(parentSlot) + 1; epoch <= parameters.epochOf(slot); epoch++) {
      rotated = ValidatorRotation.atEpochStart(rotated, epoch, rules);
    }
    return rotated;
  }
}
