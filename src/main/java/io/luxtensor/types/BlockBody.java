package io.luxtensor.types;

import io.luxtensor.rlp.RlpItem;
import io.luxtensor.rlp.RlpList;
import java.util.ArrayList;
import java.util.List;

/**
 * What a block holds besides its header: transactions, votes and slashing evidence. Sync fetches headers first and
 * bodies apart, from several peers; a body is the right one when its header's transactions and consensus roots
 * commit to it ({@code BlockRoots.matches}).
 */
public record BlockBody(List<Transaction> transactions, List<SignedVote> votes, List<SlashingEvidence> evidence) {
  public BlockBody {
    transactions = List.copyOf(transactions);
    votes = List.copyOf(votes);
    evidence = List.copyOf(evidence);
  }

  public static BlockBody of(Block block) {
    return new BlockBody(block.transactions(), block.votes(), block.evidence());
  }

  public Block withHeader(BlockHeader header) {
    return new Block(header, transactions, votes, evidence);
  }

  public RlpList toRlp() {
    List<RlpItem> txItems = new ArrayList<>(transactions.size());
    transactions.forEach(tx -> txItems.add(tx.toBlockBodyItem()));
    RlpList consensus = Block.consensusItems(votes, evidence);
    return RlpList.of(new RlpList(txItems), consensus.get(0), consensus.get(1));
  }

  /**
   * @throws io.luxtensor.rlp.RlpDecodingException if the body's structure is malformed
   * @throws TransactionDecodingException if one of its transactions is
   */
  public static BlockBody fromRlp(RlpItem item) {
    RlpList f = item.asList("block body").expectSize("block body", 3);
    return fromFields(f.get(0), f.get(1), f.get(2));
  }

  /** The body from its three lists, as a block's encoding also holds them after the header. */
  static BlockBody fromFields(RlpItem transactionItems, RlpItem voteItems, RlpItem evidenceItems) {
    List<Transaction> transactions = new ArrayList<>();
    transactionItems.asList("transactions").items().forEach(t -> transactions.add(Transaction.fromBlockBodyItem(t)));
    List<SignedVote> votes = new ArrayList<>();
    voteItems.asList("votes").items().forEach(v -> votes.add(SignedVote.fromRlp(v)));
    List<SlashingEvidence> evidence = new ArrayList<>();
    evidenceItems.asList("evidence").items().forEach(e -> evidence.add(SlashingEvidence.fromRlp(e)));
    return new BlockBody(transactions, votes, evidence);
  }
}
