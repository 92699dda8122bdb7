package io.luxtensor.execution.system;

import static io.luxtensor.execution.system.ContractStorage.addressTopic;
import static io.luxtensor.execution.system.ContractStorage.key;
import static io.luxtensor.execution.system.ContractStorage.topic;
import static io.luxtensor.execution.system.ContractStorage.wordOf;

import io.luxtensor.ai.SubnetHyperparameters;
import io.luxtensor.ai.Tempo;
import io.luxtensor.ai.WeightsCheck;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.state.StateReader;
import io.luxtensor.state.WorldState;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Log;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The weights validators put on the UIDs of their subnet, as subtensor takes them: {@code setWeights} directly, or,
 * on a subnet with commit-reveal on, {@code commitWeights} with a hash and {@code revealWeights} with what it hid,
 * only in the epoch {@code commitRevealPeriod} epochs after the commitment's. Both run subtensor's checks
 * ({@link WeightsCheck}) and store the weights scaled so the largest is 65535; Yuma reads them every tempo. The caller
 * is the hotkey. ABI: abi/Weights.json.
 *
 * <p>The commitment is {@code keccak256(abi.encode(address hotkey, uint16 netuid, uint16[] uids, uint16[] values,
 * bytes32 salt, uint64 versionKey))} ({@code commitHash} computes it). One commitment per hotkey and subnet waits at a
 * time; a reveal consumes it, so it cannot be replayed.
 *
 * <p>Storage, each record at {@code keccak256(key) + field}: per UID ({@code "weights" ‖ netuid ‖ uid}) the number of
 * weights, the block they were set in plus one, then the weights as (uid, value) u16 pairs, eight to a word; per
 * hotkey and subnet ({@code "commit" ‖ netuid ‖ hotkey}) the commitment and its block plus one.
 */
public final class WeightsContract extends AbiSystemContract {
  public static final Address ADDRESS = Address.fromHex("0x0000000000000000000000000000000000001005");
  public static final String WEIGHTS_SET_EVENT = "WeightsSet(address,uint16,uint16,uint256,uint64)";
  public static final String WEIGHTS_COMMITTED_EVENT = "WeightsCommitted(address,uint16,bytes32)";

  static final long VIEW_GAS = 2_600;
  static final long COMMIT_GAS = 40_000;
  /** What setting weights costs before the weights themselves, each of which adds {@link #GAS_PER_WEIGHT}. */
  static final long SET_GAS = 40_000;
  static final long GAS_PER_WEIGHT = 2_000;

  private static final int COUNT_FIELD = 0;
  private static final int SET_AT_FIELD = 1;
  private static final int PAIRS_FIELD = 2;
  private static final int PAIRS_PER_WORD = 8;
  private static final int HASH_FIELD = 0;
  private static final int COMMITTED_AT_FIELD = 1;
  private static final List<AbiType> COMMIT_HASH_INPUTS = List.of(AbiType.ADDRESS, AbiType.UINT16,
      AbiType.UINT16_ARRAY, AbiType.UINT16_ARRAY, AbiType.BYTES32, AbiType.UINT64);

  private final AbiDispatcher dispatcher = new AbiDispatcher("Weights", List.of(
      new ContractFunction("setWeights", List.of(AbiType.UINT16, AbiType.UINT16_ARRAY, AbiType.UINT16_ARRAY,
          AbiType.UINT64), List.of(), SET_GAS, false, WeightsContract::setWeights),
      new ContractFunction("commitWeights", List.of(AbiType.UINT16, AbiType.BYTES32), List.of(), COMMIT_GAS, false,
          WeightsContract::commitWeights),
      new ContractFunction("revealWeights", List.of(AbiType.UINT16, AbiType.UINT16_ARRAY, AbiType.UINT16_ARRAY,
          AbiType.BYTES32, AbiType.UINT64), List.of(), SET_GAS, false, WeightsContract::revealWeights),
      new ContractFunction("weights", List.of(AbiType.UINT16, AbiType.UINT16),
          List.of(AbiType.UINT16_ARRAY, AbiType.UINT16_ARRAY, AbiType.UINT64), VIEW_GAS, false,
          WeightsContract::weightsView),
      new ContractFunction("commitment", List.of(AbiType.UINT16, AbiType.ADDRESS),
          List.of(AbiType.BYTES32, AbiType.UINT64), VIEW_GAS, false, WeightsContract::commitmentView),
      new ContractFunction("commitHash", COMMIT_HASH_INPUTS, List.of(AbiType.BYTES32), VIEW_GAS, false,
          (call, args) -> success(List.of(AbiType.BYTES32),
              List.of(Hash.keccak(Abi.encode(COMMIT_HASH_INPUTS, args)).toBytes()), List.of(), VIEW_GAS))));

