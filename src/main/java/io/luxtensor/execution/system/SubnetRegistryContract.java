package io.luxtensor.execution.system;

import static io.luxtensor.execution.system.ContractStorage.addressOf;
import static io.luxtensor.execution.system.ContractStorage.addressTopic;
import static io.luxtensor.execution.system.ContractStorage.topic;
import static io.luxtensor.execution.system.ContractStorage.wordOf;

import io.luxtensor.ai.RegistrationPricing;
import io.luxtensor.ai.SubnetHyperparameters;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.state.StateReader;
import io.luxtensor.state.WorldState;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Log;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ModernTensor subnets: {@code registerSubnet(name, hyperparameters)} locks at least {@link #lockCost} (which
 * doubles after each registration and decays linearly back to the minimum; the rest of the value is returned), at
 * most one registration per {@link Rules#rateLimitBlocks} blocks; the owner sets the hyperparameters within their
 * bounds ({@link SubnetHyperparameters}). ABI: abi/SubnetRegistry.json.
 *
 * <p>Hyperparameters travel as a {@code uint256[]} in this order: tempo, maxUids, maxValidators, immunityPeriod,
 * activityCutoff, weightsRateLimit, minAllowedWeights, kappa, bondsMovingAverage, commitReveal (0 or 1),
 * commitRevealPeriod; an empty array means the defaults.
 *
 * <p>Storage: the subnet count, the last lock and the block it was taken in (plus one; zero for none) at named
 * slots; subnet {@code netuid}'s record at {@code keccak256(uint256(netuid)) + 0..}: owner, lock, registration block,
 * name length, the name in two words, then the eleven hyperparameters.
 */
public final class SubnetRegistryContract extends AbiSystemContract {
  public static final Address ADDRESS = Address.fromHex("0x0000000000000000000000000000000000001002");
  public static final String REGISTERED_EVENT = "SubnetRegistered(address,uint16,string,uint256)";
  public static final String HYPERPARAMETERS_SET_EVENT = "HyperparametersSet(address,uint16)";
  public static final int NAME_BYTES_MAX = 64;
  static final int HYPERPARAMETER_COUNT = 11;

  static final long VIEW_GAS = 2_600;
  static final long REGISTER_GAS = 150_000;
  static final long UPDATE_GAS = 60_000;

  private static final Hash COUNT_SLOT = ContractStorage.named("luxtensor.subnets.count");
  private static final Hash LAST_LOCK_SLOT = ContractStorage.named("luxtensor.subnets.lastLock");
  private static final Hash LAST_LOCK_BLOCK_SLOT = ContractStorage.named("luxtensor.subnets.lastLockBlock");
  private static final int OWNER_FIELD = 0;
  private static final int LOCK_FIELD = 1;
  private static final int REGISTERED_AT_FIELD = 2;
  private static final int NAME_LENGTH_FIELD = 3;
  private static final int NAME_FIELD = 4;
  private static final int NAME_WORDS = NAME_BYTES_MAX / 32;
  private static final int HYPERPARAMETERS_FIELD = 6;
  private static final List<AbiType> SUBNET_OUTPUTS =
      List.of(AbiType.ADDRESS, AbiType.STRING, AbiType.UINT256, AbiType.UINT64);

  /**
   * The chain's rules for registering subnets.
   *
   * @param minimumLock the least a subnet locks
   * @param lockDecayBlocks blocks over which a doubled lock decays back by the last lock
   * @param rateLimitBlocks blocks between two registrations
   * @param subnetsMax how many subnets the chain holds
   */
  public record Rules(Wei minimumLock, long lockDecayBlocks, long rateLimitBlocks, int subnetsMax) {
    public static final Rules DEFAULTS = new Rules(Wei.ofLux("100"), 14_400, 10, 1_024);
  }

  private final Rules rules;
  private final AbiDispatcher dispatcher = new AbiDispatcher("SubnetRegistry", List.of(
      new ContractFunction("registerSubnet", List.of(AbiType.STRING, AbiType.UINT256_ARRAY), List.of(AbiType.UINT16),
          REGISTER_GAS, true, this::register),
      new ContractFunction("setHyperparameters", List.of(AbiType.UINT16, AbiType.UINT256_ARRAY), List.of(),
          UPDATE_GAS, false, SubnetRegistryContract::setHyperparameters),
      new ContractFunction("lockCost", List.of(), List.of(AbiType.UINT256), VIEW_GAS, false,
          (call, args) -> success(List.of(AbiType.UINT256), List.of(lockCost(call.state(), call.block().number())),
              List.of(), VIEW_GAS)),
      new ContractFunction("subnetCount", List.of(), List.of(AbiType.UINT256), VIEW_GAS, false,
          (call, args) -> success(List.of(AbiType.UINT256), List.of(BigInteger.valueOf(count(call.state()))),
              List.of(), VIEW_GAS)),
      new ContractFunction("subnet", List.of(AbiType.UINT16), SUBNET_OUTPUTS, VIEW_GAS, false,
          SubnetRegistryContract::subnet),
      new ContractFunction("hyperparameters", List.of(AbiType.UINT16), List.of(AbiType.UINT256_ARRAY), VIEW_GAS,
          false, SubnetRegistryContract::hyperparametersOf)));

  public SubnetRegistryContract() {
    this(Rules.DEFAULTS);
  }

  public SubnetRegistryContract(Rules rules) {
    super(ADDRESS, "SubnetRegistry", List.of(REGISTERED_EVENT, HYPERPARAMETERS_SET_EVENT));
    this.rules = rules;
  }

  @Override
  protected AbiDispatcher dispatcher() {
    return dispatcher;
  }

  /** A registered subnet as stored. */
  public record Subnet(int netuid, Address owner, String name, Wei lock, long registeredAt,
      SubnetHyperparameters hyperparameters) {}

  /** Every subnet, by netuid. */
  public static List<Subnet> subnets(StateReader state) {
    List<Subnet> subnets = new ArrayList<>();
    for (int netuid = 0; netuid < count(state); netuid++) {
      subnets.add(read(state, netuid).orElseThrow());
    }
    return subnets;
  }

  /** Subnet {@code netuid}, if registered. */
  public static Optional<Subnet> read(StateReader state, int netuid) {
    if (netuid < 0 || netuid >= count(state)) {
      return Optional.empty();
    }
    int length = get(state, netuid, NAME_LENGTH_FIELD).intValueExact();
    List<BigInteger> name = new ArrayList<>();
    for (int i = 0; i < NAME_WORDS; i++) {
      name.add(get(state, netuid, NAME_FIELD + i));
    }
    List<BigInteger> values = new ArrayList<>();
    for (int i = 0; i < HYPERPARAMETER_COUNT; i++) {
      values.add(get(state, netuid, HYPERPARAMETERS_FIELD + i));
    }
    return Optional.of(new Subnet(netuid, addressOf(get(state, netuid, OWNER_FIELD)),
        ContractStorage.stringOf(name, length), Wei.of(get(state, netuid, LOCK_FIELD)),
        get(state, netuid, REGISTERED_AT_FIELD).longValueExact(), hyperparametersFrom(values).orElseThrow()));
  }

  /** What registering a subnet locks in block {@code block}. */
  public BigInteger lockCost(WorldState state, long block) {
    return RegistrationPricing.subnetLock(state.storage(ADDRESS, LAST_LOCK_SLOT), lastLockBlock(state), block,
        rules.minimumLock().value(), rules.lockDecayBlocks());
  }

  /** The block of the last registration, if any (stored plus one, so that zero means none). */
  private static Optional<Long> lastLockBlock(StateReader state) {
    BigInteger plusOne = state.storage(ADDRESS, LAST_LOCK_BLOCK_SLOT);
    return plusOne.signum() == 0 ? Optional.empty() : Optional.of(plusOne.longValueExact() - 1);
  }

  private CallOutcome register(SystemCall call, List<Object> args) {
    WorldState state = call.state();
    byte[] name = ((String) args.get(0)).getBytes(StandardCharsets.UTF_8);
    @SuppressWarnings("unchecked")
    List<BigInteger> values = (List<BigInteger>) args.get(1);
    long block = call.block().number();
    int netuid = count(state);
    if (name.length == 0 || name.length > NAME_BYTES_MAX) {
      return revert("a subnet name has 1 to " + NAME_BYTES_MAX + " bytes, not " + name.length, REGISTER_GAS);
    }
    if (netuid >= rules.subnetsMax()) {
      return revert("the chain holds at most " + rules.subnetsMax() + " subnets", REGISTER_GAS);
    }
    Optional<Long> lastBlock = lastLockBlock(state);
    if (lastBlock.isPresent() && block - lastBlock.get() < rules.rateLimitBlocks()) {
      return revert("a subnet was registered in block " + lastBlock.get() + "; the chain allows one every "
          + rules.rateLimitBlocks() + " blocks", REGISTER_GAS);
    }
    Checked<SubnetHyperparameters> hyperparameters = values.isEmpty()
        ? Checked.of(SubnetHyperparameters.DEFAULTS) : checked(values);
    if (hyperparameters.problem().isPresent()) {
      return revert(hyperparameters.problem().get(), REGISTER_GAS);
    }
    BigInteger lock = lockCost(state, block);
    if (call.value().value().compareTo(lock) < 0) {
      return revert("registering a subnet locks " + Wei.of(lock).toLuxString() + " LUX; the call sent "
          + call.value().toLuxString() + " LUX", REGISTER_GAS);
    }
    BigInteger change = call.value().value().subtract(lock);
    state.subtractBalance(ADDRESS, Wei.of(change));
    state.addBalance(call.caller(), Wei.of(change));
    set(state, netuid, OWNER_FIELD, wordOf(call.caller()));
    set(state, netuid, LOCK_FIELD, lock);
    set(state, netuid, REGISTERED_AT_FIELD, BigInteger.valueOf(block));
    set(state, netuid, NAME_LENGTH_FIELD, BigInteger.valueOf(name.length));
    List<BigInteger> nameWords = ContractStorage.toWords(name, NAME_WORDS);
    for (int i = 0; i < NAME_WORDS; i++) {
      set(state, netuid, NAME_FIELD + i, nameWords.get(i));
    }
    writeHyperparameters(state, netuid, hyperparameters.value());
    MetagraphContract.openSubnet(state, netuid);
    state.setStorage(ADDRESS, COUNT_SLOT, BigInteger.valueOf(netuid + 1L));
    state.setStorage(ADDRESS, LAST_LOCK_SLOT, lock);
    state.setStorage(ADDRESS, LAST_LOCK_BLOCK_SLOT, BigInteger.valueOf(block + 1));
    Log registered = new Log(ADDRESS, List.of(topic(REGISTERED_EVENT), addressTopic(call.caller())), Bytes.of(
        Abi.encode(List.of(AbiType.UINT16, AbiType.STRING, AbiType.UINT256),
            List.of(BigInteger.valueOf(netuid), new String(name, StandardCharsets.UTF_8), lock))));
    return success(List.of(AbiType.UINT16), List.of(BigInteger.valueOf(netuid)), List.of(registered), REGISTER_GAS);
  }

  private static CallOutcome setHyperparameters(SystemCall call, List<Object> args) {
    int netuid = ((BigInteger) args.get(0)).intValueExact();
    @SuppressWarnings("unchecked")
    List<BigInteger> values = (List<BigInteger>) args.get(1);
    Optional<Subnet> subnet = read(call.state(), netuid);
    if (subnet.isEmpty()) {
      return revert("no subnet " + netuid, UPDATE_GAS);
    }
    if (!subnet.get().owner().equals(call.caller())) {
      return revert("only subnet " + netuid + "'s owner " + subnet.get().owner().toChecksumHex()
          + " may set its hyperparameters", UPDATE_GAS);
    }
    Checked<SubnetHyperparameters> hyperparameters = checked(values);
    if (hyperparameters.problem().isPresent()) {
      return revert(hyperparameters.problem().get(), UPDATE_GAS);
    }
    writeHyperparameters(call.state(), netuid, hyperparameters.value());
    Log set = new Log(ADDRESS, List.of(topic(HYPERPARAMETERS_SET_EVENT), addressTopic(call.caller())),
        Bytes.of(Abi.encode(List.of(AbiType.UINT16), List.of(BigInteger.valueOf(netuid)))));
    return new CallOutcome.Success(new byte[0], List.of(set), UPDATE_GAS);
  }

  private static CallOutcome subnet(SystemCall call, List<Object> args) {
    int netuid = ((BigInteger) args.get(0)).intValueExact();
    Optional<Subnet> subnet = read(call.state(), netuid);
    if (subnet.isEmpty()) {
      return revert("no subnet " + netuid, VIEW_GAS);
    }
    Subnet s = subnet.get();
    return success(SUBNET_OUTPUTS, List.of(s.owner(), s.name(), s.lock().value(), BigInteger.valueOf(s.registeredAt())),
        List.of(), VIEW_GAS);
  }

  private static CallOutcome hyperparametersOf(SystemCall call, List<Object> args) {
    int netuid = ((BigInteger) args.get(0)).intValueExact();
    Optional<Subnet> subnet = read(call.state(), netuid);
    if (subnet.isEmpty()) {
      return revert("no subnet " + netuid, VIEW_GAS);
    }
    return success(List.of(AbiType.UINT256_ARRAY), List.of(values(subnet.get().hyperparameters())), List.of(),
        VIEW_GAS);
  }

  private static Checked<SubnetHyperparameters> checked(List<BigInteger> values) {
    Optional<SubnetHyperparameters> parsed = hyperparametersFrom(values);
    if (parsed.isEmpty()) {
      return Checked.refused("hyperparameters are " + HYPERPARAMETER_COUNT + " numbers (tempo, maxUids, "
          + "maxValidators, immunityPeriod, activityCutoff, weightsRateLimit, minAllowedWeights, kappa, "
          + "bondsMovingAverage, commitReveal, commitRevealPeriod), each below 2^31, commitReveal 0 or 1; got "
          + values);
    }
    return parsed.get().problem().<Checked<SubnetHyperparameters>>map(Checked::refused)
        .orElseGet(() -> Checked.of(parsed.get()));
  }

  private static Optional<SubnetHyperparameters> hyperparametersFrom(List<BigInteger> values) {
    if (values.size() != HYPERPARAMETER_COUNT
        || values.stream().anyMatch(v -> v.signum() < 0 || v.bitLength() > 31)
        || values.get(9).compareTo(BigInteger.ONE) > 0) {
      return Optional.empty();
    }
    int[] v = values.stream().mapToInt(BigInteger::intValueExact).toArray();
    return Optional.of(new SubnetHyperparameters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9] == 1,
        v[10]));
  }

  /** {@code p} as the contract's {@code uint256[]} carries it. */
  static List<BigInteger> values(SubnetHyperparameters p) {
    return List.of(p.tempo(), p.maxUids(), p.maxValidators(), p.immunityPeriod(), p.activityCutoff(),
        p.weightsRateLimit(), p.minAllowedWeights(), p.kappa(), p.bondsMovingAverage(), p.commitReveal() ? 1 : 0,
        p.commitRevealPeriod()).stream().map(BigInteger::valueOf).toList();
  }

  private static void writeHyperparameters(WorldState state, int netuid, SubnetHyperparameters hyperparameters) {
    List<BigInteger> values = values(hyperparameters);
    for (int i = 0; i < values.size(); i++) {
      set(state, netuid, HYPERPARAMETERS_FIELD + i, values.get(i));
    }
  }

  /** How many subnets are registered; their netuids are 0 to this, exclusive. */
  public static int count(StateReader state) {
    return state.storage(ADDRESS, COUNT_SLOT).intValueExact();
  }

  /** Subnet {@code netuid}'s tempo, read alone: every block asks it of every subnet. */
  static int tempo(StateReader state, int netuid) {
    return get(state, netuid, HYPERPARAMETERS_FIELD).intValueExact();
  }

  private static BigInteger get(StateReader state, int netuid, int field) {
    return state.storage(ADDRESS, ContractStorage.field(ContractStorage.word(BigInteger.valueOf(netuid)), field));
  }

  private static void set(WorldState state, int netuid, int field, BigInteger value) {
    state.setStorage(ADDRESS, ContractStorage.field(ContractStorage.word(BigInteger.valueOf(netuid)), field), value);
  }

  private static CallOutcome revert(String reason, long gas) {
    return CallOutcome.revert("SubnetRegistry: " + reason, gas);
  }

}
