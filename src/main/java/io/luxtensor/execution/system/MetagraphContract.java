package io.luxtensor.execution.system;

import static io.luxtensor.execution.system.ContractStorage.key;

import io.luxtensor.ai.SubnetHyperparameters;
import io.luxtensor.ai.Tempo;
import io.luxtensor.ai.yuma.UidResult;
import io.luxtensor.ai.yuma.UidState;
import io.luxtensor.ai.yuma.Yuma;
import io.luxtensor.ai.yuma.YumaParameters;
import io.luxtensor.execution.BlockContext;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.state.StateReader;
import io.luxtensor.state.WorldState;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The AI network's emission and every subnet's Yuma epoch. Each block issues {@link Rules#blockEmission}, split evenly
 * across the subnets and held for them; as a block closes, every subnet whose tempo ends there ({@link Tempo}) runs
 * its epoch: the owner's cut of what it accrued goes to the subnet owner, {@link Yuma} divides the rest between its
 * miners (by incentive) and validators (by dividends), and the results are stored per UID and readable here. A miner's
 * emission becomes its coldkey's stake on its hotkey; a validator's pays its take to its coldkey and grows the stake
 * of everyone staked on it, itself and its delegators, in proportion ({@link StakeContract#creditPool}). The validator
 * permits an epoch grants hold until the next one. ABI: abi/Metagraph.json.
 *
 * <p>Storage: the emission each subnet has been issued since the chain began ({@code "luxtensor.metagraph.issued"});
 * per subnet ({@code "epoch" ‖ netuid}) that figure at its last epoch and the block of its last epoch; per UID
 * ({@code "result" ‖ netuid ‖ uid}) rank, trust, validator trust, consensus, incentive, dividends and permit packed
 * as u16s, its miner and validator emission of the last epoch, the number of its bonds and the bonds, sixteen u16s to
 * a word.
 */
public final class MetagraphContract extends AbiSystemContract implements BlockClosing {
  public static final Address ADDRESS = Address.fromHex("0x0000000000000000000000000000000000001006");

  static final long VIEW_GAS = 2_600;

  private static final Hash ISSUED_SLOT = ContractStorage.named("luxtensor.metagraph.issued");
  private static final int ISSUED_AT_EPOCH_FIELD = 0;
  private static final int LAST_EPOCH_FIELD = 1;
  private static final int PACKED_FIELD = 0;
  private static final int MINER_EMISSION_FIELD = 1;
  private static final int VALIDATOR_EMISSION_FIELD = 2;
  private static final int BONDS_COUNT_FIELD = 3;
  private static final int BONDS_FIELD = 4;
  private static final int U16S_PER_WORD = 16;
  private static final int PERMIT_BIT = 96;
  private static final List<AbiType> RESULT_OUTPUTS = List.of(AbiType.UINT16, AbiType.UINT16, AbiType.UINT16,
      AbiType.UINT16, AbiType.UINT16, AbiType.UINT16, AbiType.UINT256, AbiType.BOOL);

  /**
   * The chain's emission.
   *
   * @param blockEmission issued every block to the subnets, split evenly
   * @param ownerCut the subnet owner's share of its subnet's emission, of 65535
   */
  public record Rules(Wei blockEmission, int ownerCut) {
    /** One LUX a block; the owner's cut is 18%, as subtensor's. */
    public static final Rules DEFAULTS = new Rules(Wei.ofLux("1"), 11_796);

    public Rules {
      if (ownerCut < 0 || ownerCut > SubnetHyperparameters.U16_MAX) {
        throw new IllegalArgumentException("the owner's cut is of 65535, not " + ownerCut);
      }
    }
  }

  private final Rules rules;
  private final AbiDispatcher dispatcher;

  public MetagraphContract() {
    this(Rules.DEFAULTS);
  }

  public MetagraphContract(Rules rules) {
    super(ADDRESS, "Metagraph", List.of());
    this.rules = rules;
    this.dispatcher = new AbiDispatcher("Metagraph", List.of(
        new ContractFunction("blockEmission", List.of(), List.of(AbiType.UINT256), VIEW_GAS, false,
            (call, args) -> success(List.of(AbiType.UINT256), List.of(rules.blockEmission().value()), List.of(),
                VIEW_GAS)),
        new ContractFunction("ownerCut", List.of(), List.of(AbiType.UINT16), VIEW_GAS, false,
            (call, args) -> success(List.of(AbiType.UINT16), List.of(BigInteger.valueOf(rules.ownerCut())),
                List.of(), VIEW_GAS)),
        new ContractFunction("lastEpoch", List.of(AbiType.UINT16), List.of(AbiType.UINT64), VIEW_GAS, false,
            (call, args) -> success(List.of(AbiType.UINT64),
                List.of(BigInteger.valueOf(lastEpoch(call.state(), netuid(args)))), List.of(), VIEW_GAS)),
        new ContractFunction("pendingEmission", List.of(AbiType.UINT16), List.of(AbiType.UINT256), VIEW_GAS, false,
            (call, args) -> success(List.of(AbiType.UINT256),
                List.of(pendingEmission(call.state(), netuid(args))), List.of(), VIEW_GAS)),
        new ContractFunction("result", List.of(AbiType.UINT16, AbiType.UINT16), RESULT_OUTPUTS, VIEW_GAS, false,
            MetagraphContract::resultView),
        new ContractFunction("bonds", List.of(AbiType.UINT16, AbiType.UINT16), List.of(AbiType.UINT16_ARRAY),
            VIEW_GAS, false, MetagraphContract::bondsView)));
  }

  @Override
  protected AbiDispatcher dispatcher() {
    return dispatcher;
  }

  @Override
  public void closeBlock(WorldState state, BlockContext block) {
    int subnets = SubnetRegistryContract.count(state);
    if (subnets == 0) {
      return;
    }
    BigInteger issued = state.storage(ADDRESS, ISSUED_SLOT)
        .add(rules.blockEmission().value().divide(BigInteger.valueOf(subnets)));
    state.setStorage(ADDRESS, ISSUED_SLOT, issued);
    for (int netuid = 0; netuid < subnets; netuid++) {
      if (Tempo.runsEpoch(netuid, SubnetRegistryContract.tempo(state, netuid), block.number())) {
        runEpoch(state, netuid, block.number(), issued);
      }
    }
  }

  /** Starts subnet {@code netuid}'s share of the emission from now, as it registers. */
  static void openSubnet(WorldState state, int netuid) {
    setSubnetField(state, netuid, ISSUED_AT_EPOCH_FIELD, state.storage(ADDRESS, ISSUED_SLOT));
  }

  /** What subnet {@code netuid} has accrued since its last epoch, before the owner's cut. */
  public static BigInteger pendingEmission(StateReader state, int netuid) {
    if (SubnetRegistryContract.read(state, netuid).isEmpty()) {
      return BigInteger.ZERO;
    }
    return state.storage(ADDRESS, ISSUED_SLOT).subtract(subnetField(state, netuid, ISSUED_AT_EPOCH_FIELD));
  }

  /** The block subnet {@code netuid} last ran its epoch in; 0 before its first. */
  public static long lastEpoch(StateReader state, int netuid) {
    return subnetField(state, netuid, LAST_EPOCH_FIELD).longValueExact();
  }

  /** Whether UID {@code uid} holds a validator permit from its subnet's last epoch. */
  public static boolean permit(StateReader state, int netuid, int uid) {
    return resultField(state, netuid, uid, PACKED_FIELD).testBit(PERMIT_BIT);
  }

  /** UID {@code uid}'s results from its subnet's last epoch (all zero before its first). */
  public static UidResult result(StateReader state, int netuid, int uid) {
    BigInteger packed = resultField(state, netuid, uid, PACKED_FIELD);
    List<Integer> bonds = bondsOf(state, netuid, uid);
    return new UidResult(u16(packed, 0), u16(packed, 1), u16(packed, 2), u16(packed, 3), u16(packed, 4),
        u16(packed, 5), resultField(state, netuid, uid, MINER_EMISSION_FIELD),
        resultField(state, netuid, uid, VALIDATOR_EMISSION_FIELD), packed.testBit(PERMIT_BIT),
        bonds.stream().mapToInt(Integer::intValue).toArray());
  }

  /** UID {@code uid}'s emission of its subnet's last epoch. */
  public static BigInteger emission(StateReader state, int netuid, int uid) {
    return resultField(state, netuid, uid, MINER_EMISSION_FIELD)
        .add(resultField(state, netuid, uid, VALIDATOR_EMISSION_FIELD));
  }

  /** Forgets UID {@code uid}'s results, as a new hotkey takes the UID. */
  static void clearUid(WorldState state, int netuid, int uid) {
    writeResult(state, netuid, uid, new UidResult(0, 0, 0, 0, 0, 0, BigInteger.ZERO, BigInteger.ZERO, false,
        new int[0]));
  }

  private void runEpoch(WorldState state, int netuid, long block, BigInteger issued) {
    SubnetRegistryContract.Subnet subnet = SubnetRegistryContract.read(state, netuid).orElseThrow();
    SubnetHyperparameters parameters = subnet.hyperparameters();
    BigInteger emission = issued.subtract(subnetField(state, netuid, ISSUED_AT_EPOCH_FIELD));
    long lastEpoch = lastEpoch(state, netuid);
    setSubnetField(state, netuid, ISSUED_AT_EPOCH_FIELD, issued);
    setSubnetField(state, netuid, LAST_EPOCH_FIELD, BigInteger.valueOf(block));
    BigInteger ownerCut = emission.multiply(BigInteger.valueOf(rules.ownerCut()))
        .divide(BigInteger.valueOf(SubnetHyperparameters.U16_MAX));
    state.addBalance(subnet.owner(), Wei.of(ownerCut));
    List<NeuronsContract.Neuron> neurons = NeuronsContract.neurons(state, netuid);
    if (neurons.isEmpty()) {
      return;
    }
    int n = neurons.size();
    List<UidState> uids = new ArrayList<>(n);
    for (NeuronsContract.Neuron neuron : neurons) {
      WeightsContract.Row row = WeightsContract.row(state, netuid, neuron.uid());
      int[] weights = new int[row.weights().isEmpty() ? 0 : n];
      row.weights().forEach(w -> weights[w.uid()] = w.value());
      List<Integer> storedBonds = bondsOf(state, netuid, neuron.uid());
      int[] bonds = new int[storedBonds.isEmpty() ? 0 : n];
      for (int j = 0; j < storedBonds.size(); j++) {
        bonds[j] = storedBonds.get(j);
      }
      uids.add(new UidState(StakeContract.totalStake(state, netuid, neuron.hotkey()),
          row.setAt().orElse(neuron.registeredAt()), neuron.registeredAt(), weights, bonds));
    }
    YumaParameters yuma = new YumaParameters(parameters.kappa(), YumaParameters.BONDS_PENALTY_DEFAULT,
        parameters.bondsMovingAverage(), parameters.activityCutoff(), parameters.maxValidators(), BigInteger.ZERO);
    int ownerUid = NeuronsContract.uidOf(state, netuid, subnet.owner()).orElse(-1);
    List<UidResult> results = Yuma.epoch(yuma, uids, block, lastEpoch, ownerUid, emission.subtract(ownerCut));
    for (int uid = 0; uid < n; uid++) {
      UidResult result = results.get(uid);
      writeResult(state, netuid, uid, result);
      pay(state, netuid, neurons.get(uid), result);
    }
  }

  /** Issues a UID's emission as stake: the miner's to its coldkey, the validator's take too, the rest to its pool. */
  private static void pay(WorldState state, int netuid, NeuronsContract.Neuron neuron, UidResult result) {
    if (result.minerEmission().signum() > 0) {
      StakeContract.creditStaker(state, netuid, neuron.hotkey(), neuron.coldkey(), result.minerEmission());
    }
    if (result.validatorEmission().signum() > 0) {
      BigInteger take = result.validatorEmission().multiply(BigInteger.valueOf(StakeContract.take(state,
          neuron.hotkey()))).divide(BigInteger.valueOf(SubnetHyperparameters.U16_MAX));
      // The pool first, so the take is not itself paid a share of what the stakers earned.
      StakeContract.creditPool(state, netuid, neuron.hotkey(), result.validatorEmission().subtract(take));
      if (take.signum() > 0) {
        StakeContract.creditStaker(state, netuid, neuron.hotkey(), neuron.coldkey(), take);
      }
    }
  }

  private static void writeResult(WorldState state, int netuid, int uid, UidResult result) {
    int[] values = {result.rank(), result.trust(), result.validatorTrust(), result.consensus(), result.incentive(),
        result.dividends()};
    BigInteger packed = result.validatorPermit() ? BigInteger.ONE.shiftLeft(PERMIT_BIT) : BigInteger.ZERO;
    for (int i = 0; i < values.length; i++) {
      packed = packed.or(BigInteger.valueOf(values[i]).shiftLeft(16 * i));
    }
    setResultField(state, netuid, uid, PACKED_FIELD, packed);
    setResultField(state, netuid, uid, MINER_EMISSION_FIELD, result.minerEmission());
    setResultField(state, netuid, uid, VALIDATOR_EMISSION_FIELD, result.validatorEmission());
    int[] bonds = result.bonds();
    int oldWords = words(resultField(state, netuid, uid, BONDS_COUNT_FIELD).intValueExact());
    for (int w = 0; w < Math.max(oldWords, words(bonds.length)); w++) {
      BigInteger word = BigInteger.ZERO;
      for (int i = w * U16S_PER_WORD; i < Math.min(bonds.length, (w + 1) * U16S_PER_WORD); i++) {
        word = word.or(BigInteger.valueOf(bonds[i]).shiftLeft(16 * (i % U16S_PER_WORD)));
      }
      setResultField(state, netuid, uid, BONDS_FIELD + w, word);
    }
    setResultField(state, netuid, uid, BONDS_COUNT_FIELD, BigInteger.valueOf(bonds.length));
  }

  private static List<Integer> bondsOf(StateReader state, int netuid, int uid) {
    int count = resultField(state, netuid, uid, BONDS_COUNT_FIELD).intValueExact();
    List<Integer> bonds = new ArrayList<>(count);
    BigInteger word = BigInteger.ZERO;
    for (int i = 0; i < count; i++) {
      if (i % U16S_PER_WORD == 0) {
        word = resultField(state, netuid, uid, BONDS_FIELD + i / U16S_PER_WORD);
      }
      bonds.add(u16(word, i % U16S_PER_WORD));
    }
    return bonds;
  }

  private static CallOutcome bondsView(SystemCall call, List<Object> args) {
    int netuid = netuid(args);
    int uid = ((BigInteger) args.get(1)).intValueExact();
    if (uid >= NeuronsContract.neuronCount(call.state(), netuid)) {
      return noUid(netuid, uid);
    }
    return success(List.of(AbiType.UINT16_ARRAY), List.of(bondsOf(call.state(), netuid, uid).stream()
        .map(BigInteger::valueOf).toList()), List.of(), VIEW_GAS);
  }

  private static CallOutcome resultView(SystemCall call, List<Object> args) {
    int netuid = netuid(args);
    int uid = ((BigInteger) args.get(1)).intValueExact();
    if (uid >= NeuronsContract.neuronCount(call.state(), netuid)) {
      return noUid(netuid, uid);
    }
    UidResult r = result(call.state(), netuid, uid);
    return success(RESULT_OUTPUTS, List.of(BigInteger.valueOf(r.rank()), BigInteger.valueOf(r.trust()),
        BigInteger.valueOf(r.validatorTrust()), BigInteger.valueOf(r.consensus()), BigInteger.valueOf(r.incentive()),
        BigInteger.valueOf(r.dividends()), r.emission(), r.validatorPermit()), List.of(), VIEW_GAS);
  }

  private static CallOutcome noUid(int netuid, int uid) {
    return CallOutcome.revert("Metagraph: no UID " + uid + " on subnet " + netuid, VIEW_GAS);
  }

  private static int u16(BigInteger packed, int index) {
    return packed.shiftRight(16 * index).intValue() & 0xffff;
  }

  private static int words(int u16s) {
    return (u16s + U16S_PER_WORD - 1) / U16S_PER_WORD;
  }

  private static int netuid(List<Object> args) {
    return ((BigInteger) args.get(0)).intValueExact();
  }

  private static BigInteger subnetField(StateReader state, int netuid, int field) {
    return state.storage(ADDRESS, ContractStorage.field(key("epoch", BigInteger.valueOf(netuid)), field));
  }

  private static void setSubnetField(WorldState state, int netuid, int field, BigInteger value) {
    state.setStorage(ADDRESS, ContractStorage.field(key("epoch", BigInteger.valueOf(netuid)), field), value);
  }

  private static BigInteger resultField(StateReader state, int netuid, int uid, int field) {
    return state.storage(ADDRESS, resultSlot(netuid, uid, field));
  }

  private static void setResultField(WorldState state, int netuid, int uid, int field, BigInteger value) {
    state.setStorage(ADDRESS, resultSlot(netuid, uid, field), value);
  }

  private static Hash resultSlot(int netuid, int uid, int field) {
    return ContractStorage.field(key("result", BigInteger.valueOf(netuid), BigInteger.valueOf(uid)), field);
  }
}