  /** A UID's weights as stored, and the block it set them in (empty if it never did since it registered). */
  public record Row(List<WeightsCheck.Weight> weights, Optional<Long> setAt) {
    public Row {
      weights = List.copyOf(weights);
    }
  }

  /** A commitment waiting for its reveal. */
  public record Commitment(Hash hash, long block) {}

  public WeightsContract() {
    super(ADDRESS, "Weights", List.of(WEIGHTS_SET_EVENT, WEIGHTS_COMMITTED_EVENT));
  }

  @Override
  protected AbiDispatcher dispatcher() {
    return dispatcher;
  }

  /** UID {@code uid}'s weights on subnet {@code netuid}. */
  public static Row row(StateReader state, int netuid, int uid) {
    int count = field(state, netuid, uid, COUNT_FIELD).intValueExact();
    List<WeightsCheck.Weight> weights = new ArrayList<>(count);
    BigInteger word = BigInteger.ZERO;
    for (int i = 0; i < count; i++) {
      if (i % PAIRS_PER_WORD == 0) {
        word = field(state, netuid, uid, PAIRS_FIELD + i / PAIRS_PER_WORD);
      }
      int pair = word.shiftRight(32 * (i % PAIRS_PER_WORD)).intValue();
      weights.add(new WeightsCheck.Weight(pair >>> 16, pair & 0xffff));
    }
    return new Row(weights, setAt(state, netuid, uid));
  }

  /**
   * The block {@code neuron} last set weights in, or its registration block if it has set none since: where Yuma
   * counts its activity from.
   */
  public static long lastUpdate(StateReader state, NeuronsContract.Neuron neuron) {
    return setAt(state, neuron.netuid(), neuron.uid()).orElse(neuron.registeredAt());
  }

  private static Optional<Long> setAt(StateReader state, int netuid, int uid) {
    BigInteger setAtPlusOne = field(state, netuid, uid, SET_AT_FIELD);
    return setAtPlusOne.signum() == 0 ? Optional.empty() : Optional.of(setAtPlusOne.longValueExact() - 1);
  }

  /** {@code hotkey}'s commitment on subnet {@code netuid}, if one waits. */
  public static Optional<Commitment> commitment(StateReader state, int netuid, Address hotkey) {
    BigInteger blockPlusOne = state.storage(ADDRESS, commitSlot(netuid, hotkey, COMMITTED_AT_FIELD));
    return blockPlusOne.signum() == 0 ? Optional.empty() : Optional.of(new Commitment(
        ContractStorage.slot(state.storage(ADDRESS, commitSlot(netuid, hotkey, HASH_FIELD))),
        blockPlusOne.longValueExact() - 1));
  }

  /** Forgets UID {@code uid}'s weights, as a new hotkey takes the UID. */
  static void clearUid(WorldState state, int netuid, int uid) {
    int count = field(state, netuid, uid, COUNT_FIELD).intValueExact();
    for (int w = 0; w < words(count); w++) {
      setField(state, netuid, uid, PAIRS_FIELD + w, BigInteger.ZERO);
    }
    setField(state, netuid, uid, COUNT_FIELD, BigInteger.ZERO);
    setField(state, netuid, uid, SET_AT_FIELD, BigInteger.ZERO);
  }

  private static CallOutcome setWeights(SystemCall call, List<Object> args) {
    int netuid = netuid(args);
    Optional<SubnetRegistryContract.Subnet> subnet = SubnetRegistryContract.read(call.state(), netuid);
    if (subnet.isPresent() && subnet.get().hyperparameters().commitReveal()) {
      return revert("subnet " + netuid + " takes weights by commitWeights and revealWeights only", SET_GAS);
    }
    return store(call, netuid, subnet, uint16s(args.get(1)), uint16s(args.get(2)), (BigInteger) args.get(3));
  }

