package io.luxtensor.execution.system;

import static io.luxtensor.execution.system.ContractStorage.addressOf;
import static io.luxtensor.execution.system.ContractStorage.addressTopic;
import static io.luxtensor.execution.system.ContractStorage.topic;
import static io.luxtensor.execution.system.ContractStorage.word;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.crypto.Ecvrf;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.state.WorldState;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Log;
import io.luxtensor.types.StakingRecord;
import io.luxtensor.types.StakingRecord.Status;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Where validators put their stake: {@code registerValidator(vrfPublicKey)} with at least the minimum stake,
 * {@code addStake()}, {@code requestExit()}, and {@code withdraw()} once rotation has let the stake go. The contract
 * holds the stake and the registry; the epoch boundary's rotation decides who is active (consensus's
 * {@code ValidatorRotation} over {@link #registry}). ABI: abi/Staking.json.
 *
 * <p>Storage: the count of validators at {@link #COUNT_SLOT}; the address of the i-th at {@code INDEX_BASE + i}; a
 * validator's record at {@code keccak256(address) + 0..6}: stake, packed (registration + 1, status with the slashed
 * flag in bit 8, activation epoch, exit epoch), the 33-byte VRF key in two slots, the epoch of its latest vote
 * carried on chain (written as blocks carry votes, see {@link #recordVote}), and the stake it weighs with this
 * epoch and next (see {@link StakingRecord#weight}).
 */
public final class StakingContract extends AbiSystemContract {
  public static final Address ADDRESS = Address.fromHex("0x0000000000000000000000000000000000001001");
  /** The default of the genesis's {@code config.staking.minimumStake}. */
  public static final Wei MINIMUM_STAKE = Wei.ofLux("32");
  public static final String REGISTERED_EVENT = "ValidatorRegistered(address,uint256,bytes)";
  public static final String STAKE_ADDED_EVENT = "StakeAdded(address,uint256,uint256)";
  public static final String EXIT_REQUESTED_EVENT = "ExitRequested(address)";
  public static final String WITHDRAWN_EVENT = "Withdrawn(address,uint256)";

  static final Hash COUNT_SLOT = ContractStorage.named("luxtensor.staking.count");
  static final BigInteger INDEX_BASE = ContractStorage.base("luxtensor.staking.index");
  static final long VIEW_GAS = 2_600;
  /** Several storage writes and a log: priced near the EVM's cost of the same (4 SSTOREs of new slots, LOG2). */
  static final long REGISTER_GAS = 90_000;
  static final long UPDATE_GAS = 30_000;

  private static final BigInteger LOW_64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigInteger STATUS_MASK = BigInteger.valueOf(0xff);
  private static final int SLASHED_BIT = 8;
  /** The record's slot holding the epoch of its latest vote carried on chain. */
  private static final int LAST_VOTE_FIELD = 4;
  /** The record's slots holding the stake it weighs with this epoch and next. */
  private static final int WEIGHT_FIELD = 5;
  private static final int NEXT_WEIGHT_FIELD = 6;
  private static final List<AbiType> VALIDATOR_OUTPUTS = List.of(AbiType.UINT256, AbiType.UINT64, AbiType.UINT64,
      AbiType.UINT64, AbiType.UINT64, AbiType.BYTES);

  private final Wei minimumStake;
  private final AbiDispatcher dispatcher = new AbiDispatcher("Staking", List.of(
      new ContractFunction("registerValidator", List.of(AbiType.BYTES), List.of(), REGISTER_GAS, true,
          this::register),
      new ContractFunction("addStake", List.of(), List.of(AbiType.UINT256), UPDATE_GAS, true,
          StakingContract::addStake),
      new ContractFunction("requestExit", List.of(), List.of(), UPDATE_GAS, false, StakingContract::requestExit),
      new ContractFunction("withdraw", List.of(), List.of(AbiType.UINT256), UPDATE_GAS, false,
          StakingContract::withdraw),
      new ContractFunction("minimumStake", List.of(), List.of(AbiType.UINT256), VIEW_GAS, false,
          this::minimumStake),
      new ContractFunction("validatorCount", List.of(), List.of(AbiType.UINT256), VIEW_GAS, false,
          (call, args) -> success(List.of(AbiType.UINT256), List.of(call.state().storage(ADDRESS, COUNT_SLOT)),
              List.of(), VIEW_GAS)),
      new ContractFunction("validatorAt", List.of(AbiType.UINT256), List.of(AbiType.ADDRESS), VIEW_GAS, false,
          StakingContract::validatorAt),
      new ContractFunction("validator", List.of(AbiType.ADDRESS), VALIDATOR_OUTPUTS, VIEW_GAS, false,
          StakingContract::validator)));

  /** The contract of a chain with the default minimum stake. */
  public StakingContract() {
    this(MINIMUM_STAKE);
  }

  /** The contract of a chain whose genesis sets {@code minimumStake}, the least stake a registration may bring. */
  public StakingContract(Wei minimumStake) {
    super(ADDRESS, "Staking", List.of(REGISTERED_EVENT, STAKE_ADDED_EVENT, EXIT_REQUESTED_EVENT, WITHDRAWN_EVENT));
    this.minimumStake = minimumStake;
  }

  @Override
  protected AbiDispatcher dispatcher() {
    return dispatcher;
  }

  /** Every validator ever registered, in registration order. */
  public static List<StakingRecord> registry(BiFunction<Address, Hash, BigInteger> storage) {
    long count = storage.apply(ADDRESS, COUNT_SLOT).longValueExact();
    List<StakingRecord> records = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      Address validator = addressOf(storage.apply(ADDRESS, indexSlot(i)));
      records.add(read(storage, validator).orElseThrow(
          () -> new IllegalStateException("staking registry lists " + validator + " without a record")));
    }
    return records;
  }

  /** Writes {@code records} over the registry's: rotation's changes of status and epochs. */
  public static void update(WorldState state, List<StakingRecord> records) {
    records.forEach(record -> write(state, record));
  }

  /**
   * Notes that a block carried {@code validator}'s vote for a slot of {@code epoch}: its latest such epoch is what
   * the inactivity penalty measures absence from. Only ever moves forward; an address without a record is ignored.
   */
  public static void recordVote(WorldState state, Address validator, long epoch) {
    Hash slot = recordSlot(validator, LAST_VOTE_FIELD);
    if (state.storage(ADDRESS, recordSlot(validator, 1)).signum() != 0
        && state.storage(ADDRESS, slot).compareTo(BigInteger.valueOf(epoch)) < 0) {
      state.setStorage(ADDRESS, slot, BigInteger.valueOf(epoch));
    }
  }

  /**
   * Registers validators at genesis, active from epoch 0, with their stake minted into the contract: the chain's
   * first validators need no transaction to exist.
   */
  public static void registerAtGenesis(WorldState state, Address validator, Wei stake, Bytes vrfPublicKey) {
    long registration = state.storage(ADDRESS, COUNT_SLOT).longValueExact();
    append(state, new StakingRecord(validator, stake, vrfPublicKey, registration, Status.ACTIVE, 0, 0));
    state.addBalance(ADDRESS, stake);
  }

  private CallOutcome register(SystemCall call, List<Object> args) {
    byte[] vrfPublicKey = (byte[]) args.get(0);
    WorldState state = call.state();
    if (read(state::storage, call.caller()).isPresent()) {
      return CallOutcome.revert("Staking: " + call.caller() + " is already registered", REGISTER_GAS);
    }
    if (!Ecvrf.isValidPublicKey(vrfPublicKey)) {
      return CallOutcome.revert("Staking: vrfPublicKey is not a compressed P-256 point (33 bytes)", REGISTER_GAS);
    }
    if (call.value().compareTo(minimumStake) < 0) {
      return CallOutcome.revert("Staking: a stake of at least " + minimumStake.toLuxString() + " LUX is required",
          REGISTER_GAS);
    }
    long registration = state.storage(ADDRESS, COUNT_SLOT).longValueExact();
    append(state, new StakingRecord(call.caller(), call.value(), Bytes.of(vrfPublicKey), registration, Status.PENDING,
        0, 0));
    Log registered = new Log(ADDRESS, List.of(topic(REGISTERED_EVENT), addressTopic(call.caller())),
        Bytes.of(Abi.encode(List.of(AbiType.UINT256, AbiType.BYTES), List.of(call.value().value(), vrfPublicKey))));
    return new CallOutcome.Success(new byte[0], List.of(registered), REGISTER_GAS);
  }

  private CallOutcome minimumStake(SystemCall call, List<Object> args) {
    return success(List.of(AbiType.UINT256), List.of(minimumStake.value()), List.of(), VIEW_GAS);
  }

  private static CallOutcome addStake(SystemCall call, List<Object> args) {
    Optional<StakingRecord> record = read(call.state()::storage, call.caller());
    if (record.isEmpty()) {
      return CallOutcome.revert("Staking: " + call.caller() + " is not registered", UPDATE_GAS);
    }
    if (!List.of(Status.PENDING, Status.ACTIVE, Status.EXIT_REQUESTED).contains(record.get().status())) {
      return CallOutcome.revert("Staking: a leaving validator cannot add stake", UPDATE_GAS);
    }
    if (call.value().isZero()) {
      return CallOutcome.revert("Staking: addStake needs a value", UPDATE_GAS);
    }
    Wei total = record.get().stake().add(call.value());
    write(call.state(), record.get().withStake(total));
    Log added = new Log(ADDRESS, List.of(topic(STAKE_ADDED_EVENT), addressTopic(call.caller())),
        Bytes.of(Abi.encode(List.of(AbiType.UINT256, AbiType.UINT256), List.of(call.value().value(), total.value()))));
    return success(List.of(AbiType.UINT256), List.of(total.value()), List.of(added), UPDATE_GAS);
  }

  private static CallOutcome requestExit(SystemCall call, List<Object> args) {
    Optional<StakingRecord> record = read(call.state()::storage, call.caller());
    if (record.isEmpty()) {
      return CallOutcome.revert("Staking: " + call.caller() + " is not registered", UPDATE_GAS);
    }
    StakingRecord r = record.get();
    StakingRecord next = switch (r.status()) {
      case PENDING -> r.withStatus(Status.WITHDRAWABLE, 0, 0);
      case ACTIVE -> r.withStatus(Status.EXIT_REQUESTED, r.activationEpoch(), 0);
      case EXIT_REQUESTED, EXITING, WITHDRAWABLE, WITHDRAWN -> null;
    };
    if (next == null) {
      return CallOutcome.revert("Staking: " + call.caller() + " is already leaving", UPDATE_GAS);
    }
    write(call.state(), next);
    Log requested = new Log(ADDRESS, List.of(topic(EXIT_REQUESTED_EVENT), addressTopic(call.caller())), Bytes.EMPTY);
    return new CallOutcome.Success(new byte[0], List.of(requested), UPDATE_GAS);
  }

  private static CallOutcome withdraw(SystemCall call, List<Object> args) {
    Optional<StakingRecord> record = read(call.state()::storage, call.caller());
    if (record.isEmpty() || record.get().status() != Status.WITHDRAWABLE) {
      return CallOutcome.revert("Staking: nothing to withdraw for " + call.caller()
          + " (the stake is released after exit and the withdrawal delay)", UPDATE_GAS);
    }
    Wei stake = record.get().stake();
    write(call.state(), record.get().withStake(Wei.ZERO).withStatus(Status.WITHDRAWN, record.get().activationEpoch(),
        record.get().exitEpoch()));
    call.state().subtractBalance(ADDRESS, stake);
    call.state().addBalance(call.caller(), stake);
    Log withdrawn = new Log(ADDRESS, List.of(topic(WITHDRAWN_EVENT), addressTopic(call.caller())),
        Bytes.of(Abi.encode(List.of(AbiType.UINT256), List.of(stake.value()))));
    return success(List.of(AbiType.UINT256), List.of(stake.value()), List.of(withdrawn), UPDATE_GAS);
  }

  private static CallOutcome validatorAt(SystemCall call, List<Object> args) {
    BigInteger index = (BigInteger) args.get(0);
    if (index.compareTo(call.state().storage(ADDRESS, COUNT_SLOT)) >= 0) {
      return CallOutcome.revert("Staking: no validator at index " + index, VIEW_GAS);
    }
    Address validator = addressOf(call.state().storage(ADDRESS, indexSlot(index.longValueExact())));
    return success(List.of(AbiType.ADDRESS), List.of(validator), List.of(), VIEW_GAS);
  }

  private static CallOutcome validator(SystemCall call, List<Object> args) {
    Address validator = (Address) args.get(0);
    Optional<StakingRecord> record = read(call.state()::storage, validator);
    if (record.isEmpty()) {
      return CallOutcome.revert("Staking: " + validator + " is not registered", VIEW_GAS);
    }
    StakingRecord r = record.get();
    return success(VALIDATOR_OUTPUTS, List.of(r.stake().value(), BigInteger.valueOf(r.status().ordinal()),
        BigInteger.valueOf(r.activationEpoch()), BigInteger.valueOf(r.exitEpoch()),
        BigInteger.valueOf(r.registration()), r.vrfPublicKey().toArray()), List.of(), VIEW_GAS);
  }

  private static void append(WorldState state, StakingRecord record) {
    state.setStorage(ADDRESS, indexSlot(record.registration()), new BigInteger(1, record.address().toBytes()));
    state.setStorage(ADDRESS, COUNT_SLOT, BigInteger.valueOf(record.registration() + 1));
    write(state, record);
  }

  private static Optional<StakingRecord> read(BiFunction<Address, Hash, BigInteger> storage, Address validator) {
    BigInteger packed = storage.apply(ADDRESS, recordSlot(validator, 1));
    if (packed.signum() == 0) {
      return Optional.empty();
    }
    long registration = packed.shiftRight(192).longValue() - 1;
    BigInteger flags = packed.shiftRight(128).and(LOW_64);
    Status status = Status.values()[flags.and(STATUS_MASK).intValueExact()];
    boolean slashed = flags.testBit(SLASHED_BIT);
    long activationEpoch = packed.shiftRight(64).and(LOW_64).longValue();
    long exitEpoch = packed.and(LOW_64).longValue();
    byte[] vrf = new byte[Ecvrf.PUBLIC_KEY_BYTES];
    byte[] head = word(storage.apply(ADDRESS, recordSlot(validator, 2)));
    System.arraycopy(head, 0, vrf, 0, 32);
    vrf[32] = storage.apply(ADDRESS, recordSlot(validator, 3)).byteValue();
    long lastVoteEpoch = storage.apply(ADDRESS, recordSlot(validator, LAST_VOTE_FIELD)).longValueExact();
    return Optional.of(new StakingRecord(validator, Wei.of(storage.apply(ADDRESS, recordSlot(validator, 0))),
        Bytes.of(vrf), registration, status, activationEpoch, exitEpoch, slashed, lastVoteEpoch,
        Wei.of(storage.apply(ADDRESS, recordSlot(validator, WEIGHT_FIELD))),
        Wei.of(storage.apply(ADDRESS, recordSlot(validator, NEXT_WEIGHT_FIELD)))));
  }

  private static void write(WorldState state, StakingRecord record) {
    Address validator = record.address();
    state.setStorage(ADDRESS, recordSlot(validator, 0), record.stake().value());
    state.setStorage(ADDRESS, recordSlot(validator, 1), BigInteger.valueOf(record.registration() + 1).shiftLeft(192)
        .or(BigInteger.valueOf(record.status().ordinal() | (record.slashed() ? 1L << SLASHED_BIT : 0)).shiftLeft(128))
        .or(BigInteger.valueOf(record.activationEpoch()).shiftLeft(64))
        .or(BigInteger.valueOf(record.exitEpoch())));
    byte[] vrf = record.vrfPublicKey().toArray();
    state.setStorage(ADDRESS, recordSlot(validator, 2), new BigInteger(1, Arrays.copyOf(vrf, 32)));
    state.setStorage(ADDRESS, recordSlot(validator, 3), BigInteger.valueOf(vrf[32] & 0xff));
    state.setStorage(ADDRESS, recordSlot(validator, LAST_VOTE_FIELD), BigInteger.valueOf(record.lastVoteEpoch()));
    state.setStorage(ADDRESS, recordSlot(validator, WEIGHT_FIELD), record.weight().value());
    state.setStorage(ADDRESS, recordSlot(validator, NEXT_WEIGHT_FIELD), record.nextWeight().value());
  }

  private static Hash recordSlot(Address validator, int field) {
    return ContractStorage.field(validator.toBytes(), field);
  }

  private static Hash indexSlot(long index) {
    return ContractStorage.slot(INDEX_BASE.add(BigInteger.valueOf(index)));
  }

}
