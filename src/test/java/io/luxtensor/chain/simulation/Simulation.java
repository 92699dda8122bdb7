package io.luxtensor.chain.simulation;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.chain.ChainParameters;
import io.luxtensor.chain.Genesis;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.chain.NodeCore;
import io.luxtensor.chain.ValidatorSchedule;
import io.luxtensor.chain.StakingSchedule;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.execution.system.StakingContract;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.Transaction;
import io.luxtensor.consensus.Validator;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.execution.BlockExecutor;
import io.luxtensor.execution.TransactionProcessor;
import io.luxtensor.execution.system.SystemContracts;
import io.luxtensor.testing.AbiCalls;
import io.luxtensor.testing.SeededRandom;
import io.luxtensor.trie.InMemoryNodeStore;
import io.luxtensor.types.Address;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.Hash;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.StakingRecord;
import io.luxtensor.types.Vote;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * Many nodes' {@link NodeCore}s in one thread, on a virtual clock, over a virtual network with per-message delay,
 * loss and duplication and scheduled partitions, with byzantine validators that equivocate as proposers or voters.
 * Every choice comes from one seed, so a failing run replays from it. {@link Report} says what happened; the
 * invariants are checked by {@link Invariants}.
 */
final class Simulation {
  static final long CHAIN_ID = 7357;
  static final long SLOT_MILLIS = 500;
  static final long GENESIS_MILLIS = 1_800_000_000_000L;
  static final int SLOTS_PER_EPOCH = 8;

  /** How a validator misbehaves. */
  enum Behaviour {
    HONEST,
    OFFLINE,
    EQUIVOCATING_PROPOSER,
    DOUBLE_VOTER,
    SURROUND_VOTER,
    /** Publishes its blocks a slot late, to orphan the next proposer's. */
    WITHHOLDER,
    /** Runs on two nodes with one key, each honest code with its own slashing protection. */
    TWIN,
    /**
     * Honest itself, but before each vote is due sends everyone copies of the votes the others are about to cast,
     * signed with its own key, and a vote of its own for a slot a million slots ahead.
     */
    FORGER
  }

  /**
   * @param stakes each validator's stake in LUX
   * @param behaviours each validator's behaviour (same size as stakes)
   * @param minDelayMillis least delay of a message
   * @param maxDelayMillis most delay of a message
   * @param lossPercent share of messages lost
   * @param duplicatePercent share of messages delivered twice
   * @param partitioned whether a message from one validator to another is cut at a slot
   * @param validatorsPerNode how many validator keys each node runs (more than one: all honest, no twins or joiners)
   */
  record Setup(List<Integer> stakes, List<Behaviour> behaviours, long minDelayMillis, long maxDelayMillis,
      int lossPercent, int duplicatePercent, Partition partitioned, Outage outage, Rotation rotation,
      int validatorsPerNode) {

    static Setup honest(int validators) {
      return new Setup(Collections.nCopies(validators, 32), Collections.nCopies(validators, Behaviour.HONEST), 5, 120,
          0, 0, Partition.NONE, Outage.NONE, Rotation.NONE, 1);
    }

    Setup withValidatorsPerNode(int perNode) {
      return new Setup(stakes, behaviours, minDelayMillis, maxDelayMillis, lossPercent, duplicatePercent, partitioned,
          outage, rotation, perNode);
    }

    Setup withBehaviour(int validator, Behaviour behaviour) {
      List<Behaviour> changed = new ArrayList<>(behaviours);
      changed.set(validator, behaviour);
      return new Setup(stakes, changed, minDelayMillis, maxDelayMillis, lossPercent, duplicatePercent, partitioned,
          outage, rotation, validatorsPerNode);
    }

    Setup withNetwork(long minDelay, long maxDelay, int loss, int duplicate) {
      return new Setup(stakes, behaviours, minDelay, maxDelay, loss, duplicate, partitioned, outage, rotation,
          validatorsPerNode);
    }

    Setup withPartition(Partition partition) {
      return new Setup(stakes, behaviours, minDelayMillis, maxDelayMillis, lossPercent, duplicatePercent, partition,
          outage, rotation, validatorsPerNode);
    }

    Setup withOutage(Outage newOutage) {
      return new Setup(stakes, behaviours, minDelayMillis, maxDelayMillis, lossPercent, duplicatePercent, partitioned,
          newOutage, rotation, validatorsPerNode);
    }

    Setup withStakes(List<Integer> newStakes) {
      return new Setup(newStakes, behaviours, minDelayMillis, maxDelayMillis, lossPercent, duplicatePercent,
          partitioned, outage, rotation, validatorsPerNode);
    }

    Setup withRotation(Rotation newRotation) {
      return new Setup(stakes, behaviours, minDelayMillis, maxDelayMillis, lossPercent, duplicatePercent, partitioned,
          outage, newRotation, validatorsPerNode);
    }
  }

