package io.luxtensor.execution.system;

import static io.luxtensor.execution.system.ContractStorage.addressTopic;
import static io.luxtensor.execution.system.ContractStorage.key;
import static io.luxtensor.execution.system.ContractStorage.topic;
import static io.luxtensor.execution.system.ContractStorage.wordOf;

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
import java.util.List;
import java.util.Optional;

/**
 * Stake on the AI network's hotkeys, per subnet: any coldkey stakes to a hotkey that has a UID there
 * ({@code addStake}; staking to another's hotkey is delegating) and takes it back ({@code removeStake}); a hotkey's
 * owner sets the take it keeps of its delegators' dividends ({@code setTake}: at most 18%, the default; lowered at
 * any time, raised at most once per {@value #TAKE_INCREASE_BLOCKS} blocks). The stake stays in this contract.
 * ABI: abi/Stake.json.
 *
 * <p>The stake on a hotkey is a pool its stakers hold shares of, so that emission credited to the pool
 * ({@link #creditPool}) grows every staker's stake in proportion at once, however many delegators there are. A first
 * stake buys shares one for one; later ones at the pool's price, rounded for the pool.
 *
 * <p>Storage, each at {@code keccak256(key)}: a coldkey's shares of a hotkey's pool on a subnet ({@code "stake" ‖
 * netuid ‖ hotkey ‖ coldkey}), the pool's stake and its shares ({@code "total" ‖ netuid ‖ hotkey}, fields 0 and 1),
 * and per hotkey its take plus one and the block it was last raised, plus one ({@code "take" ‖ hotkey}, fields 0 and
 * 1).
 */
public final class StakeContract extends AbiSystemContract {
  public static final Address ADDRESS = Address.fromHex("0x0000000000000000000000000000000000001004");
  public static final String STAKE_ADDED_EVENT = "StakeAdded(address,uint16,address,uint256,uint256)";
  public static final String STAKE_REMOVED_EVENT = "StakeRemoved(address,uint16,address,uint256,uint256)";
  public static final String TAKE_SET_EVENT = "TakeSet(address,uint16)";
  /** 18% of 65535, subtensor's default and here also the cap. */
  public static final int TAKE_MAX = 11_796;
  public static final long TAKE_INCREASE_BLOCKS = 7_200;

  static final long VIEW_GAS = 2_600;
  static final long UPDATE_GAS = 50_000;

  private final AbiDispatcher dispatcher = new AbiDispatcher("Stake", List.of(
      new ContractFunction("addStake", List.of(AbiType.UINT16, AbiType.ADDRESS), List.of(AbiType.UINT256),
          UPDATE_GAS, true, StakeContract::addStake),
      new ContractFunction("removeStake", List.of(AbiType.UINT16, AbiType.ADDRESS, AbiType.UINT256),
          List.of(AbiType.UINT256), UPDATE_GAS, false, StakeContract::removeStake),
      new ContractFunction("setTake", List.of(AbiType.ADDRESS, AbiType.UINT16), List.of(), UPDATE_GAS, false,
          StakeContract::setTake),
      new ContractFunction("stake", List.of(AbiType.UINT16, AbiType.ADDRESS, AbiType.ADDRESS),
          List.of(AbiType.UINT256), VIEW_GAS, false, (call, args) -> success(List.of(AbiType.UINT256),
              List.of(stake(call.state(), netuid(args), (Address) args.get(1), (Address) args.get(2))), List.of(),
              VIEW_GAS)),
      new ContractFunction("totalStake", List.of(AbiType.UINT16, AbiType.ADDRESS), List.of(AbiType.UINT256),
          VIEW_GAS, false, (call, args) -> success(List.of(AbiType.UINT256),
              List.of(totalStake(call.state(), netuid(args), (Address) args.get(1))), List.of(), VIEW_GAS)),
      new ContractFunction("take", List.of(AbiType.ADDRESS), List.of(AbiType.UINT16), VIEW_GAS, false,
          (call, args) -> success(List.of(AbiType.UINT16),
              List.of(BigInteger.valueOf(take(call.state(), (Address) args.get(0)))), List.of(), VIEW_GAS))));

  public StakeContract() {
    super(ADDRESS, "Stake", List.of(STAKE_ADDED_EVENT, STAKE_REMOVED_EVENT, TAKE_SET_EVENT));
  }

  @Override
  protected AbiDispatcher dispatcher() {
    return dispatcher;
  }

  /** All the stake on {@code hotkey} on subnet {@code netuid}, its own and its delegators'. */
  public static BigInteger totalStake(StateReader state, int netuid, Address hotkey) {
    return state.storage(ADDRESS, totalSlot(netuid, hotkey));
  }

