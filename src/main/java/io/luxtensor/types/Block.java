package io.luxtensor.types;

import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpItem;
import io.luxtensor.rlp.RlpList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A block: its header, its transactions, and the votes and slashing evidence it carries for consensus, encoded as
 * {@code rlp([header, [tx...], [vote...], [evidence...]])} with typed transactions as byte strings, as in
 * Ethereum's block bodies. The header commits to the votes and evidence through its consensus root.
 *
 * @param header the signed header
 * @param transactions in execution order
 * @param votes validators' votes the proposer includes (each counts once per chain)
 * @param evidence proofs of slashable offences
 */
public record Block(BlockHeader header, List<Transaction> transactions, List<SignedVote> votes,
    List<SlashingEvidence> evidence) {
  public Block {
    Objects.requireNonNull(header, "header");
    transactions = List.copyOf(transactions);
    votes = List.copyOf(votes);
    evidence = List.copyOf(evidence);
  }

  /** A block without votes or evidence. */
  public Block(BlockHeader header, List<Transaction> transactions) {
    this(header, transactions, List.of(), List.of());
  }

  /** keccak256(rlp([[vote...], [evidence...]])): what the header's consensus root must equal. */
  public static Hash consensusRoot(List<SignedVote> votes, List<SlashingEvidence> evidence) {
    return Hash.keccak(Rlp.encode(consensusItems(votes, evidence)));
  }

  static RlpList consensusItems(List<SignedVote> votes, List<SlashingEvidence> evidence) {
    List<RlpItem> voteItems = new ArrayList<>(votes.size());
    votes.forEach(v -> voteItems.add(v.toRlp()));
    List<RlpItem> evidenceItems = new ArrayList<>(evidence.size());
    evidence.forEach(e -> evidenceItems.add(e.toRlp()));
    return RlpList.of(new RlpList(voteItems), new RlpList(evidenceItems));
  }

  public Hash hash() {
    return header.hash();
  }

  public byte[] encode() {
    List<RlpItem> fields = new ArrayList<>(4);
    fields.add(header.toRlp());
    fields.addAll(BlockBody.of(this).toRlp().items());
    return Rlp.encode(new RlpList(fields));
  }

  /**
   * Decodes a block strictly.
   *
   * @throws io.luxtensor.rlp.RlpDecodingException if the block structure or header is malformed
   * @throws TransactionDecodingException if one of its transactions is
   */
  public static Block decode(byte[] raw) {
    RlpList f = Rlp.decodeList(raw, "block").expectSize("block", 4);
    return BlockBody.fromFields(f.get(1), f.get(2), f.get(3)).withHeader(BlockHeader.fromRlp(f.get(0)));
  }
}