  /**
   * A chain whose validators come from the staking contract: {@code joiners} funded nodes register with 32 LUX in
   * slot {@code registerAt}, and validator {@code leaving} asks to exit in slot {@code exitAt} (-1: none).
   */
  record Rotation(boolean staking, int joiners, long registerAt, int leaving, long exitAt) {
    static final Rotation NONE = new Rotation(false, 0, 0, -1, 0);
  }

  /** Whether a validator's node is down in a slot: it neither sends nor receives, and keeps its memory. */
  interface Outage {
    Outage NONE = (slot, node) -> false;

    boolean down(long slot, int node);

    /** The nodes from {@code first} on are down in slots [from, until). */
    static Outage from(int first, long fromSlot, long untilSlot) {
      return (slot, node) -> node >= first && slot >= fromSlot && slot < untilSlot;
    }
  }

  /** Whether the link from one validator to another is cut in a slot. */
  interface Partition {
    Partition NONE = (slot, from, to) -> false;

    boolean cut(long slot, int from, int to);

    /** Two groups (below {@code split} and the rest) that cannot reach each other in slots [from, until). */
    static Partition halves(int split, long fromSlot, long untilSlot) {
      return (slot, from, to) -> slot >= fromSlot && slot < untilSlot && (from < split) != (to < split);
    }

    /** The nodes in {@code side} and the rest cannot reach each other in slots [from, until). */
    static Partition sides(Set<Integer> side, long fromSlot, long untilSlot) {
      return (slot, from, to) -> slot >= fromSlot && slot < untilSlot && side.contains(from) != side.contains(to);
    }
  }

  /**
   * What a run produced, for the invariants to judge.
   *
   * @param blocksRefused every refusal of a block by a node, with its reason: every block here is made by node code
   *     (the equivocators' second blocks too), so none should be
   * @param schedulesSeen by node, at the end: the validators of the last slot's epoch, then its proposers by slot
   */
  record Report(long slots, List<Behaviour> behaviours, Map<Hash, BlockHeader> allBlocks,
      List<List<Long>> finalizedSlotBySlot, List<List<Hash>> finalizedHashBySlot, Map<Integer, List<Block>> blocksSigned,
      Map<Integer, List<SignedVote>> votesSigned, List<List<Address>> offendersSeen, List<Address> addresses,
      List<String> blocksRefused, List<List<Address>> schedulesSeen) {}

  private record Event(long time, long sequence, Runnable action) {}

  private final Setup setup;
  private final SecureRandom random;
  private final ChainParameters parameters;
  /** One key per validator, then the twins' copies, then the joiners'. */
  private final List<ValidatorKeys> keys = new ArrayList<>();
  /** The keys each node runs. */
  private final List<List<ValidatorKeys>> nodeKeys = new ArrayList<>();
  private final List<Behaviour> behaviours = new ArrayList<>();
  private final List<NodeCore> nodes = new ArrayList<>();
  private final PriorityQueue<Event> events = new PriorityQueue<>(
      Comparator.comparingLong(Event::time).thenComparingLong(Event::sequence));
  private final Map<Hash, BlockHeader> allBlocks = new HashMap<>();
  /** Every block published, by hash, to answer sync requests. */
  private final Map<Hash, Block> published = new HashMap<>();
  private final Map<Integer, List<Block>> blocksSigned = new TreeMap<>();
  private final Map<Integer, List<SignedVote>> votesSigned = new TreeMap<>();
  private final List<String> blocksRefused = new ArrayList<>();
  /** When each node last asked for each missing block, by "node@hash". */
  private final Map<String, Long> requested = new HashMap<>();
  private long sequence;
  private long now = GENESIS_MILLIS;