  /** {@code coldkey}'s stake on {@code hotkey} on subnet {@code netuid}: its shares of the pool at the pool's price. */
  public static BigInteger stake(StateReader state, int netuid, Address hotkey, Address coldkey) {
    BigInteger shares = state.storage(ADDRESS, stakeSlot(netuid, hotkey, coldkey));
    BigInteger totalShares = state.storage(ADDRESS, sharesSlot(netuid, hotkey));
    return shares.signum() == 0 ? BigInteger.ZERO
        : shares.multiply(totalStake(state, netuid, hotkey)).divide(totalShares);
  }

  /**
   * Issues {@code amount} into {@code hotkey}'s pool on {@code netuid}: every staker's stake grows by its share. A
   * pool nobody holds shares of goes to the hotkey's coldkey instead.
   */
  public static void creditPool(WorldState state, int netuid, Address hotkey, BigInteger amount) {
    if (state.storage(ADDRESS, sharesSlot(netuid, hotkey)).signum() == 0) {
      NeuronsContract.coldkeyOf(state, hotkey).ifPresent(c -> creditStaker(state, netuid, hotkey, c, amount));
      return;
    }
    state.addBalance(ADDRESS, Wei.of(amount));
    state.setStorage(ADDRESS, totalSlot(netuid, hotkey), totalStake(state, netuid, hotkey).add(amount));
  }

  /** Issues {@code amount} as new stake of {@code coldkey} on {@code hotkey}'s pool on {@code netuid}. */
  public static void creditStaker(WorldState state, int netuid, Address hotkey, Address coldkey, BigInteger amount) {
    state.addBalance(ADDRESS, Wei.of(amount));
    changeStake(state, netuid, hotkey, coldkey, amount);
  }

  /**
   * Takes up to {@code amount} from {@code hotkey}'s pool on {@code netuid} out of circulation, every staker losing in
   * proportion; returns what was taken.
   */
  public static BigInteger slashPool(WorldState state, int netuid, Address hotkey, BigInteger amount) {
    BigInteger total = totalStake(state, netuid, hotkey);
    BigInteger slashed = amount.min(total);
    state.subtractBalance(ADDRESS, Wei.of(slashed));
    state.setStorage(ADDRESS, totalSlot(netuid, hotkey), total.subtract(slashed));
    return slashed;
  }

  /** The share of its delegators' dividends {@code hotkey} keeps, of 65535. */
  public static int take(StateReader state, Address hotkey) {
    BigInteger stored = state.storage(ADDRESS, takeSlot(hotkey, 0));
    return stored.signum() == 0 ? TAKE_MAX : stored.intValueExact() - 1;
  }

  private static CallOutcome addStake(SystemCall call, List<Object> args) {
    int netuid = netuid(args);
    Address hotkey = (Address) args.get(1);
    if (NeuronsContract.uidOf(call.state(), netuid, hotkey).isEmpty()) {
      return revert("hotkey " + hotkey.toChecksumHex() + " has no UID on subnet " + netuid);
    }
    if (call.value().isZero()) {
      return revert("addStake needs a value");
    }
    return moved(call, netuid, hotkey, call.value().value(), STAKE_ADDED_EVENT);
  }

  private static CallOutcome removeStake(SystemCall call, List<Object> args) {
    int netuid = netuid(args);
    Address hotkey = (Address) args.get(1);
    BigInteger amount = (BigInteger) args.get(2);
    BigInteger staked = stake(call.state(), netuid, hotkey, call.caller());
    if (amount.signum() == 0 || amount.compareTo(staked) > 0) {
      return revert("cannot remove " + Wei.of(amount).toLuxString() + " LUX: " + call.caller().toChecksumHex()
          + " has " + Wei.of(staked).toLuxString() + " LUX staked on " + hotkey.toChecksumHex() + " on subnet "
          + netuid);
    }
    call.state().subtractBalance(ADDRESS, Wei.of(amount));
    call.state().addBalance(call.caller(), Wei.of(amount));
    return moved(call, netuid, hotkey, amount.negate(), STAKE_REMOVED_EVENT);
  }

  /** Changes the caller's stake on {@code hotkey} by {@code delta}, with its event; returns the caller's new stake. */
  private static CallOutcome moved(SystemCall call, int netuid, Address hotkey, BigInteger delta, String event) {
    WorldState state = call.state();
    changeStake(state, netuid, hotkey, call.caller(), delta);
    BigInteger stake = stake(state, netuid, hotkey, call.caller());
    BigInteger total = totalStake(state, netuid, hotkey);
    Log log = new Log(ADDRESS, List.of(topic(event), addressTopic(hotkey)), Bytes.of(Abi.encode(
        List.of(AbiType.UINT16, AbiType.ADDRESS, AbiType.UINT256, AbiType.UINT256),
        List.of(BigInteger.valueOf(netuid), call.caller(), delta.abs(), total))));
    return success(List.of(AbiType.UINT256), List.of(stake), List.of(log), UPDATE_GAS);
  }

