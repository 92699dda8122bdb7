package io.luxtensor.types;

import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpItem;
import io.luxtensor.rlp.RlpList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A block: its header and its transactions, encoded as {@code rlp([header, [tx...]])} with typed transactions as
 * byte strings, as in Ethereum's block bodies.
 *
 * @param header the signed header
 * @param transactions in execution order
 */
public record Block(BlockHeader header, List<Transaction> transactions) {
  public Block {
    Objects.requireNonNull(header, "header");
    transactions = List.copyOf(transactions);
  }

  public Hash hash() {
    return header.hash();
  }

  public byte[] encode() {
    List<RlpItem> txItems = new ArrayList<>(transactions.size());
    transactions.forEach(tx -> txItems.add(tx.toBlockBodyItem()));
    return Rlp.encode(RlpList.of(header.toRlp(), new RlpList(txItems)));
  }

  /**
   * Decodes a block strictly.
   *
   * @throws io.luxtensor.rlp.RlpDecodingException if the block structure or header is malformed
   * @throws TransactionDecodingException if one of its transactions is
   */
  public static Block decode(byte[] raw) {
    RlpList f = Rlp.decodeList(raw, "block").expectSize("block", 2);
    BlockHeader header = BlockHeader.fromRlp(f.get(0));
    RlpList txItems = f.get(1).asList("transactions");
    List<Transaction> transactions = new ArrayList<>(txItems.size());
    txItems.items().forEach(item -> transactions.add(Transaction.fromBlockBodyItem(item)));
    return new Block(header, transactions);
  }
}