  Simulation(Setup setup, long seed) {
    this.setup = setup;
    this.random = SeededRandom.of(seed);
    // Keys from the run's seed: the proposer schedule (VRF outputs) differs from run to run too.
    SecureRandom keyRandom = SeededRandom.of(seed ^ 0x5eed_4e7L);
    List<Validator> validators = new ArrayList<>();
    for (int i = 0; i < setup.stakes().size(); i++) {
      ValidatorKeys validator = ValidatorKeys.derivedFrom(PrivateKey.random(keyRandom));
      keys.add(validator);
      behaviours.add(setup.behaviours().get(i));
      validators.add(new Validator(validator.address(), Wei.ofLux(Integer.toString(setup.stakes().get(i))),
          validator.vrfPublicKey()));
    }
    for (int i = 0; i < setup.stakes().size(); i++) {
      if (setup.behaviours().get(i) == Behaviour.TWIN) {
        keys.add(keys.get(i));
        behaviours.add(Behaviour.TWIN);
      }
    }
    TreeMap<Address, GenesisSpec.GenesisAccount> alloc = new TreeMap<>();
    for (int i = 0; i < setup.rotation().joiners(); i++) {
      ValidatorKeys joiner = ValidatorKeys.derivedFrom(PrivateKey.random(keyRandom));
      keys.add(joiner);
      behaviours.add(Behaviour.HONEST);
      alloc.put(joiner.address(), new GenesisSpec.GenesisAccount(Wei.ofLux("100"), 0, new TreeMap<>()));
    }
    for (int i = 0; i < setup.stakes().size(); i++) {
      alloc.put(keys.get(i).address(), new GenesisSpec.GenesisAccount(Wei.ofLux("1"), 0, new TreeMap<>()));
    }
    this.parameters = new ChainParameters(CHAIN_ID, GENESIS_MILLIS, SLOT_MILLIS, SLOTS_PER_EPOCH, BigInteger.ZERO);
    GenesisSpec spec = new GenesisSpec(parameters, 30_000_000, BigInteger.valueOf(1_000_000_000L), Bytes.EMPTY,
        alloc, validators);
    boolean staking = setup.rotation().staking();
    SystemContracts contracts = staking
        ? SystemContracts.withStaking(parameters.staking().rotation().minimumStake())
        : SystemContracts.standard();
    BlockExecutor executor = new BlockExecutor(new TransactionProcessor(contracts));
    ValidatorSet set = new ValidatorSet(validators);
    int perNode = setup.validatorsPerNode();
    if (perNode > 1
        && (keys.size() != setup.stakes().size() || behaviours.stream().anyMatch(b -> b != Behaviour.HONEST))) {
      throw new IllegalArgumentException("several validators per node run only honest validators, without joiners");
    }
    for (int first = 0; first < keys.size(); first += perNode) {
      nodeKeys.add(List.copyOf(keys.subList(first, Math.min(first + perNode, keys.size()))));
    }
    if (perNode > 1) {
      behaviours.clear();
      behaviours.addAll(Collections.nCopies(nodeKeys.size(), Behaviour.HONEST));
    }
    for (int i = 0; i < nodeKeys.size(); i++) {
      InMemoryNodeStore store = new InMemoryNodeStore();
      Genesis.GenesisBlock genesis = staking ? Genesis.createWithStaking(spec, store) : Genesis.create(spec, store);
      allBlocks.put(genesis.block().hash(), genesis.block().header());
      ValidatorSchedule schedule = staking ? new StakingSchedule(parameters, store) : ValidatorSchedule.fixed(set);
      nodes.add(new NodeCore(genesis, parameters, schedule, nodeKeys.get(i), executor, store, Map.of()));
      blocksSigned.put(i, new ArrayList<>());
      votesSigned.put(i, new ArrayList<>());
    }
  }

