package io.luxtensor.chain;

import io.luxtensor.consensus.Inactivity;
import io.luxtensor.consensus.Rewards;
import io.luxtensor.consensus.Slashing;
import io.luxtensor.consensus.StakingParameters;
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
import io.luxtensor.types.Wei;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Validators from the staking contract, by the chain's {@link StakingParameters}: each block first applies, for each
 * epoch that began since its parent, the {@link Inactivity} penalties and then the rotation; then records, per
 * validator, the epoch of the latest vote it carries; then mints its proposer's and timely voters' {@link Rewards};
 * then the penalties for the evidence it carries ({@link Slashing}). The set of an epoch is read from the registry as
 * the epoch boundaries left it. Because rotation fixes the set of epoch e + 2 at the end of epoch e, the set any block
 * of an epoch uses is the same on every branch that shares the blocks up to the end of epoch e.
 */
public final class StakingSchedule implements ValidatorSchedule {
  /** How many sets each cache keeps; only caches, so their order decides nothing. */
  private static final int CACHED_SETS_MAX = 256;

  private final ChainParameters parameters;
  private final StakingParameters rules;
  private final NodeStore nodes;
  /** Sets by parent state root, parent's epoch and epoch: asked for again and again for the blocks a vote names. */
  private final Map<String, ValidatorSet> byState = lruCache();
  /** The same by the staking contract's storage root in place of the state root: see {@link #at}. */
  private final Map<String, ValidatorSet> byRegistry = lruCache();

  /** The schedule of a chain with {@code parameters}, whose staking rules it follows, reading states from {@code nodes}. */
  public StakingSchedule(ChainParameters parameters, NodeStore nodes) {
    this.parameters = parameters;
    this.rules = parameters.staking();
    this.nodes = nodes;
  }

  /**
   * Every block mints rewards, so no two blocks share a state root, while the registry, all a set is read from,
   * changes a few times an epoch: a state not seen before costs one account read, not the whole registry.
   */
  @Override
  public ValidatorSet at(BlockHeader parent, long slot) {
    long epoch = parameters.epochOf(slot);
    String epochs = "@" + parameters.epochOf(parent.slot()) + "@" + epoch;
    String stateKey = parent.stateRoot().toHex() + epochs;
    ValidatorSet known = byState.get(stateKey);
    if (known != null) {
      return known;
    }
    WorldState state = WorldState.at(nodes, parent.stateRoot());
    Hash registryRoot = state.account(StakingContract.ADDRESS).storageRoot();
    ValidatorSet set = byRegistry.computeIfAbsent(registryRoot.toHex() + epochs, key -> {
      List<StakingRecord> registry =
          epochsOpened(StakingContract.registry(state::storage), parent.slot(), slot).registry();
      return ValidatorRotation.activeAt(registry, epoch);
    });
    byState.put(stateKey, set);
    return set;
  }

  @Override
  public void open(WorldState state, BlockHeader parent, long slot, Address proposer, List<SignedVote> votes,
      List<SlashingEvidence> evidence) {
    if (parameters.epochOf(slot) > parameters.epochOf(parent.slot())) {
      Boundaries opened = epochsOpened(StakingContract.registry(state::storage), parent.slot(), slot);
      StakingContract.update(state, opened.registry());
      state.subtractBalance(StakingContract.ADDRESS, opened.burned());
    }
    votes.forEach(vote -> StakingContract.recordVote(state, vote.validator(), parameters.epochOf(vote.vote().slot())));
    Rewards.forBlock(at(parent, slot), proposer, votes, parent.slot(), parameters.slotsPerEpoch(), rules.rewards())
        .forEach(state::addBalance);
    if (!evidence.isEmpty()) {
      SortedSet<Address> offenders = new TreeSet<>();
      evidence.forEach(e -> offenders.add(e.offender()));
      Slashing.Outcome outcome = Slashing.apply(StakingContract.registry(state::storage), offenders,
          parameters.epochOf(slot), rules.slashing(), rules.rotation());
      StakingContract.update(state, outcome.registry());
      state.subtractBalance(StakingContract.ADDRESS, outcome.penalties());
      state.addBalance(proposer, outcome.reporterReward());
    }
  }

  private static Map<String, ValidatorSet> lruCache() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ValidatorSet> eldest) {
        return size() > CACHED_SETS_MAX;
      }
    };
  }

  /** The registry after the epoch boundaries between two slots, and the stake their inactivity penalties burned. */
  private record Boundaries(List<StakingRecord> registry, Wei burned) {}

  private Boundaries epochsOpened(List<StakingRecord> registry, long parentSlot, long slot) {
    List<StakingRecord> current = registry;
    Wei burned = Wei.ZERO;
    for (long epoch = parameters.epochOf(parentSlot) + 1; epoch <= parameters.epochOf(slot); epoch++) {
      Inactivity.Outcome absent = Inactivity.atEpochStart(current, epoch, rules.inactivity(), rules.rotation());
      burned = burned.add(absent.burned());
      current = ValidatorRotation.atEpochStart(absent.registry(), epoch, rules.rotation()).stream()
          .map(StakingRecord::atEpochBoundary).toList();
    }
    return new Boundaries(current, burned);
  }
}
