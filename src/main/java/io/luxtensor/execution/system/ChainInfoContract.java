package io.luxtensor.execution.system;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Log;
import java.math.BigInteger;
import java.util.List;

/**
 * The smallest useful system contract, proof of the mechanism: it answers the chain id and block number, and
 * {@code ping(note)} counts calls in storage and emits {@code Pinged(sender, note, count)}. ABI: abi/ChainInfo.json.
 */
public final class ChainInfoContract extends AbiSystemContract {
  public static final Address ADDRESS = Address.fromHex("0x0000000000000000000000000000000000001000");
  public static final String PINGED_EVENT = "Pinged(address,bytes32,uint256)";
  /** Storage slot 0 holds the number of pings. */
  static final Hash PING_COUNT_SLOT = Hash.ZERO;
  static final long VIEW_GAS = 2_000;
  /** A storage write and a log, priced near the EVM's SSTORE (20,000) plus LOG2 (~1,400). */
  static final long PING_GAS = 22_000;

  private final AbiDispatcher dispatcher = new AbiDispatcher("ChainInfo", List.of(
      new ContractFunction("chainId", List.of(), List.of(AbiType.UINT256), VIEW_GAS, false,
          (call, args) -> returning(call, BigInteger.valueOf(call.block().chainId()))),
      new ContractFunction("blockNumber", List.of(), List.of(AbiType.UINT256), VIEW_GAS, false,
          (call, args) -> returning(call, BigInteger.valueOf(call.block().number()))),
      new ContractFunction("pings", List.of(), List.of(AbiType.UINT256), VIEW_GAS, false,
          (call, args) -> returning(call, call.state().storage(ADDRESS, PING_COUNT_SLOT))),
      new ContractFunction("ping", List.of(AbiType.BYTES32), List.of(AbiType.UINT256), PING_GAS, false,
          ChainInfoContract::ping)));

  public ChainInfoContract() {
    super(ADDRESS, "ChainInfo", List.of(PINGED_EVENT));
  }

  @Override
  protected AbiDispatcher dispatcher() {
    return dispatcher;
  }

  private static CallOutcome ping(SystemCall call, List<Object> args) {
    BigInteger count = call.state().storage(ADDRESS, PING_COUNT_SLOT).add(BigInteger.ONE);
    call.state().setStorage(ADDRESS, PING_COUNT_SLOT, count);
    byte[] sender = new byte[32];
    System.arraycopy(call.caller().toBytes(), 0, sender, 12, Address.LENGTH);
    Log pinged = new Log(ADDRESS,
        List.of(Hash.wrap(Abi.eventTopic(PINGED_EVENT)), Hash.wrap(sender)),
        Bytes.of(Abi.encode(List.of(AbiType.BYTES32, AbiType.UINT256), List.of(args.get(0), count))));
    return new CallOutcome.Success(Abi.encode(List.of(AbiType.UINT256), List.of(count)), List.of(pinged), PING_GAS);
  }

  private static CallOutcome returning(SystemCall call, BigInteger value) {
    return new CallOutcome.Success(Abi.encode(List.of(AbiType.UINT256), List.of(value)), List.of(), VIEW_GAS);
  }
}