  Report run(long slots) {
    List<List<Long>> finalizedSlots = new ArrayList<>();
    List<List<Hash>> finalizedHashes = new ArrayList<>();
    List<List<Address>> offenders = new ArrayList<>();
    for (long slot = 1; slot <= slots; slot++) {
      long start = GENESIS_MILLIS + slot * SLOT_MILLIS;
      long currentSlot = slot;
      Rotation rotation = setup.rotation();
      if (slot == rotation.registerAt()) {
        for (int j = 0; j < rotation.joiners(); j++) {
          ValidatorKeys joiner = keys.get(keys.size() - rotation.joiners() + j);
          submitEverywhere(stakingCall(joiner, "registerValidator(bytes)", Wei.ofLux("32"),
              List.of(AbiType.BYTES), List.of(joiner.vrfPublicKey().toArray())));
        }
      }
      if (slot == rotation.exitAt() && rotation.leaving() >= 0) {
        submitEverywhere(stakingCall(keys.get(rotation.leaving()), "requestExit()", Wei.ZERO, List.of(), List.of()));
      }
      for (int i = 0; i < nodes.size(); i++) {
        int node = i;
        schedule(start, () -> propose(node, currentSlot));
        schedule(start + SLOT_MILLIS / 3, () -> vote(node, currentSlot));
        if (behaviours.get(node) == Behaviour.FORGER) {
          schedule(start + SLOT_MILLIS / 4, () -> forge(node, currentSlot));
        }
      }
      runUntil(start + SLOT_MILLIS);
      List<Long> slotsNow = new ArrayList<>();
      List<Hash> hashesNow = new ArrayList<>();
      for (int i = 0; i < nodes.size(); i++) {
        slotsNow.add(nodes.get(i).finality().finalized().slot());
        hashesNow.add(nodes.get(i).finality().finalized().blockHash());
      }
      finalizedSlots.add(slotsNow);
      finalizedHashes.add(hashesNow);
    }
    for (NodeCore node : nodes) {
      offenders.add(node.offendersOnChain());
    }
    return new Report(slots, behaviours, allBlocks, finalizedSlots, finalizedHashes, blocksSigned,
        votesSigned, offenders, keys.stream().map(ValidatorKeys::address).toList(), List.copyOf(blocksRefused),
        schedulesSeen(slots));
  }

  private List<List<Address>> schedulesSeen(long lastSlot) {
    long firstOfEpoch = lastSlot - lastSlot % SLOTS_PER_EPOCH;
    List<List<Address>> seen = new ArrayList<>();
    for (NodeCore node : nodes) {
      List<Address> schedule = new ArrayList<>(validatorsSeenBy(nodes.indexOf(node), lastSlot));
      for (long slot = firstOfEpoch; slot < firstOfEpoch + SLOTS_PER_EPOCH; slot++) {
        schedule.add(node.proposerOf(slot));
      }
      seen.add(schedule);
    }
    return seen;
  }

  private void propose(int node, long slot) {
    Behaviour behaviour = behaviours.get(node);
    if (isDown(node, slot)) {
      return;
    }
    for (NodeCore.Outbound out : nodes.get(node).onSlotStart(slot)) {
      Block block = ((NodeCore.Outbound.PublishBlock) out).block();
      record(node, block);
      if (behaviour == Behaviour.EQUIVOCATING_PROPOSER) {
        Block twin = conflicting(block, nodeKeys.get(node).getFirst());
        record(node, twin);
        broadcast(node, slot, block, (from, to) -> to % 2 == 0);
        broadcast(node, slot, twin, (from, to) -> to % 2 == 1);
      } else if (behaviour == Behaviour.WITHHOLDER) {
        schedule(now + SLOT_MILLIS + SLOT_MILLIS / 4, () -> broadcast(node, slot + 1, block, (from, to) -> true));
      } else {
        broadcast(node, slot, block, (from, to) -> true);
      }
    }
  }

