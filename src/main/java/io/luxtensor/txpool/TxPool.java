package io.luxtensor.txpool;

import io.luxtensor.txpool.AddResult.AddedPending;
import io.luxtensor.txpool.AddResult.AddedQueued;
import io.luxtensor.txpool.AddResult.Rejected;
import io.luxtensor.txpool.AddResult.Replaced;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Transaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The transaction pool. It has one owner, the chain context, and no locks; give it every new head with
 * {@link #onNewHead}, and after a reorg the reverted blocks' transactions with {@link #reinject}.
 *
 * <p>Admission checks, in this order (Geth's, where Geth has the check): already known, size, block gas limit,
 * minimum tip, fee cap against the base fee, nonce, funds, the sender's limit, the replacement bump, room in the
 * pool. Funds are counted per sender over everything it has pooled, queued transactions included (Geth counts only
 * pending ones): every pooled transaction of a sender is then affordable in nonce order, and a slot behind a nonce
 * gap costs a balance like any other. A wallet frees funds held by a queued transaction the usual way, by replacing
 * it with a zero-value one.
 *
 * <p>Costs: add and removal are O(log n) plus the sender's own transactions on promotion or demotion (at most
 * {@link TxPoolConfig#senderTransactionsMax}) and what an eviction displaces; a new head is O(n log n) (every sender
 * is re-read, every transaction re-ranked at the new base fee); a block selection is O(s + k log s) for s senders
 * and k transactions taken.
 */
public final class TxPool {
  /** No transaction needs less gas than a plain transfer's intrinsic gas, so a block with less left is full. */
  private static final long TRANSACTION_GAS_MIN = 21_000;

  private final TxPoolConfig config;
  private final NavigableMap<Address, SenderTransactions> senders = new TreeMap<>();
  /** Looked up only, never iterated: its order decides nothing. */
  private final Map<Hash, PoolEntry> byHash = new HashMap<>();
  private final EvictionOrder eviction;
  private ChainHead head;
  private long nextArrival;
  private int pendingTotal;
  private long sizeBytesTotal;

  public TxPool(TxPoolConfig config, ChainHead head) {
    this.config = config;
    this.head = head;
    this.eviction = new EvictionOrder(head.baseFeePerGas());
  }

  /**
   * Admits a transaction that passed stateless validation, or says why not; a rejection leaves the pool unchanged.
   * When the pool is full, the transaction displaces the cheapest ones if it outranks them (see
   * {@link EvictionOrder}).
   */
  public AddResult add(ValidatedTransaction candidate) {
    Optional<Rejected> refused = checkAgainstHead(candidate);
    if (refused.isPresent()) {
      return refused.get();
    }
    Transaction tx = candidate.tx();
    SenderTransactions account = senders.get(candidate.sender());
    if (account == null) {
      account = new SenderTransactions(head.accounts().nonce(candidate.sender()),
          head.accounts().balance(candidate.sender()).value());
    }
    if (Long.compareUnsigned(tx.nonce(), account.accountNonce()) < 0) {
      return rejected(TxPoolRejection.NONCE_TOO_LOW, "next nonce " + Long.toUnsignedString(account.accountNonce())
          + ", tx nonce " + Long.toUnsignedString(tx.nonce()));
    }
    PoolEntry existing = account.get(tx.nonce());
    PoolEntry entry = new PoolEntry(candidate, nextArrival, eviction.rankTip(tx));
    Optional<Rejected> unaffordable = checkFunds(account, existing, entry);
    if (unaffordable.isPresent()) {
      return unaffordable.get();
    }
    if (existing == null && account.size() >= config.senderTransactionsMax()) {
      return rejected(TxPoolRejection.SENDER_LIMIT, "pooled " + account.size() + " txs");
    }
    if (existing != null && !Fees.outbids(tx, existing.tx.tx())) {
      return rejected(TxPoolRejection.REPLACEMENT_UNDERPRICED, "");
    }
    entry.executable = existing != null ? existing.executable : tx.nonce() == account.nextPendingNonce();
    Optional<Rejected> noRoom = makeRoom(entry, existing);
    if (noRoom.isPresent()) {
      return noRoom.get();
    }
    nextArrival++;
    senders.put(candidate.sender(), account);
    return existing != null ? replace(account, existing, entry) : insert(account, entry);
  }

  /**
   * Moves the pool to a new head: drops what is included or made stale by the new account nonces, what the new
   * balances no longer cover and what the new block gas limit no longer admits; demotes what now sits behind a
   * gap and promotes what no longer does (after a reorg an account nonce can go back); re-ranks at the new base fee.
   */
  public void onNewHead(ChainHead newHead) {
    head = newHead;
    pendingTotal = 0;
    for (Iterator<Map.Entry<Address, SenderTransactions>> it = senders.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Address, SenderTransactions> sender = it.next();
      SenderTransactions account = sender.getValue();
      List<PoolEntry> dropped = account.rebase(newHead.accounts().nonce(sender.getKey()),
          newHead.accounts().balance(sender.getKey()).value(), newHead.gasLimit());
      for (PoolEntry entry : dropped) {
        byHash.remove(entry.tx.hash());
        sizeBytesTotal -= entry.size();
      }
      pendingTotal += account.pendingCount();
      if (account.isEmpty()) {
        it.remove();
      }
    }
    eviction.rebuild(newHead.baseFeePerGas(),
        () -> senders.values().stream().flatMap(s -> s.entries().stream()).iterator());
  }

  /**
   * Offers the transactions of blocks a reorg reverted back to the pool; call it after {@link #onNewHead} of the new
   * head. Those the new chain already includes, those already pooled and those no longer admissible are dropped
   * quietly: nobody is waiting for an answer.
   *
   * @return how many went back into the pool
   */
  public int reinject(List<ValidatedTransaction> reverted) {
    int readmitted = 0;
    for (ValidatedTransaction tx : reverted) {
      if (!(add(tx) instanceof Rejected)) {
        readmitted++;
      }
    }
    return readmitted;
  }

  /** The executable transactions in block order at {@code baseFeePerGas}, for a builder that executes as it goes. */
  public BlockCandidates candidates(BigInteger baseFeePerGas) {
    return new BlockCandidates(baseFeePerGas, senders.values());
  }

  /**
   * The transactions of a block of at most {@code gasLimit} gas at {@code baseFeePerGas}, in the order of
   * {@link #candidates}, counting each at its full gas limit; a sender whose next transaction does not fit is
   * skipped. The pool is unchanged: included transactions leave it at the next head.
   */
  public List<ValidatedTransaction> selectForBlock(BigInteger baseFeePerGas, long gasLimit) {
    List<ValidatedTransaction> block = new ArrayList<>();
    BlockCandidates candidates = candidates(baseFeePerGas);
    long gasLeft = gasLimit;
    for (Optional<ValidatedTransaction> next = candidates.peek();
        next.isPresent() && gasLeft >= TRANSACTION_GAS_MIN; next = candidates.peek()) {
      long gas = next.get().tx().gasLimit();
      if (Long.compareUnsigned(gas, gasLeft) <= 0) {
        block.add(next.get());
        gasLeft -= gas;
        candidates.accept();
      } else {
        candidates.skipSender();
      }
    }
    return block;
  }

  public Optional<ValidatedTransaction> get(Hash hash) {
    PoolEntry entry = byHash.get(hash);
    return entry == null ? Optional.empty() : Optional.of(entry.tx);
  }

  public PoolStatus status() {
    return new PoolStatus(pendingTotal, byHash.size() - pendingTotal);
  }

  /** The wire forms of every pooled transaction, summed: what {@link TxPoolConfig#poolSizeBytesMax} bounds. */
  public long sizeBytes() {
    return sizeBytesTotal;
  }

  /** Every sender's transactions, senders in address order (txpool_content). */
  public List<SenderContent> content() {
    List<SenderContent> content = new ArrayList<>(senders.size());
    for (Map.Entry<Address, SenderTransactions> sender : senders.entrySet()) {
      content.add(contentOf(sender.getKey(), sender.getValue()));
    }
    return content;
  }

  /** One sender's transactions (txpool_contentFrom); empty lists if it has none. */
  public SenderContent contentFrom(Address sender) {
    SenderTransactions account = senders.get(sender);
    return account == null ? new SenderContent(sender, List.of(), List.of()) : contentOf(sender, account);
  }

  /** The nonce the sender's next transaction should carry: the account nonce plus its pending transactions. */
  public long pendingNonce(Address sender) {
    SenderTransactions account = senders.get(sender);
    return account == null ? head.accounts().nonce(sender) : account.nextPendingNonce();
  }

  /** The checks that need only the transaction, the head and the pool's configuration. */
  private Optional<Rejected> checkAgainstHead(ValidatedTransaction candidate) {
    Transaction tx = candidate.tx();
    if (byHash.containsKey(candidate.hash())) {
      return Optional.of(rejected(TxPoolRejection.ALREADY_KNOWN, ""));
    }
    if (candidate.encodedSize() > config.transactionSizeBytesMax()) {
      return Optional.of(rejected(TxPoolRejection.OVERSIZED,
          "transaction size " + candidate.encodedSize() + ", limit " + config.transactionSizeBytesMax()));
    }
    if (Long.compareUnsigned(tx.gasLimit(), head.gasLimit()) > 0) {
      return Optional.of(rejected(TxPoolRejection.EXCEEDS_BLOCK_GAS_LIMIT,
          "gas " + Long.toUnsignedString(tx.gasLimit()) + ", block gas limit " + head.gasLimit()));
    }
    if (tx.maxPriorityFeePerGas().compareTo(config.tipPerGasWeiMin()) < 0) {
      return Optional.of(rejected(TxPoolRejection.UNDERPRICED,
          "gas tip cap " + tx.maxPriorityFeePerGas() + ", minimum needed " + config.tipPerGasWeiMin()));
    }
    if (tx.maxFeePerGas().compareTo(head.baseFeePerGas()) < 0) {
      return Optional.of(rejected(TxPoolRejection.FEE_CAP_BELOW_BASE_FEE, "address " + candidate.sender()
          + ", maxFeePerGas: " + tx.maxFeePerGas() + ", baseFee: " + head.baseFeePerGas()));
    }
    return Optional.empty();
  }

  private Optional<Rejected> checkFunds(SenderTransactions account, PoolEntry existing, PoolEntry entry) {
    BigInteger balance = account.balance();
    BigInteger cost = entry.maxCost;
    if (balance.compareTo(cost) < 0) {
      return Optional.of(rejected(TxPoolRejection.INSUFFICIENT_FUNDS,
          "balance " + balance + ", tx cost " + cost + ", overshot " + cost.subtract(balance)));
    }
    BigInteger othersCost = existing == null ? account.totalCost() : account.totalCost().subtract(existing.maxCost);
    BigInteger need = othersCost.add(cost);
    if (balance.compareTo(need) < 0) {
      return Optional.of(rejected(TxPoolRejection.INSUFFICIENT_FUNDS, "balance " + balance + ", queued cost "
          + othersCost + ", tx cost " + cost + ", overshot " + need.subtract(balance)));
    }
    return Optional.empty();
  }

  /** Evicts what {@code entry} must displace to fit, or says why it cannot; evicts nothing when it cannot. */
  private Optional<Rejected> makeRoom(PoolEntry entry, PoolEntry existing) {
    int countToFree = byHash.size() + (existing == null ? 1 : 0) - config.poolTransactionsMax();
    long bytesToFree = sizeBytesTotal + entry.size() - (existing == null ? 0 : existing.size())
        - config.poolSizeBytesMax();
    if (countToFree <= 0 && bytesToFree <= 0) {
      return Optional.empty();
    }
    EvictionOrder.Plan plan = eviction.plan(entry, countToFree, bytesToFree);
    if (!plan.makesRoom()) {
      if (plan.victims().isEmpty() && plan.outpriced()) {
        return Optional.of(rejected(TxPoolRejection.UNDERPRICED,
            "the pool is full and everything in it pays at least as much"));
      }
      return Optional.of(rejected(TxPoolRejection.POOL_FULL, plan.victims().isEmpty()
          ? "a transaction behind a nonce gap cannot displace executable ones"
          : "displacing every cheaper transaction would not make room"));
    }
    for (PoolEntry victim : plan.victims()) {
      evict(victim);
    }
    return Optional.empty();
  }

  private void evict(PoolEntry victim) {
    SenderTransactions account = senders.get(victim.sender());
    List<PoolEntry> demoted = account.remove(victim);
    detach(victim);
    for (PoolEntry entry : demoted) {
      eviction.reclassify(entry);
      pendingTotal--;
    }
    if (account.isEmpty()) {
      senders.remove(victim.sender());
    }
  }

  private AddResult insert(SenderTransactions account, PoolEntry entry) {
    List<PoolEntry> nowExecutable = account.insert(entry);
    attach(entry);
    List<ValidatedTransaction> promoted = new ArrayList<>(nowExecutable.size());
    for (PoolEntry entered : nowExecutable) {
      eviction.reclassify(entered);
      pendingTotal++;
      promoted.add(entered.tx);
    }
    return entry.executable ? new AddedPending(promoted) : new AddedQueued();
  }

  private AddResult replace(SenderTransactions account, PoolEntry existing, PoolEntry entry) {
    account.replace(existing, entry);
    detach(existing);
    attach(entry);
    return new Replaced(existing.tx.hash(), entry.executable);
  }

  private void attach(PoolEntry entry) {
    byHash.put(entry.tx.hash(), entry);
    eviction.add(entry);
    sizeBytesTotal += entry.size();
    if (entry.executable) {
      pendingTotal++;
    }
  }

  private void detach(PoolEntry entry) {
    byHash.remove(entry.tx.hash());
    eviction.remove(entry);
    sizeBytesTotal -= entry.size();
    if (entry.executable) {
      pendingTotal--;
    }
  }

  private static SenderContent contentOf(Address sender, SenderTransactions account) {
    List<ValidatedTransaction> pending = new ArrayList<>(account.pendingCount());
    List<ValidatedTransaction> queued = new ArrayList<>(account.size() - account.pendingCount());
    for (PoolEntry entry : account.entries()) {
      (entry.executable ? pending : queued).add(entry.tx);
    }
    return new SenderContent(sender, pending, queued);
  }

  private static Rejected rejected(TxPoolRejection reason, String detail) {
    return new Rejected(reason, detail);
  }
}