  /**
   * Buys (positive {@code delta}) or sells shares of {@code coldkey} in the pool for {@code delta} of stake, rounding
   * the shares in the pool's favour, so no sequence of stakes and removals takes out more than it put in.
   */
  private static void changeStake(WorldState state, int netuid, Address hotkey, Address coldkey, BigInteger delta) {
    BigInteger total = totalStake(state, netuid, hotkey);
    BigInteger totalShares = state.storage(ADDRESS, sharesSlot(netuid, hotkey));
    Hash stakeSlot = stakeSlot(netuid, hotkey, coldkey);
    BigInteger shares = state.storage(ADDRESS, stakeSlot);
    BigInteger sharesDelta;
    if (totalShares.signum() == 0 || total.signum() == 0) {
      sharesDelta = delta;
    } else if (delta.signum() >= 0) {
      sharesDelta = delta.multiply(totalShares).divide(total);
    } else if (delta.negate().equals(stake(state, netuid, hotkey, coldkey))) {
      sharesDelta = shares.negate();
    } else {
      BigInteger[] sold = delta.negate().multiply(totalShares).divideAndRemainder(total);
      sharesDelta = sold[0].add(sold[1].signum() == 0 ? BigInteger.ZERO : BigInteger.ONE).min(shares).negate();
    }
    state.setStorage(ADDRESS, stakeSlot, shares.add(sharesDelta));
    state.setStorage(ADDRESS, sharesSlot(netuid, hotkey), totalShares.add(sharesDelta));
    state.setStorage(ADDRESS, totalSlot(netuid, hotkey), total.add(delta));
  }

  private static CallOutcome setTake(SystemCall call, List<Object> args) {
    WorldState state = call.state();
    Address hotkey = (Address) args.get(0);
    int take = ((BigInteger) args.get(1)).intValueExact();
    Optional<Address> owner = NeuronsContract.coldkeyOf(state, hotkey);
    if (owner.isEmpty() || !owner.get().equals(call.caller())) {
      return revert("only the coldkey that registered hotkey " + hotkey.toChecksumHex() + " sets its take");
    }
    if (take > TAKE_MAX) {
      return revert("a take is at most " + TAKE_MAX + " (18%), not " + take);
    }
    long block = call.block().number();
    BigInteger raisedAtPlusOne = state.storage(ADDRESS, takeSlot(hotkey, 1));
    if (take > take(state, hotkey)) {
      if (raisedAtPlusOne.signum() != 0 && block - (raisedAtPlusOne.longValueExact() - 1) < TAKE_INCREASE_BLOCKS) {
        return revert("the take was raised in block " + (raisedAtPlusOne.longValueExact() - 1) + "; it may rise once "
            + "every " + TAKE_INCREASE_BLOCKS + " blocks");
      }
      state.setStorage(ADDRESS, takeSlot(hotkey, 1), BigInteger.valueOf(block + 1));
    }
    state.setStorage(ADDRESS, takeSlot(hotkey, 0), BigInteger.valueOf(take + 1L));
    Log set = new Log(ADDRESS, List.of(topic(TAKE_SET_EVENT), addressTopic(hotkey)),
        Bytes.of(Abi.encode(List.of(AbiType.UINT16), List.of(BigInteger.valueOf(take)))));
    return new CallOutcome.Success(new byte[0], List.of(set), UPDATE_GAS);
  }

  private static int netuid(List<Object> args) {
    return ((BigInteger) args.get(0)).intValueExact();
  }

  private static Hash stakeSlot(int netuid, Address hotkey, Address coldkey) {
    return ContractStorage.field(key("stake", BigInteger.valueOf(netuid), wordOf(hotkey), wordOf(coldkey)), 0);
  }

  private static Hash totalSlot(int netuid, Address hotkey) {
    return ContractStorage.field(key("total", BigInteger.valueOf(netuid), wordOf(hotkey)), 0);
  }

  private static Hash sharesSlot(int netuid, Address hotkey) {
    return ContractStorage.field(key("total", BigInteger.valueOf(netuid), wordOf(hotkey)), 1);
  }

  private static Hash takeSlot(Address hotkey, int field) {
    return ContractStorage.field(key("take", wordOf(hotkey)), field);
  }

  private static CallOutcome revert(String reason) {
    return CallOutcome.revert("Stake: " + reason, UPDATE_GAS);
  }
}