  private void vote(int node, long slot) {
    Behaviour behaviour = behaviours.get(node);
    if (isDown(node, slot)) {
      return;
    }
    if (behaviour == Behaviour.SURROUND_VOTER && !votesSigned.get(node).isEmpty()) {
      // From the chain's first checkpoint to the head: a span around the vote it signed last.
      Vote last = votesSigned.get(node).getLast().vote();
      Hash head = nodes.get(node).head(slot);
      if (last.source().slot() > 0 && slot > last.target().slot()) {
        Hash genesis = genesisHash();
        SignedVote surrounding = new Vote(slot, head, new Checkpoint(0, genesis), new Checkpoint(slot, head))
            .sign(CHAIN_ID, nodeKeys.get(node).getFirst().signingKey());
        votesSigned.get(node).add(surrounding);
        broadcast(node, slot, surrounding, (from, to) -> true);
        return;
      }
    }
    for (NodeCore.Outbound out : nodes.get(node).onVoteDue(slot, now)) {
      SignedVote vote = ((NodeCore.Outbound.PublishVote) out).vote();
      votesSigned.get(node).add(vote);
      broadcast(node, slot, vote, (from, to) -> true);
      if (behaviour == Behaviour.DOUBLE_VOTER) {
        Vote original = vote.vote();
        Hash otherHead = allBlocks.get(original.head()).parentHash();
        SignedVote second = new Vote(original.slot(), otherHead, original.source(),
            new Checkpoint(original.slot(), otherHead))
            .sign(CHAIN_ID, nodeKeys.get(node).getFirst().signingKey());
        votesSigned.get(node).add(second);
        broadcast(node, slot, second, (from, to) -> true);
      }
    }
  }

  /** A transaction to the staking contract, signed by {@code from}'s key (nonce 0: each sends one). */
  private static RecoveredTransaction stakingCall(ValidatorKeys from, String signature, Wei value, List<AbiType> types,
      List<Object> args) {
    byte[] input = AbiCalls.calldata(signature, types, args);
    Transaction tx = new DynamicFeeTransaction(CHAIN_ID, 0, BigInteger.ONE, BigInteger.valueOf(10_000_000_000L),
        200_000, Optional.of(StakingContract.ADDRESS), value, Bytes.of(input), List.of(), null)
        .sign(from.signingKey());
    return RecoveredTransaction.recover(tx);
  }

  /** Gossip of a transaction, reduced to its effect: every node may include it. */
  private void submitEverywhere(RecoveredTransaction transaction) {
    nodes.forEach(node -> node.submit(transaction));
  }

  /** An account's balance on node {@code node}'s head. */
  Wei balanceSeenBy(int node, Address account, long slot) {
    return nodes.get(node).headState(slot).balance(account);
  }

  /** The staking registry on node {@code node}'s head. */
  List<StakingRecord> registrySeenBy(int node, long slot) {
    return StakingContract.registry(nodes.get(node).headState(slot)::storage);
  }

  /** The validators of {@code slot}'s epoch as node {@code node} sees them on its head. */
  List<Address> validatorsSeenBy(int node, long slot) {
    return nodes.get(node).validators(slot).validators().stream().map(Validator::address).toList();
  }

  private Hash genesisHash() {
    return allBlocks.values().stream().filter(header -> header.number() == 0).findFirst().orElseThrow().hash();
  }

  private void forge(int node, long slot) {
    if (isDown(node, slot)) {
      return;
    }
    NodeCore forger = nodes.get(node);
    Hash head = forger.head(slot);
    Checkpoint source = forger.finality().justified();
    Vote expected = new Vote(slot, head, source, new Checkpoint(slot, head));
    SignedVote ownSignature = expected.sign(CHAIN_ID, nodeKeys.get(node).getFirst().signingKey());
    for (int other = 0; other < setup.stakes().size(); other++) {
      if (other != node) {
        broadcast(node, slot, new SignedVote(expected, keys.get(other).address(), ownSignature.signature()),
            (from, to) -> true);
      }
    }
    SignedVote farFuture = new Vote(slot + 1_000_000, head, source, new Checkpoint(slot + 1_000_000, head))
        .sign(CHAIN_ID, nodeKeys.get(node).getFirst().signingKey());
    broadcast(node, slot, farFuture, (from, to) -> true);
  }

