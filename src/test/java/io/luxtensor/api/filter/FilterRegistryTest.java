package io.luxtensor.api.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.api.jsonrpc.JsonRpcLimits;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.testing.SeededRandom;
import io.luxtensor.testing.TestData;
import io.luxtensor.types.Address;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Bloom;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Log;
import io.luxtensor.types.Receipt;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.TransactionType;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The filter state machine, driven by hand: ids, the clock and the chain's events are arguments. */
class FilterRegistryTest {
  private static final long T0 = 1_700_000_000_000L;
  private final TestData data = new TestData(7);
  private final SecureRandom ids = SeededRandom.of(7);
  private final Address contract = data.address();
  private final Hash pinged = data.hash();
  private final Hash other = data.hash();

  @Test
  void aBlockFilterReportsEachNewBlockOnceInOrder() {
    FilterRegistry registry = new FilterRegistry(10);
    FilterId id = installed(registry.install(FilterId.random(ids), new FilterRegistry.Kind.Blocks(), T0));
    Block one = block(1, List.of()).stored().block();
    Block two = block(2, List.of()).stored().block();
    registry.onNewBlock(new StoredBlock(one, List.of()), List.of(), T0 + 1);
    registry.onNewBlock(new StoredBlock(two, List.of()), List.of(), T0 + 2);
    registry.onPendingTransaction(data.hash(), T0 + 3);

    assertEquals(new FilterRegistry.Changes.Hashes(List.of(one.hash(), two.hash())), registry.changes(id, T0 + 4));
    assertEquals(new FilterRegistry.Changes.Hashes(List.of()), registry.changes(id, T0 + 5), "drained by the poll");
  }

  @Test
  void aPendingFilterReportsTransactionsAndNotBlocks() {
    FilterRegistry registry = new FilterRegistry(10);
    FilterId id = installed(registry.install(FilterId.random(ids), new FilterRegistry.Kind.PendingTransactions(), T0));
    Hash tx = data.hash();
    registry.onNewBlock(block(1, List.of()).stored(), List.of(), T0);
    registry.onPendingTransaction(tx, T0);
    assertEquals(new FilterRegistry.Changes.Hashes(List.of(tx)), registry.changes(id, T0));
  }

  @Test
  void aLogFilterReportsMatchingLogsWithTheirPositionsWithinItsNumericBounds() {
    FilterRegistry registry = new FilterRegistry(10);
    LogCriteria criteria = new LogCriteria(Set.of(contract), List.of(Set.of(pinged)));
    FilterId id = installed(registry.install(FilterId.random(ids),
        new FilterRegistry.Kind.Logs(criteria, OptionalLong.empty(), OptionalLong.of(2)), T0));
    Log match = new Log(contract, List.of(pinged, data.hash()), Bytes.of(new byte[] {1}));
    Log wrongTopic = new Log(contract, List.of(other), Bytes.EMPTY);
    Log wrongAddress = new Log(data.address(), List.of(pinged), Bytes.EMPTY);
    BlockWithReceipts first = block(1, List.of(List.of(wrongTopic), List.of(wrongAddress, match)));
    BlockWithReceipts third = block(3, List.of(List.of(match)));
    registry.onNewBlock(first.stored(), first.receipts(), T0);
    registry.onNewBlock(third.stored(), third.receipts(), T0);

    var changes = assertInstanceOf(FilterRegistry.Changes.Logs.class, registry.changes(id, T0));
    assertEquals(1, changes.logs().size(), "block 3 is past toBlock 2");
    LocatedLog found = changes.logs().get(0);
    assertEquals(match, found.log());
    assertEquals(1, found.transactionIndex());
    assertEquals(2, found.logIndex(), "the block's third log");
    assertEquals(first.stored().block().transactions().get(1).hash(), found.transactionHash());
    assertEquals(first.stored().block().header(), found.header());
  }

  @Test
  void topicCriteriaFollowGeth() {
    Log log = new Log(contract, List.of(pinged, other), Bytes.EMPTY);
    assertTrue(new LogCriteria(Set.of(), List.of(Set.of(), Set.of(other))).matches(log), "wildcard then exact");
    assertTrue(new LogCriteria(Set.of(), List.of(Set.of(other, pinged))).matches(log), "alternatives are OR");
    assertFalse(new LogCriteria(Set.of(), List.of(Set.of(other))).matches(log), "positions matter");
    assertFalse(new LogCriteria(Set.of(), List.of(Set.of(), Set.of(), Set.of())).matches(log),
        "more positions than the log has topics never match, wildcards included");
    assertTrue(new LogCriteria(Set.of(data.address(), contract), List.of()).matches(log), "any of the addresses");

    Bloom bloom = Bloom.of(List.of(log));
    assertTrue(new LogCriteria(Set.of(contract), List.of(Set.of(), Set.of(other))).mayMatch(bloom));
    assertFalse(new LogCriteria(Set.of(data.address()), List.of()).mayMatch(bloom));
    assertFalse(new LogCriteria(Set.of(), List.of(Set.of(data.hash()))).mayMatch(bloom));
  }