  private static CallOutcome commitWeights(SystemCall call, List<Object> args) {
    WorldState state = call.state();
    int netuid = netuid(args);
    Optional<SubnetRegistryContract.Subnet> subnet = SubnetRegistryContract.read(state, netuid);
    if (subnet.isEmpty()) {
      return revert("no subnet " + netuid, COMMIT_GAS);
    }
    SubnetHyperparameters parameters = subnet.get().hyperparameters();
    if (!parameters.commitReveal()) {
      return revert("subnet " + netuid + " has commit-reveal off: set weights with setWeights", COMMIT_GAS);
    }
    if (NeuronsContract.uidOf(state, netuid, call.caller()).isEmpty()) {
      return revert("hotkey " + call.caller().toChecksumHex() + " has no UID on subnet " + netuid, COMMIT_GAS);
    }
    long block = call.block().number();
    Optional<Commitment> waiting = commitment(state, netuid, call.caller());
    if (waiting.isPresent() && !Tempo.isExpired(netuid, parameters.tempo(), parameters.commitRevealPeriod(),
        waiting.get().block(), block)) {
      return revert("the commitment of block " + waiting.get().block() + " waits for its reveal in epoch "
          + revealEpoch(netuid, parameters, waiting.get().block()), COMMIT_GAS);
    }
    byte[] hash = (byte[]) args.get(1);
    state.setStorage(ADDRESS, commitSlot(netuid, call.caller(), HASH_FIELD), new BigInteger(1, hash));
    state.setStorage(ADDRESS, commitSlot(netuid, call.caller(), COMMITTED_AT_FIELD), BigInteger.valueOf(block + 1));
    Log committed = new Log(ADDRESS, List.of(topic(WEIGHTS_COMMITTED_EVENT), addressTopic(call.caller())),
        Bytes.of(Abi.encode(List.of(AbiType.UINT16, AbiType.BYTES32), List.of(BigInteger.valueOf(netuid), hash))));
    return new CallOutcome.Success(new byte[0], List.of(committed), COMMIT_GAS);
  }

  private static CallOutcome revealWeights(SystemCall call, List<Object> args) {
    WorldState state = call.state();
    int netuid = netuid(args);
    Optional<SubnetRegistryContract.Subnet> subnet = SubnetRegistryContract.read(state, netuid);
    if (subnet.isEmpty()) {
      return revert("no subnet " + netuid, SET_GAS);
    }
    SubnetHyperparameters parameters = subnet.get().hyperparameters();
    if (!parameters.commitReveal()) {
      return revert("subnet " + netuid + " has commit-reveal off: set weights with setWeights", SET_GAS);
    }
    Optional<Commitment> waiting = commitment(state, netuid, call.caller());
    if (waiting.isEmpty()) {
      return revert("hotkey " + call.caller().toChecksumHex() + " has no commitment to reveal on subnet " + netuid,
          SET_GAS);
    }
    long block = call.block().number();
    long committedAt = waiting.get().block();
    long epoch = Tempo.epochOf(netuid, parameters.tempo(), block);
    if (Tempo.isExpired(netuid, parameters.tempo(), parameters.commitRevealPeriod(), committedAt, block)) {
      return revert("the commitment of block " + committedAt + " expired after epoch "
          + revealEpoch(netuid, parameters, committedAt) + "; commit again", SET_GAS);
    }
    if (!Tempo.isRevealWindow(netuid, parameters.tempo(), parameters.commitRevealPeriod(), committedAt, block)) {
      return revert("the commitment of block " + committedAt + " is revealed in epoch "
          + revealEpoch(netuid, parameters, committedAt) + ", not in epoch " + epoch, SET_GAS);
    }
    List<Object> hashed = List.of(call.caller(), BigInteger.valueOf(netuid), args.get(1), args.get(2), args.get(3),
        args.get(4));
    if (!Hash.keccak(Abi.encode(COMMIT_HASH_INPUTS, hashed)).equals(waiting.get().hash())) {
      return revert("the reveal does not match the commitment (uids, values, salt and versionKey must be those "
          + "hashed)", SET_GAS);
    }
    CallOutcome stored = store(call, netuid, subnet, uint16s(args.get(1)), uint16s(args.get(2)),
        (BigInteger) args.get(4));
    if (stored instanceof CallOutcome.Success) {
      state.setStorage(ADDRESS, commitSlot(netuid, call.caller(), HASH_FIELD), BigInteger.ZERO);
      state.setStorage(ADDRESS, commitSlot(netuid, call.caller(), COMMITTED_AT_FIELD), BigInteger.ZERO);
    }
    return stored;
  }

