package io.luxtensor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.bytes.Hex;
import io.luxtensor.chain.DevChain;
import io.luxtensor.testing.Await;
import io.luxtensor.types.Address;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Transfers at a steady rate into a 4-validator testnet of real processes while one node is killed and restarted,
 * then the check that no transaction the API accepted is lost: every sender's nonce on the chain reaches the next
 * nonce it would have used. Part of the full reliability set only ({@code -Dluxtensor.reliability=full}); the rate
 * and duration are {@code -Dluxtensor.reliability.rate} (default 1000 a second) and
 * {@code -Dluxtensor.reliability.seconds} (default 300).
 */
@Isolated
class LoadScenarioTest {
  private static final boolean FULL = "full".equals(System.getProperty("luxtensor.reliability"));
  private static final int RATE = Integer.getInteger("luxtensor.reliability.rate", 1_000);
  private static final int SECONDS = Integer.getInteger("luxtensor.reliability.seconds", 300);
  private static final long SLOT_MILLIS = 500;
  private static final long CHAIN_ID = 9999;
  /** The 10 funded dev accounts fund 40 more of the mnemonic, so that no sender's pool limit paces the load. */
  private static final int SENDERS = 50;
  /** Transactions of one sender sent and not yet in a block, at most: under the pool's 64 a sender. */
  private static final int WINDOW = 48;
  private static final int BATCH = 50;
  private static final Address RECIPIENT = Address.fromHex("0x00000000000000000000000000000000000000bb");

  @TempDir Path directory;

  @Test
  void noAcceptedTransferIsLostUnderLoadAcrossARestart() {
    assumeTrue(FULL, "the load scenario is part of the full reliability set");
    try (TestnetProcesses testnet = TestnetProcesses.generate(directory.resolve("net"), 4, 4, SLOT_MILLIS);
        FinalityWatch watch = new FinalityWatch(testnet)) {
      testnet.startAll();
      Await.until("the testnet finalizes", Duration.ofSeconds(90), () -> watch.lowestFinalized() >= 4);
      List<DevChain.DevAccount> senders = DevChain.accounts(SENDERS);
      long[] next = new long[SENDERS];
      long[] included = new long[SENDERS];
      StringJoiner funding = new StringJoiner(",", "[", "]");
      for (int s = DevChain.ACCOUNTS_DEFAULT; s < SENDERS; s++) {
        int funder = s % DevChain.ACCOUNTS_DEFAULT;
        funding.add(request(s, rawHex(transfer(senders.get(funder), next[funder]++, senders.get(s).address(),
            Wei.ofLux("100")))));
      }
      testnet.rpcBatch(0, funding.toString()).orElseThrow();
      Await.until("the load's senders are funded", Duration.ofSeconds(60), () -> {
        refreshIncluded(testnet, senders, included);
        return java.util.stream.IntStream.range(0, DevChain.ACCOUNTS_DEFAULT).allMatch(s -> included[s] >= next[s]);
      });
      long accepted = 0;
      long rejected = 0;
      // Signed before the clock starts: the generator shares the two cores with the nodes, and must only send.
      long signStart = System.nanoTime();
      long[] firstSigned = next.clone();
      int perSender = RATE * SECONDS / SENDERS + WINDOW;
      List<List<String>> presigned = java.util.stream.IntStream.range(0, SENDERS).parallel()
          .mapToObj(sender -> java.util.stream.LongStream.range(firstSigned[sender], firstSigned[sender] + perSender)
              .mapToObj(nonce -> rawHex(transfer(senders.get(sender), nonce, RECIPIENT, Wei.of(1)))).toList())
          .toList();
      System.out.println("reliability: load: " + SENDERS * perSender + " transfers signed in "
          + (System.nanoTime() - signStart) / 1_000_000 + " ms");
      long startBlock = testnet.block(0, "latest").orElseThrow().number();
      long started = System.nanoTime();
      long durationNanos = SECONDS * 1_000_000_000L;
      boolean restarted = false;
      long sent = 0;
      long lastRefresh = 0;
      while (System.nanoTime() - started < durationNanos) {
        long elapsed = System.nanoTime() - started;
        if (!restarted && elapsed > durationNanos / 2) {
          testnet.kill(3);
          testnet.start(3);
          restarted = true;
        }
        if (System.nanoTime() - lastRefresh > 200_000_000L) {
          refreshIncluded(testnet, senders, included);
          lastRefresh = System.nanoTime();
        }
        long due = elapsed * RATE / 1_000_000_000L;
        StringJoiner batch = new StringJoiner(",", "[", "]");
        int inBatch = 0;
        for (int round = 0; sent < due && inBatch < BATCH && round < BATCH; round++) {
          int s = (int) (sent % SENDERS);
          if (next[s] - included[s] >= WINDOW) {
            break;
          }
          long offset = next[s] - firstSigned[s];
          batch.add(request(inBatch, offset >= 0 && offset < perSender ? presigned.get(s).get((int) offset)
              : rawHex(transfer(senders.get(s), next[s], RECIPIENT, Wei.of(1)))));
          next[s]++;
          sent++;
          inBatch++;
        }
        if (inBatch > 0) {
          Optional<JsonNode> answers = testnet.rpcBatch(0, batch.toString());
          int ok = answers.map(a -> (int) java.util.stream.StreamSupport.stream(a.spliterator(), false)
              .filter(answer -> answer.has("result")).count()).orElse(0);
          accepted += ok;
          rejected += inBatch - ok;
          if (ok < inBatch) {
            // A refused transfer leaves a nonce gap: take the senders' nonces from the chain again.
            for (int s = 0; s < SENDERS; s++) {
              next[s] = nonce(testnet, senders.get(s), "pending").orElse(next[s]);
            }
          }
        } else {
          // Pacing the sender to its rate, not waiting for anything to happen.
          LockSupport.parkNanos(2_000_000);
        }
      }
      long loadMillis = (System.nanoTime() - started) / 1_000_000;
      Await.until("every accepted transfer is in a block", Duration.ofSeconds(120), () -> {
        refreshIncluded(testnet, senders, included);
        for (int s = 0; s < SENDERS; s++) {
          if (included[s] < next[s]) {
            return false;
          }
        }
        return true;
      });
      long endBlock = testnet.block(0, "latest").orElseThrow().number();
      long inBlocks = 0;
      for (long count : included) {
        inBlocks += count;
      }
      System.out.println("reliability: load " + RATE + "/s for " + loadMillis + " ms with node3 restarted: "
          + accepted + " accepted, " + rejected + " refused, " + inBlocks + " in blocks " + startBlock + "-" + endBlock
          + " = " + (inBlocks * 1000 / Math.max(1, loadMillis)) + " included/s");
      assertEquals(List.of(), watch.violations());
    }
  }

