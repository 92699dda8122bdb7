package io.luxtensor.txpool;

import static io.luxtensor.testing.TxPoolTestData.gwei;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.crypto.Signature;
import io.luxtensor.execution.StatelessTransactionValidator;
import io.luxtensor.execution.TransactionValidity;
import io.luxtensor.testing.InMemoryAccountState;
import io.luxtensor.testing.TestData;
import io.luxtensor.testing.TxPoolTestData;
import io.luxtensor.testing.TxPoolTestData.Sender;
import io.luxtensor.txpool.AddResult.Rejected;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every rejection a dApp can meet on eth_sendRawTransaction, by the exact text the RPC will return: the node runs
 * {@link StatelessTransactionValidator} (on a worker thread), then the pool, and answers with the first message.
 * Each rejection must also leave the pool as it was.
 */
class TxPoolRejectionTest {
  private static final long BLOCK_GAS_LIMIT = 30_000_000;
  private static final BigInteger BASE_FEE = gwei(1);
  private static final Wei BALANCE = Wei.ofLux("1");

  private final TxPoolTestData data = new TxPoolTestData(3);
  private final Sender alice = data.sender();
  private final Sender bob = data.sender();
  private final StatelessTransactionValidator validator = new StatelessTransactionValidator(TestData.CHAIN_ID, false);
  private TxPool pool = poolWith(TxPoolConfig.DEFAULT, 5);

  private TxPool poolWith(TxPoolConfig config, long aliceNonce) {
    InMemoryAccountState accounts = InMemoryAccountState.empty()
        .with(alice.address(), aliceNonce, BALANCE)
        .with(bob.address(), 0, BALANCE);
    return new TxPool(config, new ChainHead(accounts, BASE_FEE, BLOCK_GAS_LIMIT));
  }

  /** What the node answers for a signed transaction: the error text, or "accepted". */
  private String submit(Transaction tx) {
    TransactionValidity validity = validator.validate(tx);
    if (validity instanceof TransactionValidity.Invalid invalid) {
      return invalid.message();
    }
    ValidatedTransaction validated = ValidatedTransaction.of(tx, ((TransactionValidity.Valid) validity).sender());
    return pool.add(validated) instanceof Rejected rejected ? rejected.message() : "accepted";
  }

  /** Submits {@code tx}, expecting {@code message} and an unchanged pool. */
  private void assertRejected(String message, Transaction tx) {
    List<SenderContent> before = pool.content();
    PoolStatus statusBefore = pool.status();
    assertEquals(message, submit(tx));
    assertEquals(before, pool.content());
    assertEquals(statusBefore, pool.status());
  }

  @Test
  void nonceBelowTheAccountNonceIsTooLow() {
    assertRejected("nonce too low: next nonce 5, tx nonce 3", data.tx(alice, 3).sign());
  }

  @Test
  void costAboveTheBalanceIsInsufficientFunds() {
    Transaction tx = data.tx(alice, 5).value(Wei.ofLux("2")).sign();
    BigInteger cost = Wei.ofLux("2").value().add(gwei(10).multiply(BigInteger.valueOf(21_000)));
    assertRejected("insufficient funds for gas * price + value: balance " + BALANCE.value() + ", tx cost " + cost
        + ", overshot " + cost.subtract(BALANCE.value()), tx);
  }

  @Test
  void theSameTransactionTwiceIsAlreadyKnown() {
    Transaction tx = data.tx(alice, 5).sign();
    assertEquals("accepted", submit(tx));
    assertRejected("already known", tx);
  }

  @Test
  void sameNonceWithoutTheFeeBumpIsAnUnderpricedReplacement() {
    assertEquals("accepted", submit(data.tx(alice, 5).sign()));
    assertRejected("replacement transaction underpriced", data.tx(alice, 5).value(Wei.of(2)).sign());
  }

  @Test
  void tipBelowThePoolMinimumIsUnderpriced() {
    pool = poolWith(new TxPoolConfig(100, 10, 128 * 1024, 1 << 20, gwei(1)), 5);
    assertRejected("transaction underpriced: gas tip cap 999999999, minimum needed 1000000000",
        data.tx(alice, 5).tip(gwei(1).subtract(BigInteger.ONE)).sign());
  }