  /** Checks the caller's weights as subtensor does and stores what passes. */
  private static CallOutcome store(SystemCall call, int netuid, Optional<SubnetRegistryContract.Subnet> subnet,
      List<Long> uids, List<Long> values, BigInteger versionKey) {
    WorldState state = call.state();
    long gas = SET_GAS + GAS_PER_WEIGHT * uids.size();
    if (call.gasAvailable() < gas) {
      return revert("out of gas (" + uids.size() + " weights need " + gas + ")", call.gasAvailable());
    }
    if (subnet.isEmpty()) {
      return revert("no subnet " + netuid, gas);
    }
    Optional<Integer> uid = NeuronsContract.uidOf(state, netuid, call.caller());
    if (uid.isEmpty()) {
      return revert("hotkey " + call.caller().toChecksumHex() + " has no UID on subnet " + netuid, gas);
    }
    long block = call.block().number();
    WeightsCheck.Outcome outcome = WeightsCheck.check(uid.get(), MetagraphContract.permit(state, netuid, uid.get()),
        row(state, netuid, uid.get()).setAt(), block, NeuronsContract.neuronCount(state, netuid),
        subnet.get().hyperparameters(), uids, values);
    if (outcome instanceof WeightsCheck.Outcome.Refused refused) {
      return revert(refused.reason(), gas);
    }
    List<WeightsCheck.Weight> weights = ((WeightsCheck.Outcome.Accepted) outcome).weights();
    // The new weights overwrite the old ones' words; only the words past them are cleared.
    int stored = field(state, netuid, uid.get(), COUNT_FIELD).intValueExact();
    for (int w = words(weights.size()); w < words(stored); w++) {
      setField(state, netuid, uid.get(), PAIRS_FIELD + w, BigInteger.ZERO);
    }
    for (int w = 0; w < words(weights.size()); w++) {
      BigInteger word = BigInteger.ZERO;
      for (int i = w * PAIRS_PER_WORD; i < Math.min(weights.size(), (w + 1) * PAIRS_PER_WORD); i++) {
        long pair = ((long) weights.get(i).uid() << 16) | weights.get(i).value();
        word = word.or(BigInteger.valueOf(pair).shiftLeft(32 * (i % PAIRS_PER_WORD)));
      }
      setField(state, netuid, uid.get(), PAIRS_FIELD + w, word);
    }
    setField(state, netuid, uid.get(), COUNT_FIELD, BigInteger.valueOf(weights.size()));
    setField(state, netuid, uid.get(), SET_AT_FIELD, BigInteger.valueOf(block + 1));
    Log set = new Log(ADDRESS, List.of(topic(WEIGHTS_SET_EVENT), addressTopic(call.caller())), Bytes.of(Abi.encode(
        List.of(AbiType.UINT16, AbiType.UINT16, AbiType.UINT256, AbiType.UINT64), List.of(BigInteger.valueOf(netuid),
            BigInteger.valueOf(uid.get()), BigInteger.valueOf(weights.size()), versionKey))));
    return new CallOutcome.Success(new byte[0], List.of(set), gas);
  }

  private static CallOutcome weightsView(SystemCall call, List<Object> args) {
    Row row = row(call.state(), netuid(args), ((BigInteger) args.get(1)).intValueExact());
    return success(List.of(AbiType.UINT16_ARRAY, AbiType.UINT16_ARRAY, AbiType.UINT64), List.of(
        row.weights().stream().map(w -> BigInteger.valueOf(w.uid())).toList(),
        row.weights().stream().map(w -> BigInteger.valueOf(w.value())).toList(),
        BigInteger.valueOf(row.setAt().orElse(0L))), List.of(), VIEW_GAS);
  }

  private static CallOutcome commitmentView(SystemCall call, List<Object> args) {
    Optional<Commitment> waiting = commitment(call.state(), netuid(args), (Address) args.get(1));
    return success(List.of(AbiType.BYTES32, AbiType.UINT64), List.of(
        waiting.map(c -> c.hash().toBytes()).orElse(new byte[32]),
        BigInteger.valueOf(waiting.map(Commitment::block).orElse(0L))), List.of(), VIEW_GAS);
  }

  private static long revealEpoch(int netuid, SubnetHyperparameters parameters, long committedAt) {
    return Tempo.epochOf(netuid, parameters.tempo(), committedAt) + parameters.commitRevealPeriod();
  }

  private static int words(int pairs) {
    return (pairs + PAIRS_PER_WORD - 1) / PAIRS_PER_WORD;
  }

  @SuppressWarnings("unchecked")
  private static List<Long> uint16s(Object decoded) {
    return ((List<BigInteger>) decoded).stream().map(BigInteger::longValueExact).toList();
  }

  private static int netuid(List<Object> args) {
    return ((BigInteger) args.get(0)).intValueExact();
  }

  private static BigInteger field(StateReader state, int netuid, int uid, int field) {
    return state.storage(ADDRESS, weightsSlot(netuid, uid, field));
  }

  private static void setField(WorldState state, int netuid, int uid, int field, BigInteger value) {
    state.setStorage(ADDRESS, weightsSlot(netuid, uid, field), value);
  }

  private static Hash weightsSlot(int netuid, int uid, int field) {
    return ContractStorage.field(key("weights", BigInteger.valueOf(netuid), BigInteger.valueOf(uid)), field);
  }

  private static Hash commitSlot(int netuid, Address hotkey, int field) {
    return ContractStorage.field(key("commit", BigInteger.valueOf(netuid), wordOf(hotkey)), field);
  }

  private static CallOutcome revert(String reason, long gas) {
    return CallOutcome.revert("Weights: " + reason, gas);
  }
}
