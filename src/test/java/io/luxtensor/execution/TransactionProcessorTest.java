package io.luxtensor.execution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.execution.system.ChainInfoContract;
import io.luxtensor.execution.system.SystemContracts;
import io.luxtensor.state.Account;
import io.luxtensor.state.WorldState;
import io.luxtensor.testing.TestData;
import io.luxtensor.trie.InMemoryNodeStore;
import io.luxtensor.types.Address;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.Hash;
import io.luxtensor.types.LegacyTransaction;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TransactionProcessorTest {
  private static final BigInteger BASE_FEE = BigInteger.valueOf(1_000_000_000L);
  private static final BigInteger TIP = BigInteger.valueOf(2_000_000_000L);
  private final TestData data = new TestData(11);
  private final PrivateKey senderKey = data.key();
  private final Address sender = Address.of(senderKey.publicKey());
  private final Address proposer = data.address();
  private final Address recipient = data.address();
  private final BlockContext block = new BlockContext(TestData.CHAIN_ID, 1, 1, 1, proposer, BASE_FEE, 30_000_000);
  private final TransactionProcessor processor = new TransactionProcessor(SystemContracts.standard());
  private final WorldState state = WorldState.at(new InMemoryNodeStore(), Account.EMPTY_STORAGE_ROOT);

  TransactionProcessorTest() {
    state.setAccount(sender, Account.EMPTY.withBalance(Wei.ofLux("10")));
  }

  @Test
  void aTransferPaysBaseFeeToNobodyAndTheTipToTheProposer() {
    Transaction tx = transfer(0, Wei.ofLux("1"), BigInteger.valueOf(5_000_000_000L), 50_000);
    var result = assertInstanceOf(TransactionResult.Executed.class, apply(tx));

    assertTrue(result.succeeded());
    assertEquals(21_000, result.gasUsed());
    BigInteger price = BASE_FEE.add(TIP);
    assertEquals(price, result.effectiveGasPrice());
    BigInteger fee = price.multiply(BigInteger.valueOf(21_000));
    assertEquals(Wei.ofLux("10").value().subtract(Wei.ofLux("1").value()).subtract(fee), state.balance(sender).value());
    assertEquals(Wei.ofLux("1"), state.balance(recipient));
    assertEquals(TIP.multiply(BigInteger.valueOf(21_000)), state.balance(proposer).value());
    assertEquals(1, state.nonce(sender));
  }

  @Test
  void legacyTransactionsPayTheirGasPriceAndTipTheExcessOverTheBaseFee() {
    BigInteger gasPrice = BigInteger.valueOf(3_000_000_000L);
    Transaction tx = new LegacyTransaction(OptionalLong.of(TestData.CHAIN_ID), 0, gasPrice, 21_000,
        Optional.of(recipient), Wei.of(5), Bytes.EMPTY, null).sign(senderKey);
    var result = assertInstanceOf(TransactionResult.Executed.class, apply(tx));
    assertEquals(gasPrice, result.effectiveGasPrice());
    assertEquals(gasPrice.subtract(BASE_FEE).multiply(BigInteger.valueOf(21_000)), state.balance(proposer).value());
  }

  @Test
  void aSystemContractCallReturnsDataEmitsLogsAndKeepsState() {
    byte[] note = Hash.keccak(new byte[] {1}).toBytes();
    Transaction ping = call(0, "ping(bytes32)", Abi.encode(List.of(AbiType.BYTES32), List.of(note)));
    var result = assertInstanceOf(TransactionResult.Executed.class, apply(ping));
    assertTrue(result.succeeded(), result.revertReason());
    assertEquals(ping.intrinsicGas() + 22_000, result.gasUsed());
    assertEquals(BigInteger.ONE, state.storage(ChainInfoContract.ADDRESS, Hash.ZERO));
    assertEquals(1, result.logs().size());
    assertEquals(Hash.wrap(Abi.eventTopic(ChainInfoContract.PINGED_EVENT)), result.logs().get(0).topics().get(0));
    assertArrayEquals(Abi.encode(List.of(AbiType.UINT256), List.of(BigInteger.ONE)), result.returnData());
  }

  @Test
  void aRevertUndoesTheCallButStillChargesGas() {
    Transaction bad = call(0, "noSuchFunction()", new byte[0]);
    Wei before = state.balance(sender);
    var result = assertInstanceOf(TransactionResult.Executed.class, apply(bad));
    assertFalse(result.succeeded());
    assertTrue(result.revertReason().contains("unknown function selector"), result.revertReason());
    assertEquals(1, state.nonce(sender), "the nonce advances even when the call reverts");
    assertEquals(before.value().subtract(result.effectiveGasPrice().multiply(BigInteger.valueOf(result.gasUsed()))),
        state.balance(sender).value());
  }

  @Test
  void invalidTransactionsLeaveTheStateUntouched() {
    assertInvalid(TransactionInvalidReason.NONCE_TOO_HIGH, transfer(1, Wei.of(1), BASE_FEE.add(TIP), 21_000));
    assertInvalid(TransactionInvalidReason.INSUFFICIENT_FUNDS, transfer(0, Wei.ofLux("10"), BASE_FEE.add(TIP), 21_000));
    assertInvalid(TransactionInvalidReason.FEE_CAP_BELOW_BASE_FEE, transfer(0, Wei.of(1), BigInteger.ONE, 21_000));
    assertInvalid(TransactionInvalidReason.EXCEEDS_BLOCK_GAS_LIMIT, transfer(0, Wei.of(1), BASE_FEE.add(TIP), 30_000_001));
    assertInvalid(TransactionInvalidReason.INTRINSIC_GAS_TOO_LOW, transfer(0, Wei.of(1), BASE_FEE.add(TIP), 20_999));
    assertEquals(Account.EMPTY.withBalance(Wei.ofLux("10")), state.account(sender));
    assertEquals(Account.EMPTY, state.account(proposer));
  }

  private void assertInvalid(TransactionInvalidReason reason, Transaction tx) {
    var invalid = assertInstanceOf(TransactionResult.Invalid.class, apply(tx));
    assertEquals(reason, invalid.reason(), invalid.message());
  }

  private TransactionResult apply(Transaction tx) {
    return processor.apply(state, block, Message.of(tx, sender), block.gasLimit());
  }

  private Transaction transfer(long nonce, Wei value, BigInteger maxFee, long gas) {
    return new DynamicFeeTransaction(TestData.CHAIN_ID, nonce, TIP, maxFee, gas, Optional.of(recipient), value,
        Bytes.EMPTY, List.of(), null).sign(senderKey);
  }

  private Transaction call(long nonce, String signature, byte[] args) {
    byte[] selector = Abi.selector(signature);
    byte[] input = new byte[4 + args.length];
    System.arraycopy(selector, 0, input, 0, 4);
    System.arraycopy(args, 0, input, 4, args.length);
    return new DynamicFeeTransaction(TestData.CHAIN_ID, nonce, TIP, BASE_FEE.add(TIP), 100_000,
        Optional.of(ChainInfoContract.ADDRESS), Wei.ZERO, Bytes.of(input), List.of(), null).sign(senderKey);
  }
}
