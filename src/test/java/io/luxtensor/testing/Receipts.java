package io.luxtensor.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Waiting for a transaction's receipt over JSON-RPC, as a wallet does, with a deadline instead of a sleep. */
public final class Receipts {
  private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

  private Receipts() {}

  /** @throws AssertionError if no receipt appears within {@code deadline} */
  public static TransactionReceipt await(Web3j web3, String hash, Duration deadline) throws IOException {
    long end = System.nanoTime() + deadline.toNanos();
    while (System.nanoTime() < end) {
      Optional<TransactionReceipt> receipt = web3.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
      if (receipt.isPresent()) {
        return receipt.get();
      }
      LockSupport.parkNanos(POLL_INTERVAL.toNanos());
    }
    throw new AssertionError("no receipt for " + hash + " within " + deadline);
  }
}