  @Test
  void aFullPoolRefusesATransactionPayingNoMoreThanItsCheapest() {
    pool = poolWith(new TxPoolConfig(1, 1, 128 * 1024, 1 << 20, BigInteger.ZERO), 5);
    assertEquals("accepted", submit(data.tx(alice, 5).sign()));
    assertRejected("transaction underpriced: the pool is full and everything in it pays at least as much",
        data.tx(bob, 0).sign());
  }

  @Test
  void aFullPoolRefusesWhatMayNotDisplaceAnything() {
    pool = poolWith(new TxPoolConfig(1, 1, 128 * 1024, 1 << 20, BigInteger.ZERO), 5);
    assertEquals("accepted", submit(data.tx(alice, 5).sign()));
    assertRejected("txpool is full: a transaction behind a nonce gap cannot displace executable ones",
        data.tx(bob, 1).tip(gwei(5)).sign());
  }

  @Test
  void gasBelowIntrinsicGasIsTooLow() {
    assertRejected("intrinsic gas too low: gas 20999, minimum needed 21000", data.tx(alice, 5).gasLimit(20_999).sign());
  }

  @Test
  void gasAboveTheBlockGasLimitExceedsIt() {
    assertRejected("exceeds block gas limit: gas 30000001, block gas limit 30000000",
        data.tx(alice, 5).gasLimit(BLOCK_GAS_LIMIT + 1).sign());
  }

  @Test
  void feeCapBelowTheBaseFeeIsRefused() {
    assertRejected("max fee per gas less than block base fee: address " + alice.address()
            + ", maxFeePerGas: 999999999, baseFee: 1000000000",
        data.tx(alice, 5).maxFee(BASE_FEE.subtract(BigInteger.ONE)).tip(BigInteger.ONE).sign());
  }

  @Test
  void aBadSignatureIsAnInvalidSender() {
    Transaction forged = data.tx(alice, 5).sign().withSignature(new Signature(BigInteger.ZERO, BigInteger.ONE, 0));
    String message = submit(forged);
    assertTrue(message.startsWith("invalid sender: "), message);
    assertEquals(List.of(), pool.content());
  }

  @Test
  void aTransactionWithoutChainIdIsRefusedOverRpc() {
    assertRejected("only replay-protected (EIP-155) transactions allowed over RPC",
        data.tx(alice, 5).legacy(gwei(2)).unprotected().sign());
  }

  @Test
  void anotherChainsTransactionHasAnInvalidChainId() {
    assertRejected("invalid chain id: have 1, want 31337", data.tx(alice, 5).chainId(1).sign());
  }

  @Test
  void aTransactionAboveTheSizeLimitIsOversizedData() {
    Transaction tx = data.tx(alice, 5).data(TxPoolConfig.TRANSACTION_SIZE_BYTES_MAX).gasLimit(3_000_000).sign();
    assertRejected("oversized data: transaction size " + tx.encode().length + ", limit 131072", tx);
  }

  @Test
  void aSenderAtItsLimitCannotTakeANewNonce() {
    pool = poolWith(new TxPoolConfig(100, 2, 128 * 1024, 1 << 20, BigInteger.ZERO), 5);
    assertEquals("accepted", submit(data.tx(alice, 5).sign()));
    assertEquals("accepted", submit(data.tx(alice, 6).sign()));
    assertRejected("account limit exceeded: pooled 2 txs", data.tx(alice, 7).sign());
  }

  @Test
  void everyPoolReasonCarriesGethsWording() {
    assertEquals(List.of("already known", "oversized data", "exceeds block gas limit", "transaction underpriced",
            "max fee per gas less than block base fee", "nonce too low", "insufficient funds for gas * price + value",
            "account limit exceeded", "replacement transaction underpriced", "txpool is full"),
        List.of(TxPoolRejection.values()).stream().map(TxPoolRejection::message).toList());
  }
}