  @Test
  void aFilterNotPolledForFiveMinutesIsGoneAndPollingKeepsItAlive() {
    FilterRegistry registry = new FilterRegistry(10);
    FilterId polled = installed(registry.install(FilterId.random(ids), new FilterRegistry.Kind.Blocks(), T0));
    FilterId idle = installed(registry.install(FilterId.random(ids), new FilterRegistry.Kind.Blocks(), T0));
    long limit = FilterRegistry.FILTER_IDLE_MS_MAX;

    assertInstanceOf(FilterRegistry.Changes.Hashes.class, registry.changes(polled, T0 + limit), "at the limit");
    assertInstanceOf(FilterRegistry.Changes.NotFound.class, registry.changes(idle, T0 + limit + 1), "past it");
    assertInstanceOf(FilterRegistry.Changes.Hashes.class, registry.changes(polled, T0 + 2 * limit),
        "each poll restarts the idle clock");
    assertEquals(1, registry.size());
  }

  @Test
  void idleFiltersAreSweptOnEventsWithoutBeingPolled() {
    FilterRegistry registry = new FilterRegistry(10);
    registry.install(FilterId.random(ids), new FilterRegistry.Kind.PendingTransactions(), T0);
    registry.onPendingTransaction(data.hash(), T0 + FilterRegistry.FILTER_IDLE_MS_MAX + 1);
    assertEquals(0, registry.size());
    assertEquals(0, registry.bufferedTotal(), "its buffer is released with it");
  }

  @Test
  void theFilterCapRefusesNewFiltersUntilOneIsUninstalled() {
    FilterRegistry registry = new FilterRegistry(2);
    FilterId first = installed(registry.install(FilterId.random(ids), new FilterRegistry.Kind.Blocks(), T0));
    installed(registry.install(FilterId.random(ids), new FilterRegistry.Kind.PendingTransactions(), T0));
    assertEquals(new FilterRegistry.Installation.TooMany(2),
        registry.install(FilterId.random(ids), new FilterRegistry.Kind.Blocks(), T0));
    assertTrue(registry.uninstall(first));
    assertFalse(registry.uninstall(first), "already gone");
    installed(registry.install(FilterId.random(ids), new FilterRegistry.Kind.Blocks(), T0));
  }

  @Test
  void aFilterThatOverflowsSaysSoOnceAndIsRemoved() {
    FilterRegistry registry = new FilterRegistry(10);
    FilterId id = installed(registry.install(FilterId.random(ids), new FilterRegistry.Kind.PendingTransactions(), T0));
    for (int i = 0; i <= FilterRegistry.FILTER_CHANGES_MAX; i++) {
      registry.onPendingTransaction(data.hash(), T0);
    }
    assertEquals(0, registry.bufferedTotal(), "an overflowed filter holds nothing");
    assertEquals(new FilterRegistry.Changes.Overflowed(FilterRegistry.FILTER_CHANGES_MAX), registry.changes(id, T0));
    assertInstanceOf(FilterRegistry.Changes.NotFound.class, registry.changes(id, T0));
  }

  @Test
  void exactlyAFullBufferIsStillDeliveredWhole() {
    FilterRegistry registry = new FilterRegistry(10);
    FilterId id = installed(registry.install(FilterId.random(ids), new FilterRegistry.Kind.PendingTransactions(), T0));
    for (int i = 0; i < FilterRegistry.FILTER_CHANGES_MAX; i++) {
      registry.onPendingTransaction(data.hash(), T0);
    }
    var changes = assertInstanceOf(FilterRegistry.Changes.Hashes.class, registry.changes(id, T0));
    assertEquals(FilterRegistry.FILTER_CHANGES_MAX, changes.hashes().size());
  }

  @Test
  void theTotalBudgetOverflowsTheFilterThatWouldExceedIt() {
    int filters = FilterRegistry.CHANGES_BUFFERED_TOTAL_MAX / FilterRegistry.FILTER_CHANGES_MAX + 1;
    FilterRegistry registry = new FilterRegistry(filters);
    List<FilterId> installed = new ArrayList<>();
    for (int i = 0; i < filters; i++) {
      installed.add(installed(registry.install(FilterId.random(ids), new FilterRegistry.Kind.PendingTransactions(),
          T0)));
    }
    Hash tx = data.hash();
    for (int i = 0; i < FilterRegistry.FILTER_CHANGES_MAX; i++) {
      registry.onPendingTransaction(tx, T0);
      assertTrue(registry.bufferedTotal() <= FilterRegistry.CHANGES_BUFFERED_TOTAL_MAX);
    }
    long overflowed = installed.stream()
        .filter(id -> registry.changes(id, T0) instanceof FilterRegistry.Changes.Overflowed).count();
    assertEquals(1, overflowed, "one filter pays for the budget; the others keep every change");
  }

