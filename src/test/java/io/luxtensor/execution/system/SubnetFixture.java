package io.luxtensor.execution.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.execution.BlockContext;
import io.luxtensor.execution.TransactionProcessor;
import io.luxtensor.execution.TransactionResult;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.state.Account;
import io.luxtensor.state.WorldState;
import io.luxtensor.testing.TestData;
import io.luxtensor.trie.InMemoryNodeStore;
import io.luxtensor.types.Address;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Subnet 0 set up by signed transactions in block 1 and 2: an owner registers it with the given hyperparameters, one
 * coldkey registers {@code uids} hotkeys (UIDs 0, 1, …) and stakes the given LUX on the first ones (none for 0). Blocks then close
 * one by one as block execution closes them, after their transactions.
 */
final class SubnetFixture {
  static final List<AbiType> NETUID_ADDRESS = List.of(AbiType.UINT16, AbiType.ADDRESS);
  private static final BigInteger BASE_FEE = BigInteger.valueOf(1_000_000_000L);

  final TestData data;
  final WorldState state = WorldState.at(new InMemoryNodeStore(), Account.EMPTY_STORAGE_ROOT);
  final TransactionProcessor processor;
  final ContractCaller owner;
  final ContractCaller coldkey;
  final List<ContractCaller> hotkeys = new ArrayList<>();
  private long block = 1;

  SubnetFixture(long seed, MetagraphContract.Rules rules, List<Integer> hyperparameters, int uids,
      List<Integer> stakeLux) {
    data = new TestData(seed);
    owner = new ContractCaller(state, data.key());
    coldkey = new ContractCaller(state, data.key());
    processor = new TransactionProcessor(new SystemContracts(List.of(new SubnetRegistryContract(),
        new NeuronsContract(), new StakeContract(), new WeightsContract(), new MetagraphContract(rules),
        new AiTasksContract())));
    state.setAccount(owner.sender(), Account.EMPTY.withBalance(Wei.ofLux("1000")));
    state.setAccount(coldkey.sender(), Account.EMPTY.withBalance(Wei.ofLux("1000")));
    succeeds(owner.call(processor, SubnetRegistryContract.ADDRESS, blockContext(),
        "registerSubnet(string,uint256[])", Wei.ofLux("100"), List.of(AbiType.STRING, AbiType.UINT256_ARRAY),
        List.of("net", hyperparameters.stream().map(BigInteger::valueOf).toList())));
    closeThrough(1);
    for (int uid = 0; uid < uids; uid++) {
      ContractCaller hotkey = new ContractCaller(state, data.key());
      state.setAccount(hotkey.sender(), Account.EMPTY.withBalance(Wei.ofLux("1")));
      hotkeys.add(hotkey);
      succeeds(coldkey.call(processor, NeuronsContract.ADDRESS, blockContext(), "burnedRegister(uint16,address)",
          Wei.ofLux("10"), NETUID_ADDRESS, List.of(BigInteger.ZERO, hotkey.sender())));
    }
    for (int uid = 0; uid < stakeLux.size(); uid++) {
      if (stakeLux.get(uid) == 0) {
        continue;
      }
      succeeds(coldkey.call(processor, StakeContract.ADDRESS, blockContext(), "addStake(uint16,address)",
          Wei.ofLux(Integer.toString(stakeLux.get(uid))), NETUID_ADDRESS,
          List.of(BigInteger.ZERO, hotkeys.get(uid).sender())));
    }
  }

  /** The block transactions go into now. */
  long block() {
    return block;
  }

  BlockContext blockContext() {
    return new BlockContext(TestData.CHAIN_ID, block, block, block, Address.ZERO, BASE_FEE, 30_000_000);
  }

  /** Closes every block from the current one through {@code last}. */
  void closeThrough(long last) {
    for (; block <= last; block++) {
      processor.closeBlock(state, blockContext());
    }
  }

  /** UID {@code uid}'s hotkey calls {@code signature} on the weights contract in the current block. */
  TransactionResult.Executed weightsCall(int uid, String signature, List<AbiType> types, List<?> args) {
    return hotkeys.get(uid).call(processor, WeightsContract.ADDRESS, blockContext(), signature, Wei.ZERO, types,
        args);
  }

  static List<BigInteger> numbers(List<Integer> values) {
    return values.stream().map(BigInteger::valueOf).toList();
  }

  static void succeeds(TransactionResult.Executed result) {
    assertTrue(result.succeeded(), result.revertReason());
  }
}
