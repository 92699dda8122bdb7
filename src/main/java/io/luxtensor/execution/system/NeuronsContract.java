package io.luxtensor.execution.system;

import static io.luxtensor.execution.system.ContractStorage.addressOf;
import static io.luxtensor.execution.system.ContractStorage.addressTopic;
import static io.luxtensor.execution.system.ContractStorage.key;
import static io.luxtensor.execution.system.ContractStorage.topic;
import static io.luxtensor.execution.system.ContractStorage.word;
import static io.luxtensor.execution.system.ContractStorage.wordOf;

import io.luxtensor.ai.RegistrationPricing;
import io.luxtensor.ai.UidPruning;
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
 * The neurons of every subnet: a coldkey registers a hotkey to a UID of a subnet by burning the subnet's current
 * burn ({@code burnedRegister(netuid, hotkey)}; the rest of the value is returned); a full subnet gives the UID with
 * the lowest emission past its immunity period ({@link UidPruning}); a hotkey belongs to the first coldkey that
 * registers it; a hotkey announces where it serves ({@code serveAxon}). The burn follows demand each interval of
 * {@link Rules#adjustmentBlocks} blocks ({@link RegistrationPricing#nextBurn}). ABI: abi/Neurons.json.
 *
 * <p>Storage, each record at {@code keccak256(key) + field} with a key that names its kind: per subnet
 * ({@code "subnet" ‖ netuid}) the UID count, the burn, the adjustment interval (plus one) and its registrations;
 * per UID ({@code "neuron" ‖ netuid ‖ uid}) hotkey, coldkey, registration block, model hash, endpoint length and
 * the endpoint in four words; per hotkey and subnet its UID plus one; per hotkey its coldkey. Its emission is the
 * Metagraph's ({@link MetagraphContract#emission}).
 */
public final class NeuronsContract extends AbiSystemContract {
  public static final Address ADDRESS = Address.fromHex("0x0000000000000000000000000000000000001003");
  public static final String REGISTERED_EVENT = "NeuronRegistered(address,uint16,uint16,address,uint256)";
  public static final String AXON_SERVED_EVENT = "AxonServed(address,uint16,string,bytes32)";
  public static final int ENDPOINT_BYTES_MAX = 128;

  static final long VIEW_GAS = 2_600;
  static final long REGISTER_GAS = 120_000;
  static final long SERVE_GAS = 60_000;
  /** Past this many idle intervals the burn has long reached its floor: the catch-up stops counting. */
  private static final int ADJUSTMENTS_MAX = 64;

  private static final int COUNT_FIELD = 0;
  private static final int BURN_FIELD = 1;
  private static final int INTERVAL_FIELD = 2;
  private static final int REGISTRATIONS_FIELD = 3;
  private static final int HOTKEY_FIELD = 0;
  private static final int COLDKEY_FIELD = 1;
  private static final int REGISTERED_AT_FIELD = 2;
  private static final int MODEL_HASH_FIELD = 3;
  private static final int ENDPOINT_LENGTH_FIELD = 4;
  private static final int ENDPOINT_FIELD = 5;
  private static final int ENDPOINT_WORDS = ENDPOINT_BYTES_MAX / 32;
  private static final List<AbiType> NEURON_OUTPUTS = List.of(AbiType.ADDRESS, AbiType.ADDRESS, AbiType.UINT64,
      AbiType.UINT256, AbiType.STRING, AbiType.BYTES32);

  /**
   * The chain's rules for registering neurons.
   *
   * @param initialBurn a new subnet's burn
   * @param minimumBurn the burn never falls below this
   * @param maximumBurn nor rises above this
   * @param adjustmentBlocks blocks of one adjustment interval
   * @param targetRegistrations registrations per interval that keep the burn where it is
   */
  public record Rules(Wei initialBurn, Wei minimumBurn, Wei maximumBurn, long adjustmentBlocks,
      long targetRegistrations) {
    public static final Rules DEFAULTS =
        new Rules(Wei.ofLux("1"), Wei.ofLux("0.1"), Wei.ofLux("100"), 100, 2);
  }

  /** A registered UID as stored. */
  public record Neuron(int netuid, int uid, Address hotkey, Address coldkey, long registeredAt, Wei emission,
      String endpoint, Bytes modelHash) {}

  private final Rules rules;
  private final AbiDispatcher dispatcher = new AbiDispatcher("Neurons", List.of(
      new ContractFunction("burnedRegister", List.of(AbiType.UINT16, AbiType.ADDRESS), List.of(AbiType.UINT16),
          REGISTER_GAS, true, this::register),
      new ContractFunction("serveAxon", List.of(AbiType.UINT16, AbiType.STRING, AbiType.BYTES32), List.of(),
          SERVE_GAS, false, NeuronsContract::serveAxon),
      new ContractFunction("burn", List.of(AbiType.UINT16), List.of(AbiType.UINT256), VIEW_GAS, false,
          this::burnView),
      new ContractFunction("neuronCount", List.of(AbiType.UINT16), List.of(AbiType.UINT256), VIEW_GAS, false,
          NeuronsContract::neuronCountView),
      new ContractFunction("neuron", List.of(AbiType.UINT16, AbiType.UINT16), NEURON_OUTPUTS, VIEW_GAS, false,
          NeuronsContract::neuronView),
      new ContractFunction("uidOf", List.of(AbiType.UINT16, AbiType.ADDRESS), List.of(AbiType.BOOL, AbiType.UINT16),
          VIEW_GAS, false, NeuronsContract::uidOfView)));

  public NeuronsContract() {
    this(Rules.DEFAULTS);
  }

  public NeuronsContract(Rules rules) {
    super(ADDRESS, "Neurons", List.of(REGISTERED_EVENT, AXON_SERVED_EVENT));
    this.rules = rules;
  }

  @Override
  protected AbiDispatcher dispatcher() {
    return dispatcher;
  }

  /** The UIDs of subnet {@code netuid}, by UID. */
  public static List<Neuron> neurons(StateReader state, int netuid) {
    List<Neuron> neurons = new ArrayList<>();
    for (int uid = 0; uid < neuronCount(state, netuid); uid++) {
      neurons.add(neuron(state, netuid, uid));
    }
    return neurons;
  }

  /** The burn a registration on {@code netuid} pays in {@code block} on a chain that runs {@code rules}. */
  public static BigInteger burn(StateReader state, Rules rules, int netuid, long block) {
    return adjusted(state, rules, netuid, block).burn();
  }

  private record Pricing(BigInteger burn, long interval, long registrations) {}

  /** The subnet's burn carried forward over the intervals that ended since its last registration. */
  private static Pricing adjusted(StateReader state, Rules rules, int netuid, long block) {
    BigInteger stored = subnetField(state, netuid, BURN_FIELD);
    BigInteger burn = stored.signum() == 0 ? rules.initialBurn().value() : stored;
    long interval = block / rules.adjustmentBlocks();
    BigInteger storedInterval = subnetField(state, netuid, INTERVAL_FIELD);
    if (storedInterval.signum() == 0) {
      return new Pricing(burn, interval, 0);
    }
    long last = storedInterval.longValueExact() - 1;
    long registrations = subnetField(state, netuid, REGISTRATIONS_FIELD).longValueExact();
    for (long i = last; i < interval && i < last + ADJUSTMENTS_MAX; i++) {
      burn = RegistrationPricing.nextBurn(burn, i == last ? registrations : 0, rules.targetRegistrations(),
          rules.minimumBurn().value(), rules.maximumBurn().value());
    }
    return new Pricing(burn, interval, interval == last ? registrations : 0);
  }

  private CallOutcome register(SystemCall call, List<Object> args) {
    WorldState state = call.state();
    int netuid = ((BigInteger) args.get(0)).intValueExact();
    Address hotkey = (Address) args.get(1);
    Address coldkey = call.caller();
    long block = call.block().number();
    Optional<SubnetRegistryContract.Subnet> subnet = SubnetRegistryContract.read(state, netuid);
    if (subnet.isEmpty()) {
      return revert("no subnet " + netuid, REGISTER_GAS);
    }
    if (uidOf(state, netuid, hotkey).isPresent()) {
      return revert("hotkey " + hotkey.toChecksumHex() + " already has a UID on subnet " + netuid, REGISTER_GAS);
    }
    Optional<Address> owner = coldkeyOf(state, hotkey);
    if (owner.isPresent() && !owner.get().equals(coldkey)) {
      return revert("hotkey " + hotkey.toChecksumHex() + " belongs to coldkey " + owner.get().toChecksumHex(),
          REGISTER_GAS);
    }
    Pricing pricing = adjusted(state, rules, netuid, block);
    if (call.value().value().compareTo(pricing.burn()) < 0) {
      return revert("registering on subnet " + netuid + " burns " + Wei.of(pricing.burn()).toLuxString()
          + " LUX; the call sent " + call.value().toLuxString() + " LUX", REGISTER_GAS);
    }
    int count = neuronCount(state, netuid);
    int uid;
    if (count < subnet.get().hyperparameters().maxUids()) {
      uid = count;
      setSubnetField(state, netuid, COUNT_FIELD, BigInteger.valueOf(count + 1L));
    } else {
      List<UidPruning.Candidate> candidates = neurons(state, netuid).stream()
          .map(n -> new UidPruning.Candidate(n.emission().value(), n.registeredAt())).toList();
      Optional<Integer> replaced = UidPruning.uidToReplace(candidates, block,
          subnet.get().hyperparameters().immunityPeriod());
      if (replaced.isEmpty()) {
        return revert("subnet " + netuid + " is full and every UID is within its immunity period of "
            + subnet.get().hyperparameters().immunityPeriod() + " blocks", REGISTER_GAS);
      }
      uid = replaced.get();
      state.setStorage(ADDRESS, uidSlot(netuid, neuron(state, netuid, uid).hotkey()), BigInteger.ZERO);
      clearNeuron(state, netuid, uid);
      WeightsContract.clearUid(state, netuid, uid);
      MetagraphContract.clearUid(state, netuid, uid);
    }
    setNeuronField(state, netuid, uid, HOTKEY_FIELD, wordOf(hotkey));
    setNeuronField(state, netuid, uid, COLDKEY_FIELD, wordOf(coldkey));
    setNeuronField(state, netuid, uid, REGISTERED_AT_FIELD, BigInteger.valueOf(block));
    state.setStorage(ADDRESS, uidSlot(netuid, hotkey), BigInteger.valueOf(uid + 1L));
    state.setStorage(ADDRESS, ownerSlot(hotkey), wordOf(coldkey));
    setSubnetField(state, netuid, BURN_FIELD, pricing.burn());
    setSubnetField(state, netuid, INTERVAL_FIELD, BigInteger.valueOf(pricing.interval() + 1));
    setSubnetField(state, netuid, REGISTRATIONS_FIELD, BigInteger.valueOf(pricing.registrations() + 1));
    // The burn leaves circulation; the rest of the value goes back.
    state.subtractBalance(ADDRESS, call.value());
    state.addBalance(coldkey, Wei.of(call.value().value().subtract(pricing.burn())));
    Log registered = new Log(ADDRESS, List.of(topic(REGISTERED_EVENT), addressTopic(hotkey)), Bytes.of(Abi.encode(
        List.of(AbiType.UINT16, AbiType.UINT16, AbiType.ADDRESS, AbiType.UINT256),
        List.of(BigInteger.valueOf(netuid), BigInteger.valueOf(uid), coldkey, pricing.burn()))));
    return success(List.of(AbiType.UINT16), List.of(BigInteger.valueOf(uid)), List.of(registered), REGISTER_GAS);
  }

  private static CallOutcome serveAxon(SystemCall call, List<Object> args) {
    WorldState state = call.state();
    int netuid = ((BigInteger) args.get(0)).intValueExact();
    String endpoint = (String) args.get(1);
    byte[] modelHash = (byte[]) args.get(2);
    Optional<Integer> uid = uidOf(state, netuid, call.caller());
    if (uid.isEmpty()) {
      return revert("hotkey " + call.caller().toChecksumHex() + " has no UID on subnet " + netuid, SERVE_GAS);
    }
    byte[] bytes = endpoint.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > ENDPOINT_BYTES_MAX) {
      return revert("an endpoint has at most " + ENDPOINT_BYTES_MAX + " bytes, not " + bytes.length, SERVE_GAS);
    }
    List<BigInteger> words = ContractStorage.toWords(bytes, ENDPOINT_WORDS);
    for (int i = 0; i < ENDPOINT_WORDS; i++) {
      setNeuronField(state, netuid, uid.get(), ENDPOINT_FIELD + i, words.get(i));
    }
    setNeuronField(state, netuid, uid.get(), ENDPOINT_LENGTH_FIELD, BigInteger.valueOf(bytes.length));
    setNeuronField(state, netuid, uid.get(), MODEL_HASH_FIELD, new BigInteger(1, modelHash));
    Log served = new Log(ADDRESS, List.of(topic(AXON_SERVED_EVENT), addressTopic(call.caller())), Bytes.of(
        Abi.encode(List.of(AbiType.UINT16, AbiType.STRING, AbiType.BYTES32),
            List.of(BigInteger.valueOf(netuid), endpoint, modelHash))));
    return new CallOutcome.Success(new byte[0], List.of(served), SERVE_GAS);
  }

  private CallOutcome burnView(SystemCall call, List<Object> args) {
    int netuid = ((BigInteger) args.get(0)).intValueExact();
    if (SubnetRegistryContract.read(call.state(), netuid).isEmpty()) {
      return revert("no subnet " + netuid, VIEW_GAS);
    }
    return success(List.of(AbiType.UINT256), List.of(burn(call.state(), rules, netuid, call.block().number())),
        List.of(), VIEW_GAS);
  }

  private static CallOutcome neuronCountView(SystemCall call, List<Object> args) {
    int netuid = ((BigInteger) args.get(0)).intValueExact();
    return success(List.of(AbiType.UINT256), List.of(BigInteger.valueOf(neuronCount(call.state(), netuid))),
        List.of(), VIEW_GAS);
  }

  private static CallOutcome neuronView(SystemCall call, List<Object> args) {
    int netuid = ((BigInteger) args.get(0)).intValueExact();
    int uid = ((BigInteger) args.get(1)).intValueExact();
    if (uid >= neuronCount(call.state(), netuid)) {
      return revert("no UID " + uid + " on subnet " + netuid, VIEW_GAS);
    }
    Neuron n = neuron(call.state(), netuid, uid);
    return success(NEURON_OUTPUTS, List.of(n.hotkey(), n.coldkey(), BigInteger.valueOf(n.registeredAt()),
        n.emission().value(), n.endpoint(), n.modelHash().toArray()), List.of(), VIEW_GAS);
  }

  private static CallOutcome uidOfView(SystemCall call, List<Object> args) {
    Optional<Integer> uid = uidOf(call.state(), ((BigInteger) args.get(0)).intValueExact(), (Address) args.get(1));
    return success(List.of(AbiType.BOOL, AbiType.UINT16), List.of(uid.isPresent(),
        BigInteger.valueOf(uid.orElse(0))), List.of(), VIEW_GAS);
  }

  /** UID {@code uid} of subnet {@code netuid}, if the subnet has it. */
  public static Optional<Neuron> find(StateReader state, int netuid, int uid) {
    return uid < neuronCount(state, netuid) ? Optional.of(neuron(state, netuid, uid)) : Optional.empty();
  }

  private static Neuron neuron(StateReader state, int netuid, int uid) {
    int length = neuronField(state, netuid, uid, ENDPOINT_LENGTH_FIELD).intValueExact();
    List<BigInteger> endpoint = new ArrayList<>();
    for (int i = 0; i < ENDPOINT_WORDS; i++) {
      endpoint.add(neuronField(state, netuid, uid, ENDPOINT_FIELD + i));
    }
    return new Neuron(netuid, uid, addressOf(neuronField(state, netuid, uid, HOTKEY_FIELD)),
        addressOf(neuronField(state, netuid, uid, COLDKEY_FIELD)),
        neuronField(state, netuid, uid, REGISTERED_AT_FIELD).longValueExact(),
        Wei.of(MetagraphContract.emission(state, netuid, uid)),
        ContractStorage.stringOf(endpoint, length),
        Bytes.of(word(neuronField(state, netuid, uid, MODEL_HASH_FIELD))));
  }

  private static void clearNeuron(WorldState state, int netuid, int uid) {
    for (int field = HOTKEY_FIELD; field < ENDPOINT_FIELD + ENDPOINT_WORDS; field++) {
      setNeuronField(state, netuid, uid, field, BigInteger.ZERO);
    }
  }

  /** {@code hotkey}'s UID on subnet {@code netuid}, if it has one. */
  public static Optional<Integer> uidOf(StateReader state, int netuid, Address hotkey) {
    BigInteger stored = state.storage(ADDRESS, uidSlot(netuid, hotkey));
    return stored.signum() == 0 ? Optional.empty() : Optional.of(stored.intValueExact() - 1);
  }

  /** The coldkey that owns {@code hotkey}, if any registered it. */
  public static Optional<Address> coldkeyOf(StateReader state, Address hotkey) {
    BigInteger owner = state.storage(ADDRESS, ownerSlot(hotkey));
    return owner.signum() == 0 ? Optional.empty() : Optional.of(addressOf(owner));
  }

  /** How many UIDs subnet {@code netuid} has. */
  public static int neuronCount(StateReader state, int netuid) {
    return subnetField(state, netuid, COUNT_FIELD).intValueExact();
  }

  private static BigInteger subnetField(StateReader state, int netuid, int field) {
    return state.storage(ADDRESS, ContractStorage.field(key("subnet", BigInteger.valueOf(netuid)), field));
  }

  private static void setSubnetField(WorldState state, int netuid, int field, BigInteger value) {
    state.setStorage(ADDRESS, ContractStorage.field(key("subnet", BigInteger.valueOf(netuid)), field), value);
  }

  private static BigInteger neuronField(StateReader state, int netuid, int uid, int field) {
    return state.storage(ADDRESS, neuronSlot(netuid, uid, field));
  }

  private static void setNeuronField(WorldState state, int netuid, int uid, int field, BigInteger value) {
    state.setStorage(ADDRESS, neuronSlot(netuid, uid, field), value);
  }

  private static Hash neuronSlot(int netuid, int uid, int field) {
    return ContractStorage.field(key("neuron", BigInteger.valueOf(netuid), BigInteger.valueOf(uid)), field);
  }

  private static Hash uidSlot(int netuid, Address hotkey) {
    return ContractStorage.field(key("uid", BigInteger.valueOf(netuid), wordOf(hotkey)), 0);
  }

  private static Hash ownerSlot(Address hotkey) {
    return ContractStorage.field(key("owner", wordOf(hotkey)), 0);
  }

  private static CallOutcome revert(String reason, long gas) {
    return CallOutcome.revert("Neurons: " + reason, gas);
  }

}