  @Test
  void lostEventsOverflowEveryFilter() {
    FilterRegistry registry = new FilterRegistry(10);
    FilterId blocks = installed(registry.install(FilterId.random(ids), new FilterRegistry.Kind.Blocks(), T0));
    FilterId logs = installed(registry.install(FilterId.random(ids),
        new FilterRegistry.Kind.Logs(LogCriteria.ANY, OptionalLong.empty(), OptionalLong.empty()), T0));
    registry.overflowAll();
    assertInstanceOf(FilterRegistry.Changes.Overflowed.class, registry.changes(blocks, T0));
    assertInstanceOf(FilterRegistry.Changes.Overflowed.class, registry.changes(logs, T0));
  }

  @Test
  void aRepeatedIdIsABugNotAnOutcome() {
    FilterRegistry registry = new FilterRegistry(10);
    FilterId id = FilterId.random(ids);
    registry.install(id, new FilterRegistry.Kind.Blocks(), T0);
    assertThrows(IllegalStateException.class, () -> registry.install(id, new FilterRegistry.Kind.Blocks(), T0));
  }

  @Test
  void idsAre128RandomBitsWrittenAsQuantities() {
    FilterId a = FilterId.random(new SecureRandom());
    FilterId b = FilterId.random(new SecureRandom());
    assertNotEquals(a, b);
    assertTrue(a.toHex().matches("^0x(0|[1-9a-f][0-9a-f]*)$"), a.toHex());
    assertEquals(a, FilterId.parse(a.toHex()).orElseThrow());
    assertEquals(new FilterId(BigInteger.ONE), FilterId.parse("0x01").orElseThrow(), "web3j pads small ids");
    assertTrue(FilterId.parse("0x1" + "0".repeat(32)).isEmpty(), "129 bits");
    assertTrue(FilterId.parse("0x+1").isEmpty());
    assertTrue(FilterId.parse("12").isEmpty());
  }

  @Test
  void limitsHoldTogether() {
    assertTrue(FilterRegistry.FILTER_CHANGES_MAX <= JsonRpcLimits.LOGS_RESULTS_MAX,
        "a poll never answers more logs than one eth_getLogs may");
    assertTrue(FilterRegistry.FILTER_CHANGES_MAX <= FilterRegistry.CHANGES_BUFFERED_TOTAL_MAX);
    assertTrue((long) FilterRegistry.CHANGES_BUFFERED_TOTAL_MAX * Long.BYTES <= 16L << 20,
        "the buffers' references stay within 16 MiB");
    assertTrue(FilterRegistry.SWEEP_INTERVAL_MS < FilterRegistry.FILTER_IDLE_MS_MAX);
  }

  private static FilterId installed(FilterRegistry.Installation installation) {
    return assertInstanceOf(FilterRegistry.Installation.Installed.class, installation).id();
  }

  private record BlockWithReceipts(StoredBlock stored, List<Receipt> receipts) {}

  /** A block at {@code number} with one transaction per entry of {@code logsPerTransaction}. */
  private BlockWithReceipts block(long number, List<List<Log>> logsPerTransaction) {
    List<Transaction> transactions = new ArrayList<>();
    List<Address> senders = new ArrayList<>();
    List<Receipt> receipts = new ArrayList<>();
    List<Log> all = new ArrayList<>();
    for (List<Log> logs : logsPerTransaction) {
      transactions.add(data.legacyTransaction());
      senders.add(data.address());
      receipts.add(Receipt.of(TransactionType.LEGACY, true, 21_000L * transactions.size(), logs));
      all.addAll(logs);
    }
    BlockHeader header = new BlockHeader(data.hash(), number, number, 1_700_000_000L + number, data.address(),
        data.hash(), data.hash(), data.hash(), Bloom.of(all), 30_000_000, 21_000L * transactions.size(),
        BigInteger.ONE, Bytes.EMPTY, data.hash(), Bytes.EMPTY, Checkpoint.GENESIS_UNSET, Checkpoint.GENESIS_UNSET,
        data.hash(), null);
    return new BlockWithReceipts(new StoredBlock(new Block(header, transactions), senders), receipts);
  }
}
