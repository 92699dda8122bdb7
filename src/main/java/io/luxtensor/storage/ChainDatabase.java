package io.luxtensor.storage;

import io.luxtensor.chain.ChainReader;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.chain.ProducedBlock;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.chain.TransactionLocation;
import io.luxtensor.consensus.FinalityState;
import io.luxtensor.consensus.SlashingProtection;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpItem;
import io.luxtensor.rlp.RlpList;
import io.luxtensor.rlp.RlpString;
import io.luxtensor.state.Account;
import io.luxtensor.state.FlatState;
import io.luxtensor.state.HeadFlatState;
import io.luxtensor.state.StateCommit;
import io.luxtensor.state.StorageSlot;
import io.luxtensor.trie.NodeStore;
import io.luxtensor.types.Address;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Receipt;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.SlashingEvidence;
import io.luxtensor.types.Transaction;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The chain's layout in the key-value store. Reads are safe from any thread; writes go into a caller's batch, so a
 * block, its receipts, its index entries, its state and the new head commit together or not at all.
 *
 * <ul>
 *   <li>HEADERS: block hash → header RLP; BODIES: block hash → rlp([transactions, senders, votes, evidence]); RECEIPTS: block hash →
 *       rlp([receipt, ...]), each receipt without its bloom ({@link Receipt#encodeForStorage}; before 2026-12-07 with
 *       it, which reads the same);
 *   <li>CANONICAL_INDEX: number (8 bytes, big-endian) → block hash; TRANSACTION_INDEX: transaction hash →
 *       rlp([block hash, index]) for canonical blocks;
 *   <li>TRIE_NODES: node hash → node; ACCOUNTS: address → account RLP and STORAGE_SLOTS: address || slot → value, the
 *       flat state of the head;
 *   <li>CHAIN_METADATA: "genesis", "head", "finality" (justified and finalized checkpoints); "flatStateMissing" on a
 *       node started by state sync, whose flat columns hold only what changed since (state is read through the trie);
 *       "backfillNext" on such a node until it has every block: the number (8 bytes) of the highest block whose body
 *       is missing, every block below it missing too;
 *   <li>CONSENSUS: "slashingProtection" || validator address → the highest block slot, vote source and vote target
 *       it signed (three signed 8-byte big-endian numbers, -1 for none).
 * </ul>
 */
public final class ChainDatabase implements ChainReader {
  private static final byte[] GENESIS_KEY = key("genesis");
  private static final byte[] GENESIS_SPEC_KEY = key("genesisSpec");
  private static final byte[] HEAD_KEY = key("head");
  private static final byte[] FINALITY_KEY = key("finality");
  private static final byte[] VOTES_TO_CARRY_KEY = key("votesToCarry");
  private static final byte[] FLAT_STATE_MISSING_KEY = key("flatStateMissing");
  private static final byte[] BACKFILL_NEXT_KEY = key("backfillNext");
  private static final byte[] SLASHING_PROTECTION_PREFIX = key("slashingProtection");
  /** Three watermarks, then whether they were set without the key's history. */
  private static final int SLASHING_PROTECTION_BYTES = 3 * Long.BYTES + 1;
  /** The record before the flag existed: the watermarks alone, of a key whose history is known. */
  private static final int SLASHING_PROTECTION_BYTES_UNFLAGGED = 3 * Long.BYTES;

  /** The head and the blocks just below it, which readers ask for most, with room for a few more. */
  private static final int RECENT_BLOCKS = 32;

  private final KeyValueStore store;
  private final NodeStore trieNodes;
  private final RecentBlocks recentBlocks = new RecentBlocks(RECENT_BLOCKS);
  private final HeadFlatState headFlatState = new CurrentFlatState();
  /**
   * The state root the flat columns hold, as the chain's writer last declared it: null while a batch that changes
   * them may be committing, and when they are not known to be complete. A new box each time, so a reader can tell by
   * identity that a commit came in between, even one that left the root as it was.
   */
  private volatile FlatStateRoot flatStateRoot;

  public ChainDatabase(KeyValueStore store) {
    this.store = store;
    this.trieNodes = new ReadOnlyNodeStore(store);
  }

  public KeyValueStore store() {
    return store;
  }

  /** The trie nodes, read-only: writes go through a {@link BatchNodeStore}. */
  public NodeStore trieNodes() {
    return trieNodes;
  }

  /** The flat state of the head: valid for reads of the head's state only. */
  public FlatState flatState() {
    return new StoreFlatState();
  }

  /**
   * The flat state for readers on other threads: it answers for the root the writer declared by
   * {@link #flatStateCommitted}, until the writer puts the next head block in a batch.
   */
  public HeadFlatState headFlatState() {
    return headFlatState;
  }

  /**
   * Declares that the flat columns hold the whole state of {@code stateRoot}, as committed: called by the chain's
   * writer after the batch of the head with that root commits, on a node that keeps the whole flat state.
   */
  public void flatStateCommitted(Hash stateRoot) {
    flatStateRoot = new FlatStateRoot(stateRoot);
  }

  @Override
  public Optional<BlockHeader> header(Hash hash) {
    return store.get(Column.HEADERS, hash.toBytes()).map(BlockHeader::decode);
  }

  public Optional<StoredBlock> block(Hash hash) {
    return recentBlocks.get(hash, this::readBlock);
  }

  /**
   * Keeps {@code block}, which a committed batch has just made the head, decoded for the readers that will ask for
   * it: they then read it without decoding its body.
   */
  public void rememberHeadBlock(StoredBlock block) {
    recentBlocks.put(block);
  }

  private Optional<StoredBlock> readBlock(Hash hash) {
    Optional<BlockHeader> header = header(hash);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    return store.get(Column.BODIES, hash.toBytes()).map(body -> {
      RlpList f = Rlp.decodeList(body, "body").expectSize("body", 4);
      List<Transaction> transactions = new ArrayList<>();
      f.get(0).asList("transactions").items().forEach(item -> transactions.add(Transaction.fromBlockBodyItem(item)));
      List<Address> senders = new ArrayList<>();
      f.get(1).asList("senders").items().forEach(item -> senders.add(Address.wrap(item.asString("sender").bytes())));
      List<SignedVote> votes = new ArrayList<>();
      f.get(2).asList("votes").items().forEach(item -> votes.add(SignedVote.fromRlp(item)));
      List<SlashingEvidence> evidence = new ArrayList<>();
      f.get(3).asList("evidence").items().forEach(item -> evidence.add(SlashingEvidence.fromRlp(item)));
      return new StoredBlock(new Block(header.get(), transactions, votes, evidence), senders);
    });
  }

  public Optional<List<Receipt>> receipts(Hash blockHash) {
    return store.get(Column.RECEIPTS, blockHash.toBytes()).map(encoded -> {
      List<Receipt> receipts = new ArrayList<>();
      Rlp.decodeList(encoded, "receipts").items()
          .forEach(item -> receipts.add(Receipt.decodeStored(item.asString("receipt").bytes())));
      return receipts;
    });
  }

  public Optional<Hash> canonicalHash(long number) {
    return store.get(Column.CANONICAL_INDEX, numberKey(number)).map(Hash::wrap);
  }

  public Optional<TransactionLocation> transactionLocation(Hash transactionHash) {
    return store.get(Column.TRANSACTION_INDEX, transactionHash.toBytes()).map(encoded -> {
      RlpList f = Rlp.decodeList(encoded, "transaction location").expectSize("transaction location", 2);
      return new TransactionLocation(Hash.wrap(f.get(0).asString("block").bytes()),
          (int) f.get(1).asString("index").asLong("index"));
    });
  }

  public Optional<Hash> genesisHash() {
    return store.get(Column.CHAIN_METADATA, GENESIS_KEY).map(Hash::wrap);
  }

  public Optional<Hash> headHash() {
    return store.get(Column.CHAIN_METADATA, HEAD_KEY).map(Hash::wrap);
  }

  public Optional<FinalityState> finality() {
    return store.get(Column.CHAIN_METADATA, FINALITY_KEY).map(encoded -> {
      RlpList f = Rlp.decodeList(encoded, "finality").expectSize("finality", 2);
      return new FinalityState(Checkpoint.fromRlp(f.get(0), "justified"), Checkpoint.fromRlp(f.get(1), "finalized"));
    });
  }

  /**
   * Writes a block that becomes the new head: header, body with senders, receipts, canonical and transaction index
   * entries, the flat-state changes of {@code block.state()}, and the head pointer. The trie nodes went into the same
   * batch through a {@link BatchNodeStore} when the state was committed.
   */
  public void writeHeadBlock(WriteBatch batch, ProducedBlock block, List<Address> senders) {
    flatStateRoot = null;
    Block b = block.block();
    Hash hash = b.hash();
    writeCanonicalBlock(batch, new StoredBlock(b, senders));
    writeReceipts(batch, hash, block);
    writeFlatState(batch, block.state());
    batch.put(Column.CHAIN_METADATA, HEAD_KEY, hash.toBytes());
  }

  /**
   * Makes the last of {@code headers} the head of a node started by state sync: the headers (parent links already
   * checked) become canonical, without bodies, and the flat state is marked missing, since the state came as trie
   * nodes; the blocks up to the head are marked for backfill. The trie nodes are stored already; the finality goes into the same batch through {@link #writeFinality}.
   */
  public void writeSnapshotHead(WriteBatch batch, List<BlockHeader> headers) {
    flatStateRoot = null;
    for (BlockHeader header : headers) {
      batch.put(Column.HEADERS, header.hash().toBytes(), header.encode());
      batch.put(Column.CANONICAL_INDEX, numberKey(header.number()), header.hash().toBytes());
    }
    batch.put(Column.CHAIN_METADATA, FLAT_STATE_MISSING_KEY, new byte[] {1});
    writeBackfillNext(batch, headers.getLast().number());
    batch.put(Column.CHAIN_METADATA, HEAD_KEY, headers.getLast().hash().toBytes());
  }

  /**
   * Stores blocks below a state-sync checkpoint, fetched after it (their headers linked by hash up to it, their bodies
   * matched to the headers): header, body with senders, canonical and transaction index entries, and no receipts,
   * since they are not executed. {@code nextMissing} is the highest block still without a body, 0 when none is.
   */
  public void writeBackfilledBlocks(WriteBatch batch, List<StoredBlock> blocks, long nextMissing) {
    blocks.forEach(block -> writeCanonicalBlock(batch, block));
    writeBackfillNext(batch, nextMissing);
  }

  /** Records that blocks {@code nextMissing} down to 1 have no body yet; 0 records that none is missing. */
  public void writeBackfillNext(WriteBatch batch, long nextMissing) {
    if (nextMissing > 0) {
      batch.put(Column.CHAIN_METADATA, BACKFILL_NEXT_KEY, numberKey(nextMissing));
    } else {
      batch.delete(Column.CHAIN_METADATA, BACKFILL_NEXT_KEY);
    }
  }

  /** The highest block whose body is missing (all below it are missing too), or 0 if this node has every block. */
  public long backfillNext() {
    return store.get(Column.CHAIN_METADATA, BACKFILL_NEXT_KEY).map(ChainDatabase::number).orElse(0L);
  }

  private void writeCanonicalBlock(WriteBatch batch, StoredBlock stored) {
    writeBlockData(batch, stored);
    writeCanonicalEntries(batch, stored.block());
  }

  private void writeBlockData(WriteBatch batch, StoredBlock stored) {
    Block b = stored.block();
    Hash hash = b.hash();
    batch.put(Column.HEADERS, hash.toBytes(), b.header().encode());
    List<RlpItem> txItems = new ArrayList<>();
    b.transactions().forEach(tx -> txItems.add(tx.toBlockBodyItem()));
    List<RlpItem> senderItems = new ArrayList<>();
    stored.senders().forEach(s -> senderItems.add(RlpString.of(s.toBytes())));
    List<RlpItem> voteItems = new ArrayList<>();
    b.votes().forEach(v -> voteItems.add(v.toRlp()));
    List<RlpItem> evidenceItems = new ArrayList<>();
    b.evidence().forEach(e -> evidenceItems.add(e.toRlp()));
    batch.put(Column.BODIES, hash.toBytes(), Rlp.encode(RlpList.of(new RlpList(txItems), new RlpList(senderItems),
        new RlpList(voteItems), new RlpList(evidenceItems))));
  }

  private static void writeCanonicalEntries(WriteBatch batch, Block b) {
    Hash hash = b.hash();
    batch.put(Column.CANONICAL_INDEX, numberKey(b.header().number()), hash.toBytes());
    for (int i = 0; i < b.transactions().size(); i++) {
      batch.put(Column.TRANSACTION_INDEX, b.transactions().get(i).hash().toBytes(),
          Rlp.encode(RlpList.of(RlpString.of(hash.toBytes()), RlpString.of(i))));
    }
  }

  /**
   * Stores a block of a chain with several validators, canonical or not yet: header, body with senders and receipts,
   * without index entries or flat state ({@link #writeCanonicalChange} makes it canonical when the fork choice
   * picks it). The trie nodes go into the same batch through the caller's node store.
   */
  public void writeBlock(WriteBatch batch, ProducedBlock block, List<Address> senders) {
    writeBlockData(batch, new StoredBlock(block.block(), senders));
    writeReceipts(batch, block.block().hash(), block);
  }

  private static void writeReceipts(WriteBatch batch, Hash blockHash, ProducedBlock block) {
    List<Receipt> receipts = block.execution().receipts();
    List<RlpItem> receiptItems = new ArrayList<>(receipts.size());
    receipts.forEach(receipt -> receiptItems.add(RlpString.of(receipt.encodeForStorage())));
    batch.put(Column.RECEIPTS, blockHash.toBytes(), Rlp.encode(new RlpList(receiptItems)));
  }

  /**
   * Moves the head to {@code head}, the last of {@code added} (stored already, or in this batch) or, when
   * {@code added} is empty, a canonical ancestor of the old head: the blocks of {@code dropped}
   * (the old branch above the common ancestor) leave the canonical and transaction indexes, those of {@code added}
   * (the new branch above it, oldest first) enter them. The flat state is not kept on such a chain: readers go
   * through the trie at the head's state root.
   */
  public void writeCanonicalChange(WriteBatch batch, List<Block> dropped, List<Block> added, Hash head) {
    flatStateRoot = null;
    for (Block block : dropped) {
      batch.delete(Column.CANONICAL_INDEX, numberKey(block.header().number()));
      block.transactions().forEach(tx -> batch.delete(Column.TRANSACTION_INDEX, tx.hash().toBytes()));
    }
    added.forEach(block -> writeCanonicalEntries(batch, block));
    batch.put(Column.CHAIN_METADATA, FLAT_STATE_MISSING_KEY, new byte[] {1});
    batch.put(Column.CHAIN_METADATA, HEAD_KEY, head.toBytes());
  }

  /** Whether the flat-state columns hold the whole head state; if not, the head is read through the trie. */
  public boolean hasFlatState() {
    return store.get(Column.CHAIN_METADATA, FLAT_STATE_MISSING_KEY).isEmpty();
  }

  /** Records this database's genesis block and the spec it was built from (its chain parameters). */
  public void writeGenesis(WriteBatch batch, Hash genesisHash, GenesisSpec spec) {
    batch.put(Column.CHAIN_METADATA, GENESIS_KEY, genesisHash.toBytes());
    batch.put(Column.CHAIN_METADATA, GENESIS_SPEC_KEY, spec.toJson().getBytes(StandardCharsets.UTF_8));
  }

  public Optional<GenesisSpec> genesisSpec() {
    return store.get(Column.CHAIN_METADATA, GENESIS_SPEC_KEY)
        .map(json -> GenesisSpec.parse(new String(json, StandardCharsets.UTF_8)));
  }

  public void writeFinality(WriteBatch batch, FinalityState finality) {
    batch.put(Column.CHAIN_METADATA, FINALITY_KEY,
        Rlp.encode(RlpList.of(finality.justified().toRlp(), finality.finalized().toRlp())));
  }

  /**
   * The votes this node's validator signed that its next block must carry, so that the chain itself proves the
   * finality its headers claim, also across a restart.
   */
  public List<SignedVote> votesToCarry() {
    return store.get(Column.CHAIN_METADATA, VOTES_TO_CARRY_KEY)
        .map(encoded -> Rlp.decodeList(encoded, "votes to carry").items().stream().map(SignedVote::fromRlp).toList())
        .orElse(List.of());
  }

  public void writeVotesToCarry(WriteBatch batch, List<SignedVote> votes) {
    List<RlpItem> items = new ArrayList<>(votes.size());
    votes.forEach(v -> items.add(v.toRlp()));
    batch.put(Column.CHAIN_METADATA, VOTES_TO_CARRY_KEY, Rlp.encode(new RlpList(items)));
  }

  /** What {@code validator} has signed on this database's chain; nothing if it never signed here. */
  public SlashingProtection slashingProtection(Address validator) {
    return store.get(Column.CONSENSUS, slashingProtectionKey(validator)).map(encoded -> {
      if (encoded.length != SLASHING_PROTECTION_BYTES && encoded.length != SLASHING_PROTECTION_BYTES_UNFLAGGED) {
        throw new IllegalStateException("slashing protection record of " + validator
            + " has " + encoded.length + " bytes, not " + SLASHING_PROTECTION_BYTES + ": the database is damaged");
      }
      ByteBuffer record = ByteBuffer.wrap(encoded);
      return new SlashingProtection(record.getLong(), record.getLong(), record.getLong(),
          record.hasRemaining() && record.get() != 0);
    }).orElse(SlashingProtection.NOTHING_SIGNED);
  }

  /** Records what {@code validator} has signed, in the batch that commits before the signatures leave the node. */
  public void writeSlashingProtection(WriteBatch batch, Address validator, SlashingProtection signed) {
    batch.put(Column.CONSENSUS, slashingProtectionKey(validator), ByteBuffer.allocate(SLASHING_PROTECTION_BYTES)
        .putLong(signed.lastBlockSlot()).putLong(signed.lastVoteSource()).putLong(signed.lastVoteTarget())
        .put((byte) (signed.historyUnknown() ? 1 : 0)).array());
  }

  private static byte[] slashingProtectionKey(Address validator) {
    return ByteBuffer.allocate(SLASHING_PROTECTION_PREFIX.length + Address.LENGTH)
        .put(SLASHING_PROTECTION_PREFIX).put(validator.toBytes()).array();
  }

  private static void writeFlatState(WriteBatch batch, StateCommit commit) {
    commit.accounts().forEach((address, account) -> {
      if (account.equals(Account.EMPTY)) {
        batch.delete(Column.ACCOUNTS, address.toBytes());
      } else {
        batch.put(Column.ACCOUNTS, address.toBytes(), account.encode());
      }
    });
    commit.storage().forEach((slot, value) -> {
      if (value.signum() == 0) {
        batch.delete(Column.STORAGE_SLOTS, slot.toKey());
      } else {
        batch.put(Column.STORAGE_SLOTS, slot.toKey(), Rlp.encode(RlpString.of(value)));
      }
    });
  }

  private static byte[] numberKey(long number) {
    return ByteBuffer.allocate(Long.BYTES).putLong(number).array();
  }

  private static long number(byte[] key) {
    return ByteBuffer.wrap(key).getLong();
  }

  private static byte[] key(String name) {
    return name.getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads of the flat-state columns. */
  private final class StoreFlatState implements FlatState {
    @Override
    public Account account(Address address) {
      return store.get(Column.ACCOUNTS, address.toBytes()).map(Account::decode).orElse(Account.EMPTY);
    }

    @Override
    public BigInteger storage(Address address, Hash slot) {
      return store.get(Column.STORAGE_SLOTS, new StorageSlot(address, slot).toKey())
          .map(v -> Rlp.decode(v).asString("storage value").asUnsignedInteger("storage value", 32))
          .orElse(BigInteger.ZERO);
    }
  }

  /** The root of {@link #flatStateRoot}, boxed so that every declaration is a new object. */
  private record FlatStateRoot(Hash root) {}

  /** Reads of the flat-state columns for a given root, checked against {@link #flatStateRoot} before and after. */
  private final class CurrentFlatState implements HeadFlatState {
    private final FlatState columns = new StoreFlatState();

    @Override
    public Optional<Account> account(Hash root, Address address) {
      return whileAt(root, () -> columns.account(address));
    }

    @Override
    public Optional<BigInteger> storage(Hash root, Address address, Hash slot) {
      return whileAt(root, () -> columns.storage(address, slot));
    }

    /**
     * {@code read} (one lookup: a batch reaches it whole or not at all) if the columns held {@code root} before it
     * and still do after it. A writer clears the box before it puts a new head in a batch, so a box unchanged by
     * identity means no commit began in between.
     */
    private <T> Optional<T> whileAt(Hash root, Supplier<T> read) {
      FlatStateRoot before = flatStateRoot;
      if (before == null || !before.root().equals(root)) {
        return Optional.empty();
      }
      T value = read.get();
      return flatStateRoot == before ? Optional.of(value) : Optional.empty();
    }
  }

  /** Trie nodes for readers: committed nodes only; writing is a bug. */
  private record ReadOnlyNodeStore(KeyValueStore store) implements NodeStore {
    @Override
    public Optional<byte[]> get(byte[] hash) {
      return store.getShared(Column.TRIE_NODES, hash);
    }

    @Override
    public void put(byte[] hash, byte[] encodedNode) {
      throw new UnsupportedOperationException("trie nodes are written through a BatchNodeStore");
    }
  }
}