  /** The same block with other extra data, signed again: valid, and in conflict with the first. */
  private static Block conflicting(Block block, ValidatorKeys key) {
    BlockHeader h = block.header();
    BlockHeader twin = new BlockHeader(h.parentHash(), h.number(), h.slot(), h.timestamp(), h.proposer(),
        h.stateRoot(), h.transactionsRoot(), h.receiptsRoot(), h.logsBloom(), h.gasLimit(), h.gasUsed(),
        h.baseFeePerGas(), Bytes.of(new byte[] {1}), h.randaoMix(), h.vrfProof(), h.justified(), h.finalized(),
        h.consensusRoot(), null).sign(CHAIN_ID, key.signingKey());
    return new Block(twin, block.transactions(), block.votes(), block.evidence());
  }

  private void record(int node, Block block) {
    blocksSigned.get(node).add(block);
    allBlocks.put(block.hash(), block.header());
    published.put(block.hash(), block);
  }

  private void broadcast(int from, long slot, Object message, BiPredicate<Integer, Integer> recipients) {
    for (int to = 0; to < nodes.size(); to++) {
      if (to == from || !recipients.test(from, to) || setup.partitioned().cut(slot, from, to)) {
        continue;
      }
      if (random.nextInt(100) < setup.lossPercent()) {
        continue;
      }
      int copies = random.nextInt(100) < setup.duplicatePercent() ? 2 : 1;
      for (int c = 0; c < copies; c++) {
        long delay = setup.minDelayMillis() + random.nextLong(setup.maxDelayMillis() - setup.minDelayMillis() + 1);
        int recipient = to;
        schedule(now + delay, () -> deliver(recipient, message));
      }
    }
  }

  private boolean isDown(int node, long slot) {
    return behaviours.get(node) == Behaviour.OFFLINE || setup.outage().down(slot, node);
  }

  private long currentSlot() {
    return (now - GENESIS_MILLIS) / SLOT_MILLIS;
  }

  private void deliver(int to, Object message) {
    if (isDown(to, currentSlot())) {
      return;
    }
    NodeCore node = nodes.get(to);
    if (message instanceof Block block) {
      NodeCore.Received received = node.onBlock(block, now);
      if (received.verdict() == NodeCore.Received.Verdict.REJECTED) {
        blocksRefused.add("node " + to + " refused block " + block.hash() + ": " + received.reason());
      }
      sync(to);
    } else {
      node.onVote((SignedVote) message, now);
    }
  }

  /**
   * A node missing a block's parent asks the peers it can reach; one that has it answers after a delay. A block
   * asked for is not asked for again within a slot, as a real node tracks its requests in flight.
   */
  private void sync(int node) {
    long slot = currentSlot();
    for (Hash missing : nodes.get(node).missingBlocks()) {
      Long askedAt = requested.get(node + "@" + missing);
      if (askedAt != null && now - askedAt < SLOT_MILLIS) {
        continue;
      }
      requested.put(node + "@" + missing, now);
      for (int peer = 0; peer < nodes.size(); peer++) {
        if (peer != node && !isDown(peer, slot)
            && !setup.partitioned().cut(slot, node, peer) && nodes.get(peer).header(missing).isPresent()
            && published.containsKey(missing)) {
          long delay = 2 * (setup.minDelayMillis() + random.nextLong(setup.maxDelayMillis() - setup.minDelayMillis() + 1));
          Block block = published.get(missing);
          schedule(now + delay, () -> deliver(node, block));
          break;
        }
      }
    }
  }

  private void schedule(long time, Runnable action) {
    events.add(new Event(time, sequence++, action));
  }

  private void runUntil(long time) {
    while (!events.isEmpty() && events.peek().time() < time) {
      Event event = events.poll();
      now = event.time();
      event.action().run();
    }
    now = time;
  }
}
