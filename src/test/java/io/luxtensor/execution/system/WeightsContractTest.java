package io.luxtensor.execution.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.ai.WeightsCheck;
import io.luxtensor.execution.TransactionResult;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.state.Account;
import io.luxtensor.testing.AbiCalls;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Weights through signed transactions: subtensor's checks with their revert reasons, and hash commit-reveal (only in
 * the reveal epoch, only what was committed, once), including that copying another validator's reveal pays less.
 */
class WeightsContractTest {
  private static final List<AbiType> SET =
      List.of(AbiType.UINT16, AbiType.UINT16_ARRAY, AbiType.UINT16_ARRAY, AbiType.UINT64);
  private static final List<AbiType> COMMIT = List.of(AbiType.UINT16, AbiType.BYTES32);
  private static final List<AbiType> REVEAL =
      List.of(AbiType.UINT16, AbiType.UINT16_ARRAY, AbiType.UINT16_ARRAY, AbiType.BYTES32, AbiType.UINT64);
  private static final List<AbiType> HASHED = List.of(AbiType.ADDRESS, AbiType.UINT16, AbiType.UINT16_ARRAY,
      AbiType.UINT16_ARRAY, AbiType.BYTES32, AbiType.UINT64);
  private static final MetagraphContract.Rules RULES = new MetagraphContract.Rules(Wei.ofLux("1"), 0);
  /** Tempo 9 (epochs close blocks 8, 18, …), 4 validator permits, a rate limit of 5 blocks, 2 weights at least. */
  private static final List<Integer> DIRECT = List.of(9, 8, 4, 4_096, 5_000, 5, 2, 32_767, 900_000, 0, 1);
  /** The same with commit-reveal, reveals one epoch after the commitment's. */
  private static final List<Integer> COMMIT_REVEAL = List.of(9, 8, 4, 4_096, 5_000, 0, 1, 32_767, 900_000, 1, 1);

  @Test
  void weightsPassSubtensorsChecksOrRevertWithTheReason() {
    SubnetFixture chain = new SubnetFixture(81, RULES, DIRECT, 6, List.of(5, 5));
    assertReverts("has no validator permit: without one, a UID may set a weight on itself only",
        set(chain, 0, List.of(2, 3), List.of(1, 2)));
    chain.closeThrough(9);
    assertReverts("has no validator permit", set(chain, 4, List.of(2, 3), List.of(1, 2)));
    assertTrue(set(chain, 4, List.of(4), List.of(7)).succeeded(), "a self-weight needs no permit");
    assertReverts("UID 3 appears twice", set(chain, 0, List.of(2, 3, 3), List.of(1, 2, 3)));
    assertReverts("UID 6 does not exist (the subnet has 6)", set(chain, 0, List.of(2, 6), List.of(1, 2)));
    assertReverts("1 weights; the subnet requires at least 2", set(chain, 0, List.of(2), List.of(1)));
    assertReverts("2 UIDs but 1 values", set(chain, 0, List.of(2, 3), List.of(1)));
    assertReverts("subnet 1", chain.weightsCall(0, "setWeights(uint16,uint16[],uint16[],uint64)", SET,
        List.of(BigInteger.ONE, SubnetFixture.numbers(List.of(2, 3)), SubnetFixture.numbers(List.of(1, 2)),
            BigInteger.ZERO)));
    ContractCaller unregistered = new ContractCaller(chain.state, chain.data.key());
    chain.state.setAccount(unregistered.sender(), Account.EMPTY.withBalance(Wei.ofLux("1")));
    TransactionResult.Executed stranger = unregistered.call(chain.processor, WeightsContract.ADDRESS,
        chain.blockContext(), "setWeights(uint16,uint16[],uint16[],uint64)", Wei.ZERO, SET,
        List.of(BigInteger.ZERO, SubnetFixture.numbers(List.of(2, 3)), SubnetFixture.numbers(List.of(1, 2)),
            BigInteger.ZERO));
    assertReverts("hotkey " + unregistered.sender().toChecksumHex() + " has no UID on subnet 0", stranger);

    SubnetFixture.succeeds(set(chain, 0, List.of(2, 3), List.of(1, 3)));
    WeightsContract.Row row = WeightsContract.row(chain.state, 0, 0);
    assertEquals(List.of(new WeightsCheck.Weight(2, 21_845), new WeightsCheck.Weight(3, 65_535)), row.weights(),
        "scaled up so the largest is 65535");
    assertEquals(chain.block(), row.setAt().orElseThrow());
    chain.closeThrough(chain.block() + 3);
    assertReverts("weights were set in block 10; the subnet allows it every 5 blocks",
        set(chain, 0, List.of(2, 3), List.of(1, 1)));
    chain.closeThrough(chain.block());
    assertTrue(set(chain, 0, List.of(2, 3), List.of(1, 1)).succeeded(), "five blocks later");
    assertReverts("takes weights by commitWeights and revealWeights only",
        set(new SubnetFixture(82, RULES, COMMIT_REVEAL, 2, List.of(1)), 0, List.of(1), List.of(1)));
  }

