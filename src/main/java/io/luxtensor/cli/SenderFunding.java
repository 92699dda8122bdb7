package io.luxtensor.cli;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.types.Address;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.IntrinsicGas;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pays {@code bench tps}'s senders what their transfers may cost, from a funded account, and waits until the
 * payments are included. A sender is sent only what it lacks, so a second run with the same seed pays little.
 */
final class SenderFunding {
  /**
   * The funder's transfers go in rounds of the pool's default limit on one sender's transactions, each round's
   * last receipt awaited before the next: more at once would be refused with "account limit exceeded".
   */
  static final int ROUND_SIZE_MAX = TxPoolConfig.SENDER_TRANSACTIONS_MAX;

  /**
   * What the funding did.
   *
   * @param transfers payments made (senders that lacked something)
   * @param paid their value, all together
   * @param took from the first balance read to the last receipt
   */
  record Funded(int transfers, Wei paid, Duration took) {}

  /** A sender that lacks {@code amount}. */
  private record TopUp(Address sender, BigInteger amount) {}

  private SenderFunding() {}

  /**
   * Funds {@code senders} for {@code plan} from {@code funder}.
   *
   * @throws CliException if the funder cannot pay for it all, a payment is refused, or the payments are not
   *     included within {@code timeout} (exit 4)
   */
  static Funded fund(NodeClient node, BenchTransfers.Plan plan, PrivateKey funder, List<Address> senders,
      Duration timeout, WaitProgress progress) {
    long start = System.nanoTime();
    List<TopUp> topUps = new ArrayList<>();
    for (int i = 0; i < senders.size(); i++) {
      BigInteger needed = plan.costMax().multiply(BigInteger.valueOf(plan.share(i)));
      BigInteger lacking = needed.subtract(balance(node, senders.get(i)));
      if (lacking.signum() > 0) {
        topUps.add(new TopUp(senders.get(i), lacking));
      }
    }
    Address funderAddress = Address.of(funder.publicKey());
    BigInteger fees = plan.maxFeePerGas().multiply(BigInteger.valueOf(IntrinsicGas.TRANSFER * topUps.size()));
    BigInteger paid = topUps.stream().map(TopUp::amount).reduce(BigInteger.ZERO, BigInteger::add);
    BigInteger funds = balance(node, funderAddress);
    if (funds.compareTo(paid.add(fees)) < 0) {
      throw new CliException(ExitCodes.FAILED, "the funder " + funderAddress.toChecksumHex() + " holds "
          + Wei.of(funds).toLuxString() + " LUX; funding " + topUps.size() + " senders needs "
          + Wei.of(paid.add(fees)).toLuxString() + " LUX: fewer --txs, a lower --max-fee, or another funder");
    }
    long nonce = TransactionFiller.quantity(node.call("eth_getTransactionCount", funderAddress.toHex(), "pending"),
        "eth_getTransactionCount").longValueExact();
    for (int from = 0; from < topUps.size(); from += ROUND_SIZE_MAX) {
      String last = "";
      for (TopUp topUp : topUps.subList(from, Math.min(topUps.size(), from + ROUND_SIZE_MAX))) {
        Transaction payment = new DynamicFeeTransaction(plan.chainId(), nonce++,
            BenchTransfers.TIP_PER_GAS.min(plan.maxFeePerGas()), plan.maxFeePerGas(), IntrinsicGas.TRANSFER,
            Optional.of(topUp.sender()), Wei.of(topUp.amount()), Bytes.EMPTY, List.of(), null).sign(funder);
        last = send(node, payment, topUp.sender());
      }
      if (ReceiptWaiter.polling(node).await(last, timeout, progress).isEmpty()) {
        throw new CliException(ExitCodes.FAILED, "the senders' funding (" + last + ") was not included within "
            + timeout.toSeconds() + " s");
      }
    }
    return new Funded(topUps.size(), Wei.of(paid), Duration.ofNanos(System.nanoTime() - start));
  }

  private static String send(NodeClient node, Transaction payment, Address sender) {
    try {
      return node.call("eth_sendRawTransaction", Hex.encode(payment.encode())).asText();
    } catch (NodeClient.RpcError e) {
      throw new CliException(ExitCodes.FAILED, "the node refused the funding of " + sender.toChecksumHex() + ": "
          + e.getMessage(), e);
    }
  }

  private static BigInteger balance(NodeClient node, Address account) {
    return TransactionFiller.quantity(node.call("eth_getBalance", account.toHex(), "latest"), "eth_getBalance");
  }
}
