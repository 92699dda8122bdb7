package io.luxtensor.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.consensus.FinalityState;
import io.luxtensor.consensus.Validator;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.execution.BlockExecutor;
import io.luxtensor.execution.CandidateTransactions;
import io.luxtensor.execution.TimeBoxedCandidates;
import io.luxtensor.execution.TransactionProcessor;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.system.ChainInfoContract;
import io.luxtensor.execution.system.SystemContracts;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpString;
import io.luxtensor.state.WorldState;
import io.luxtensor.testing.TestData;
import io.luxtensor.testing.YellowPaperTrie;
import io.luxtensor.trie.InMemoryNodeStore;
import io.luxtensor.types.AccessListEntry;
import io.luxtensor.types.AccessListTransaction;
import io.luxtensor.types.Address;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Bloom;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.Hash;
import io.luxtensor.types.LegacyTransaction;
import io.luxtensor.types.Receipt;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.SlashingEvidence;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Vote;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A validator produces blocks; a second node, from the same genesis, imports them or rejects tampered ones. */
class BlockProductionAndImportTest {
  private static final long CHAIN_ID = 31337;
  private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);
  private final TestData data = new TestData(3);
  private final ValidatorKeys validator = ValidatorKeys.derivedFrom(data.key());
  private final List<PrivateKey> users = List.of(data.key(), data.key(), data.key());
  private final GenesisSpec spec = new GenesisSpec(
      new ChainParameters(CHAIN_ID, 1_700_000_000_000L, 500, 4, BigInteger.ZERO), 30_000_000, GWEI, Bytes.EMPTY,
      new TreeMap<>(Map.of(
          Address.of(users.get(0).publicKey()), account("100"),
          Address.of(users.get(1).publicKey()), account("100"),
          Address.of(users.get(2).publicKey()), account("100"))),
      List.of(new Validator(validator.address(), Wei.ofLux("32"), validator.vrfPublicKey())));
  private final Node producer = new Node();
  private final Node importer = new Node();

  @Test
  void producedBlocksImportElsewhereWithIdenticalRoots() {
    List<Transaction> txs = sampleTransactions();
    ProducedBlock block1 = producer.produce(1, txs);
    assertEquals(txs.size(), block1.block().transactions().size(), "every sample transaction is included");
    ImportResult result = importer.importBlock(block1.block(), 1);
    ProducedBlock imported = assertInstanceOf(ImportResult.Imported.class, result, result::toString).block();
    assertEquals(block1.state().stateRoot(), imported.state().stateRoot());

    BlockHeader header = block1.block().header();
    assertEquals(Hash.wrap(independentRoot(txs.stream().map(Transaction::encode).toList())), header.transactionsRoot());
    assertEquals(Hash.wrap(independentRoot(block1.execution().receipts().stream().map(Receipt::encode).toList())),
        header.receiptsRoot());
    assertNotEquals(producer.genesis.block().header().stateRoot(), header.stateRoot(), "transfers change the state");

    ProducedBlock empty = producer.produce(3, List.of());
    assertEquals(header.stateRoot(), empty.block().header().stateRoot(), "an empty block changes nothing");
    assertInstanceOf(ImportResult.Imported.class, importer.importBlock(empty.block(), 3));
  }

  @Test
  void aBlockFilledUntilItsProposersDeadlineHoldsTheTransactionsSelectedInTimeAndImportsAnywhere() {
    List<Transaction> txs = sampleTransactions();
    AtomicLong nanos = new AtomicLong();
    // Each offer reads the clock once, and the clock moves a nanosecond a read: two offers before the deadline.
    CandidateTransactions boxed = new TimeBoxedCandidates(
        CandidateTransactions.of(txs.stream().map(RecoveredTransaction::recover).toList()), nanos::getAndIncrement, 2);

    ProducedBlock block = producer.produce(1, boxed);

    assertTrue(txs.size() > 2);
    assertEquals(txs.subList(0, 2), block.block().transactions());
    assertInstanceOf(ImportResult.Imported.class, importer.importBlock(block.block(), 1),
        "an importer checks the block without a clock");
  }

  @Test
  void tamperedBlocksAreRejectedWithTheirReason() {
    ProducedBlock block = producer.produce(1, sampleTransactions());
    PrivateKey proposerKey = validator.signingKey();
    assertRejected(BlockInvalidReason.WRONG_BASE_FEE, block, h -> with(h, 11, h.baseFeePerGas().add(BigInteger.ONE)), proposerKey);
    assertRejected(BlockInvalidReason.WRONG_STATE_ROOT, block, h -> with(h, 5, data.hash()), proposerKey);
    assertRejected(BlockInvalidReason.WRONG_RECEIPTS_ROOT, block, h -> with(h, 7, data.hash()), proposerKey);
    assertRejected(BlockInvalidReason.WRONG_TRANSACTIONS_ROOT, block, h -> with(h, 6, data.hash()), proposerKey);
    assertRejected(BlockInvalidReason.WRONG_GAS_USED, block, h -> with(h, 10, h.gasUsed() + 1), proposerKey);
    assertRejected(BlockInvalidReason.WRONG_RANDAO_MIX, block, h -> with(h, 13, data.hash()), proposerKey);
    assertRejected(BlockInvalidReason.BAD_VRF_PROOF, block, h -> with(h, 14, Bytes.of(data.bytes(81))), proposerKey);
    assertRejected(BlockInvalidReason.BAD_SIGNATURE, block, h -> h, data.key());
    assertRejected(BlockInvalidReason.WRONG_PROPOSER, block, h -> with(h, 4, data.address()), proposerKey);
    assertRejected(BlockInvalidReason.WRONG_TIMESTAMP, block, h -> with(h, 3, h.timestamp() + 1), proposerKey);
    assertRejected(BlockInvalidReason.WRONG_NUMBER, block, h -> with(h, 1, 2L), proposerKey);
    assertRejected(BlockInvalidReason.SLOT_IN_FUTURE, block, h -> with(with(h, 2, 1_000L), 3, spec.parameters()
        .timestampOf(1_000)), proposerKey);
    assertRejected(BlockInvalidReason.UNKNOWN_PARENT, block, h -> with(h, 0, data.hash()), proposerKey);
    assertRejected(BlockInvalidReason.WRONG_CONSENSUS_ROOT, block, h -> with(h, 17, data.hash()), proposerKey);
  }

  @Test
  void votesAndEvidenceABlockCarriesAreCheckedOnImport() {
    ProducedBlock first = producer.produce(1, List.of());
    importer.importBlock(first.block(), 1);
    Hash head = first.block().hash();
    Checkpoint genesis = new Checkpoint(0, producer.genesis.block().hash());
    SignedVote vote = new Vote(1, head, genesis, new Checkpoint(1, head)).sign(CHAIN_ID, validator.signingKey());
    SignedVote otherVote = new Vote(1, data.hash(), genesis, new Checkpoint(1, data.hash()))
        .sign(CHAIN_ID, validator.signingKey());

    assertImportRejected(BlockInvalidReason.INVALID_VOTE, "vote 0: it is not signed by",
        List.of(new SignedVote(vote.vote(), validator.address(), otherVote.signature())), List.of());
    assertImportRejected(BlockInvalidReason.INVALID_VOTE, "vote 0: it is for slot 2, not one from slot -2 to the block's 2",
        List.of(new Vote(2, head, genesis, new Checkpoint(2, head)).sign(CHAIN_ID, validator.signingKey())),
        List.of());
    assertImportRejected(BlockInvalidReason.INVALID_VOTE, "is not a validator",
        List.of(new Vote(1, head, genesis, new Checkpoint(1, head)).sign(CHAIN_ID, data.key())), List.of());
    assertImportRejected(BlockInvalidReason.INVALID_VOTE, "its target is not its own slot's checkpoint of its head",
        List.of(new Vote(1, head, genesis, new Checkpoint(2, head)).sign(CHAIN_ID, validator.signingKey())),
        List.of());
    assertImportRejected(BlockInvalidReason.INVALID_VOTE, "its target is not its own slot's checkpoint of its head",
        List.of(new Vote(1, head, genesis, new Checkpoint(1, genesis.blockHash())).sign(CHAIN_ID,
            validator.signingKey())), List.of());
    assertImportRejected(BlockInvalidReason.INVALID_VOTE, "already voted in slot 1 in this block",
        List.of(vote, vote), List.of());
    assertImportRejected(BlockInvalidReason.INVALID_EVIDENCE, "evidence 0: the two votes are the same vote",
        List.of(), List.of(new SlashingEvidence.DoubleVote(vote, vote)));

    ProducedBlock withBoth = producer.produce(2, List.of(), List.of(vote),
        List.of(new SlashingEvidence.DoubleVote(vote, otherVote)));
    ImportResult result = importer.importBlock(withBoth.block(), 2);
    assertInstanceOf(ImportResult.Imported.class, result, result::toString);
  }

  /** A block in slot 2, on an empty block 1, carrying {@code votes} and {@code evidence} is refused. */
  private void assertImportRejected(BlockInvalidReason reason, String detail, List<SignedVote> votes,
      List<SlashingEvidence> evidence) {
    Node proposer = new Node();
    Node receiver = new Node();
    assertInstanceOf(ImportResult.Imported.class, receiver.importBlock(proposer.produce(1, List.of()).block(), 1));
    ProducedBlock block = proposer.produce(2, List.of(), votes, evidence);
    ImportResult result = receiver.importBlock(block.block(), 2);
    ImportResult.Rejected rejected = assertInstanceOf(ImportResult.Rejected.class, result, reason::name);
    assertEquals(reason, rejected.reason(), rejected.message());
    assertTrue(rejected.message().contains(detail), rejected.message());
  }

  private void assertRejected(BlockInvalidReason reason, ProducedBlock block, UnaryOperator<BlockHeader> tamper,
      PrivateKey signer) {
    BlockHeader header = tamper.apply(block.block().header()).withSignature(null).sign(CHAIN_ID, signer);
    Block tampered = new Block(header, block.block().transactions());
    Node fresh = new Node();
    ImportResult result = fresh.importBlock(tampered, block.block().header().slot());
    ImportResult.Rejected rejected = assertInstanceOf(ImportResult.Rejected.class, result, reason::name);
    assertEquals(reason, rejected.reason(), rejected.message());
  }

  /** A copy of {@code h} with field {@code index} (in RLP order) replaced by {@code value}. */
  private static BlockHeader with(BlockHeader h, int index, Object value) {
    List<Object> f = new ArrayList<>(List.of(h.parentHash(), h.number(), h.slot(), h.timestamp(), h.proposer(),
        h.stateRoot(), h.transactionsRoot(), h.receiptsRoot(), h.logsBloom(), h.gasLimit(), h.gasUsed(),
        h.baseFeePerGas(), h.extraData(), h.randaoMix(), h.vrfProof(), h.justified(), h.finalized(),
        h.consensusRoot()));
    f.set(index, value);
    return new BlockHeader((Hash) f.get(0), (Long) f.get(1), (Long) f.get(2), (Long) f.get(3), (Address) f.get(4),
        (Hash) f.get(5), (Hash) f.get(6), (Hash) f.get(7), (Bloom) f.get(8), (Long) f.get(9),
        (Long) f.get(10), (BigInteger) f.get(11), (Bytes) f.get(12), (Hash) f.get(13), (Bytes) f.get(14),
        (Checkpoint) f.get(15), (Checkpoint) f.get(16), (Hash) f.get(17), null);
  }

  private List<Transaction> sampleTransactions() {
    Address to = data.address();
    BigInteger fee = GWEI.multiply(BigInteger.valueOf(3));
    byte[] pingInput = concat(Abi.selector("ping(bytes32)"), data.hash().toBytes());
    return List.of(
        new LegacyTransaction(OptionalLong.of(CHAIN_ID), 0, fee, 21_000, Optional.of(to), Wei.ofLux("1"), Bytes.EMPTY,
            null).sign(users.get(0)),
        new AccessListTransaction(CHAIN_ID, 0, fee, 30_000, Optional.of(to), Wei.ofLux("2"), Bytes.EMPTY,
            List.of(new AccessListEntry(to, List.of(data.hash()))), null).sign(users.get(1)),
        new DynamicFeeTransaction(CHAIN_ID, 1, GWEI, fee, 21_000, Optional.of(to), Wei.ofLux("3"), Bytes.EMPTY,
            List.of(), null).sign(users.get(0)),
        new DynamicFeeTransaction(CHAIN_ID, 0, GWEI, fee, 100_000, Optional.of(ChainInfoContract.ADDRESS), Wei.ZERO,
            Bytes.of(pingInput), List.of(), null).sign(users.get(2)));
  }

  private static byte[] independentRoot(List<byte[]> encodings) {
    Map<byte[], byte[]> entries = new HashMap<>();
    for (int i = 0; i < encodings.size(); i++) {
      entries.put(Rlp.encode(RlpString.of(i)), encodings.get(i));
    }
    return YellowPaperTrie.rootHash(entries);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static GenesisSpec.GenesisAccount account(String lux) {
    return new GenesisSpec.GenesisAccount(Wei.ofLux(lux), 0, new TreeMap<>());
  }

  /** One node's view: its store, headers, head state. */
  private final class Node {
    final InMemoryNodeStore nodes = new InMemoryNodeStore();
    final Map<Hash, BlockHeader> headers = new HashMap<>();
    final Genesis.GenesisBlock genesis = Genesis.create(spec, nodes);
    final BlockExecutor executor = new BlockExecutor(new TransactionProcessor(SystemContracts.standard()));
    BlockHeader head = genesis.block().header();

    Node() {
      headers.put(head.hash(), head);
    }

    ProducedBlock produce(long slot, List<Transaction> txs) {
      return produce(slot, txs, List.of(), List.of());
    }

    ProducedBlock produce(long slot, List<Transaction> txs, List<SignedVote> votes, List<SlashingEvidence> evidence) {
      return produce(slot, CandidateTransactions.of(txs.stream().map(RecoveredTransaction::recover).toList()), votes,
          evidence);
    }

    ProducedBlock produce(long slot, CandidateTransactions candidates) {
      return produce(slot, candidates, List.of(), List.of());
    }

    ProducedBlock produce(long slot, CandidateTransactions candidates, List<SignedVote> votes,
        List<SlashingEvidence> evidence) {
      WorldState state = WorldState.at(nodes, head.stateRoot());
      Checkpoint genesisCheckpoint = new Checkpoint(0, genesis.block().hash());
      ProducedBlock block = new BlockProducer(spec.parameters(), validator, executor).produce(head, slot, state,
          FinalityState.atGenesis(genesisCheckpoint), candidates, votes, evidence, nodes);
      advance(block.block().header());
      return block;
    }

    ImportResult importBlock(Block block, long slot) {
      BlockImporter importer = new BlockImporter(spec.parameters(), new ValidatorSet(spec.validators()), executor,
          hash -> Optional.ofNullable(headers.get(hash)));
      ImportResult result = importer.importBlock(block, head, WorldState.at(nodes, head.stateRoot()),
          spec.parameters().slotStartMillis(slot), nodes);
      if (result instanceof ImportResult.Imported) {
        advance(block.header());
      }
      return result;
    }

    private void advance(BlockHeader header) {
      headers.put(header.hash(), header);
      head = header;
    }
  }
}