  @Test
  void aRevealCountsOnlyInItsEpochOnlyIfItMatchesAndOnlyOnce() {
    SubnetFixture chain = new SubnetFixture(83, RULES, COMMIT_REVEAL, 4, List.of(5, 5));
    chain.closeThrough(9);
    byte[] salt = Hash.keccak(new byte[] {1}).toBytes();
    List<Integer> uids = List.of(2, 3);
    List<Integer> values = List.of(100, 200);
    byte[] hash = commitHash(chain, 0, uids, values, salt);
    CallOutcome view = new WeightsContract().call(new SystemCall(chain.state, chain.blockContext(),
        chain.coldkey.sender(), Wei.ZERO, AbiCalls.calldata(
            "commitHash(address,uint16,uint16[],uint16[],bytes32,uint64)", HASHED,
            List.of(chain.hotkeys.get(0).sender(), BigInteger.ZERO, SubnetFixture.numbers(uids),
                SubnetFixture.numbers(values), salt, BigInteger.ONE)), 100_000));
    assertArrayEquals(hash, assertInstanceOf(CallOutcome.Success.class, view).returnData(),
        "the commitHash view computes the commitment as documented");
    assertReverts("has commit-reveal off", new SubnetFixture(84, RULES, DIRECT, 2, List.of(1))
        .weightsCall(0, "commitWeights(uint16,bytes32)", COMMIT, List.of(BigInteger.ZERO, hash)));
    SubnetFixture.succeeds(commit(chain, 0, hash));
    assertReverts("the commitment of block 10 waits for its reveal in epoch 2", commit(chain, 0, hash));
    assertReverts("is revealed in epoch 2, not in epoch 1", reveal(chain, 0, uids, values, salt));
    chain.closeThrough(19);
    assertReverts("the reveal does not match the commitment",
        reveal(chain, 0, uids, values, Hash.keccak(new byte[] {2}).toBytes()));
    assertReverts("the reveal does not match the commitment", reveal(chain, 0, uids, List.of(100, 201), salt));
    assertReverts("has no commitment to reveal", reveal(chain, 1, uids, values, salt));
    SubnetFixture.succeeds(reveal(chain, 0, uids, values, salt));
    assertEquals(List.of(new WeightsCheck.Weight(2, 32_767), new WeightsCheck.Weight(3, 65_535)),
        WeightsContract.row(chain.state, 0, 0).weights());
    assertReverts("has no commitment to reveal", reveal(chain, 0, uids, values, salt));

    SubnetFixture.succeeds(commit(chain, 1, commitHash(chain, 1, uids, values, salt)));
    chain.closeThrough(39);
    assertReverts("the commitment of block 20 expired after epoch 3; commit again",
        reveal(chain, 1, uids, values, salt));
    SubnetFixture.succeeds(commit(chain, 1, commitHash(chain, 1, uids, values, salt)));
  }

  @Test
  void weightsCopiedFromAnotherValidatorsRevealEarnLessThanTheOriginal() {
    SubnetFixture chain = new SubnetFixture(85, RULES, COMMIT_REVEAL, 4, List.of(5, 5));
    chain.closeThrough(9);
    byte[] salt = Hash.keccak(new byte[] {3}).toBytes();
    List<Integer> uids = List.of(2, 3);
    List<Integer> values = List.of(1_000, 3_000);
    SubnetFixture.succeeds(commit(chain, 0, commitHash(chain, 0, uids, values, salt)));
    chain.closeThrough(19);
    SubnetFixture.succeeds(reveal(chain, 0, uids, values, salt));
    // The copier sees the reveal and commits the same weights: they count an epoch later than the original's.
    SubnetFixture.succeeds(commit(chain, 1, commitHash(chain, 1, uids, values, salt)));
    chain.closeThrough(28);
    BigInteger original = MetagraphContract.result(chain.state, 0, 0).validatorEmission();
    BigInteger copier = MetagraphContract.result(chain.state, 0, 1).validatorEmission();
    SubnetFixture.succeeds(reveal(chain, 1, uids, values, salt));
    for (long epochEnd = 38; epochEnd <= 88; epochEnd += 10) {
      chain.closeThrough(epochEnd);
      original = original.add(MetagraphContract.result(chain.state, 0, 0).validatorEmission());
      copier = copier.add(MetagraphContract.result(chain.state, 0, 1).validatorEmission());
    }
    assertTrue(copier.compareTo(original) < 0, "copier " + copier + ", original " + original);
  }

  private static TransactionResult.Executed set(SubnetFixture chain, int uid, List<Integer> uids,
      List<Integer> values) {
    return chain.weightsCall(uid, "setWeights(uint16,uint16[],uint16[],uint64)", SET, List.of(BigInteger.ZERO,
        SubnetFixture.numbers(uids), SubnetFixture.numbers(values), BigInteger.ZERO));
  }

  private static TransactionResult.Executed commit(SubnetFixture chain, int uid, byte[] hash) {
    return chain.weightsCall(uid, "commitWeights(uint16,bytes32)", COMMIT, List.of(BigInteger.ZERO, hash));
  }

  private static TransactionResult.Executed reveal(SubnetFixture chain, int uid, List<Integer> uids,
      List<Integer> values, byte[] salt) {
    return chain.weightsCall(uid, "revealWeights(uint16,uint16[],uint16[],bytes32,uint64)", REVEAL,
        List.of(BigInteger.ZERO, SubnetFixture.numbers(uids), SubnetFixture.numbers(values), salt, BigInteger.ONE));
  }

  /** The commitment as ../docs/ai-network.md defines it, computed here independently of the contract. */
  private static byte[] commitHash(SubnetFixture chain, int uid, List<Integer> uids, List<Integer> values,
      byte[] salt) {
    return Hash.keccak(Abi.encode(HASHED, List.of(chain.hotkeys.get(uid).sender(), BigInteger.ZERO,
        SubnetFixture.numbers(uids), SubnetFixture.numbers(values), salt, BigInteger.ONE))).toBytes();
  }

  private static void assertReverts(String reason, TransactionResult.Executed result) {
    assertFalse(result.succeeded(), reason);
    assertTrue(result.revertReason().contains(reason), result.revertReason());
  }
}