  private static Transaction transfer(DevChain.DevAccount from, long nonce, Address to, Wei value) {
    return new DynamicFeeTransaction(CHAIN_ID, nonce, BigInteger.ONE, BigInteger.valueOf(10_000_000_000L), 21_000,
        Optional.of(to), value, Bytes.EMPTY, List.of(), null).sign(from.key());
  }

  private static String rawHex(Transaction transaction) {
    return Hex.encode(transaction.encode());
  }

  private static String request(int id, String rawTransaction) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"eth_sendRawTransaction\",\"params\":[\""
        + rawTransaction + "\"]}";
  }

  /** Every sender's nonce in node0's latest block, asked in one batch. */
  private static void refreshIncluded(TestnetProcesses testnet, List<DevChain.DevAccount> senders, long[] included) {
    StringJoiner batch = new StringJoiner(",", "[", "]");
    for (int s = 0; s < senders.size(); s++) {
      batch.add("{\"jsonrpc\":\"2.0\",\"id\":" + s + ",\"method\":\"eth_getTransactionCount\",\"params\":[\""
          + senders.get(s).address().toHex() + "\",\"latest\"]}");
    }
    testnet.rpcBatch(0, batch.toString()).ifPresent(answers -> answers.forEach(answer -> {
      if (answer.has("result")) {
        included[answer.path("id").intValue()] = Long.decode(answer.path("result").asText());
      }
    }));
  }

  private static Optional<Long> nonce(TestnetProcesses testnet, DevChain.DevAccount account, String tag) {
    return testnet.rpc(0, "eth_getTransactionCount", "[\"" + account.address().toHex() + "\",\"" + tag + "\"]")
        .map(n -> Long.decode(n.asText()));
  }
}
