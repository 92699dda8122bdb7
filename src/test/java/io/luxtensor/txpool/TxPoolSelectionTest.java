package io.luxtensor.txpool;

import static io.luxtensor.testing.TxPoolTestData.gwei;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.luxtensor.testing.InMemoryAccountState;
import io.luxtensor.testing.TxPoolTestData;
import io.luxtensor.testing.TxPoolTestData.Sender;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The order a block takes transactions in: effective tip, then arrival, each sender in nonce order. */
class TxPoolSelectionTest {
  private static final long BLOCK_GAS = 30_000_000;

  private final TxPoolTestData data = new TxPoolTestData(13);
  private final Sender alice = data.sender();
  private final Sender bob = data.sender();
  private final Sender carol = data.sender();
  private final TxPool pool = new TxPool(TxPoolConfig.DEFAULT, new ChainHead(InMemoryAccountState.empty()
      .with(alice.address(), 0, Wei.ofLux("10"))
      .with(bob.address(), 0, Wei.ofLux("10"))
      .with(carol.address(), 0, Wei.ofLux("10")), gwei(1), BLOCK_GAS));

  private List<ValidatedTransaction> addAll(ValidatedTransaction... txs) {
    for (ValidatedTransaction tx : txs) {
      pool.add(tx);
    }
    return List.of(txs);
  }

  @Test
  void higherTipFirstThenEarlierArrival() {
    ValidatedTransaction aliceTip3 = data.transferWithTip(alice, 0, 3);
    ValidatedTransaction bobTip5 = data.transferWithTip(bob, 0, 5);
    ValidatedTransaction carolTip3 = data.transferWithTip(carol, 0, 3);
    addAll(aliceTip3, bobTip5, carolTip3);
    assertEquals(List.of(bobTip5, aliceTip3, carolTip3), pool.selectForBlock(gwei(1), BLOCK_GAS));
  }

  @Test
  void theTipIsCappedByWhatTheFeeCapLeavesAboveTheBaseFee() {
    ValidatedTransaction highTipLowCap = data.tx(alice, 0).maxFee(gwei(12)).tip(gwei(5)).build();
    ValidatedTransaction lowTipHighCap = data.tx(bob, 0).maxFee(gwei(100)).tip(gwei(3)).build();
    addAll(highTipLowCap, lowTipHighCap);
    assertEquals(List.of(highTipLowCap, lowTipHighCap), pool.selectForBlock(gwei(1), BLOCK_GAS));
    assertEquals(List.of(lowTipHighCap, highTipLowCap), pool.selectForBlock(gwei(10), BLOCK_GAS));
  }

  @Test
  void aSendersNoncesStayInOrderWhateverTheirTips() {
    ValidatedTransaction alice0 = data.transferWithTip(alice, 0, 1);
    ValidatedTransaction alice1 = data.transferWithTip(alice, 1, 50);
    ValidatedTransaction bob0 = data.transferWithTip(bob, 0, 10);
    addAll(alice1, alice0, bob0);
    assertEquals(List.of(bob0, alice0, alice1), pool.selectForBlock(gwei(1), BLOCK_GAS));
  }

  @Test
  void aFeeCapBelowTheBaseFeeKeepsTheTransactionAndItsSendersLaterOnesOutButAnEqualOneGoesIn() {
    ValidatedTransaction alice0 = data.tx(alice, 0).maxFee(gwei(10)).tip(gwei(1)).build();
    ValidatedTransaction alice1 = data.transferWithTip(alice, 1, 9);
    ValidatedTransaction bob0 = data.transferWithTip(bob, 0, 2);
    addAll(alice0, alice1, bob0);
    assertEquals(List.of(bob0), pool.selectForBlock(gwei(20), BLOCK_GAS));
    assertEquals(List.of(bob0, alice0, alice1), pool.selectForBlock(gwei(10), BLOCK_GAS));
  }

  @Test
  void theBlockGasLimitIsNeverExceeded() {
    addAll(data.transferWithTip(alice, 0, 3), data.transferWithTip(bob, 0, 2), data.transferWithTip(carol, 0, 1));
    List<ValidatedTransaction> block = pool.selectForBlock(gwei(1), 50_000);
    assertEquals(2, block.size());
    assertEquals(42_000, block.stream().mapToLong(tx -> tx.tx().gasLimit()).sum());
  }

  @Test
  void aSenderWhoseNextTransactionDoesNotFitIsSkippedAndOthersStillGoIn() {
    ValidatedTransaction aliceBig = data.tx(alice, 0).maxFee(gwei(100)).tip(gwei(10)).gasLimit(60_000).build();
    ValidatedTransaction aliceSmall = data.transferWithTip(alice, 1, 50);
    ValidatedTransaction bob0 = data.transferWithTip(bob, 0, 5);
    ValidatedTransaction carol0 = data.transferWithTip(carol, 0, 3);
    addAll(aliceBig, aliceSmall, bob0, carol0);
    assertEquals(List.of(bob0, carol0), pool.selectForBlock(gwei(1), 50_000));
  }

  @Test
  void aBuilderSkipsTheSenderOfAFailedTransaction() {
    ValidatedTransaction alice0 = data.transferWithTip(alice, 0, 9);
    ValidatedTransaction alice1 = data.transferWithTip(alice, 1, 9);
    ValidatedTransaction bob0 = data.transferWithTip(bob, 0, 5);
    ValidatedTransaction bob1 = data.transferWithTip(bob, 1, 1);
    addAll(alice0, alice1, bob0, bob1);

    BlockCandidates candidates = pool.candidates(gwei(1));
    assertEquals(Optional.of(alice0), candidates.peek());
    candidates.skipSender();
    assertEquals(Optional.of(bob0), candidates.peek());
    candidates.accept();
    assertEquals(Optional.of(bob1), candidates.peek());
    candidates.accept();
    assertEquals(Optional.empty(), candidates.peek());
  }

  @Test
  void queuedTransactionsAreNeverSelectedAndSelectionChangesNothing() {
    ValidatedTransaction alice0 = data.transfer(alice, 0);
    ValidatedTransaction aliceGapped = data.transfer(alice, 2);
    addAll(alice0, aliceGapped);
    List<SenderContent> before = pool.content();
    assertEquals(List.of(alice0), pool.selectForBlock(gwei(1), BLOCK_GAS));
    assertEquals(before, pool.content());
  }

  @Test
  void aBlockTakesEveryTransactionThatFitsAndStopsWhenNoTransferFits() {
    for (int nonce = 0; nonce < 64; nonce++) {
      for (Sender sender : List.of(alice, bob, carol)) {
        pool.add(data.transfer(sender, nonce));
      }
    }
    BigInteger baseFee = gwei(1);
    assertEquals(192, pool.selectForBlock(baseFee, BLOCK_GAS).size());
    assertEquals(1, pool.selectForBlock(baseFee, 41_999).size());
  }
}
