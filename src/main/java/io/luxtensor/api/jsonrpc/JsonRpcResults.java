package io.luxtensor.api.jsonrpc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.crypto.Signature;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpList;
import io.luxtensor.sync.SyncProgress;
import io.luxtensor.types.AccessListEntry;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import io.luxtensor.types.LegacyTransaction;
import io.luxtensor.types.Log;
import io.luxtensor.types.Receipt;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.TransactionType;
import java.math.BigInteger;
import java.util.List;

/**
 * Blocks, transactions, receipts and logs in the shapes of Ethereum's execution-apis schemas (quantities as
 * lowercase hex without leading zeros, data as lowercase hex), with LuxTensor's consensus fields added to blocks.
 */
public final class JsonRpcResults {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** keccak256(rlp([])): the ommers hash of every block, since LuxTensor has no uncles. */
  private static final Hash EMPTY_OMMERS_HASH = Hash.keccak(Rlp.encode(RlpList.of()));
  private static final String ZERO_NONCE = "0x0000000000000000";

  private JsonRpcResults() {}

  public static String quantity(long value) {
    return Hex.encodeQuantity(new BigInteger(Long.toUnsignedString(value)));
  }

  public static String quantity(BigInteger value) {
    return Hex.encodeQuantity(value);
  }

  /** A header as newHeads notifications carry it: the block fields without transactions, uncles or size. */
  /** A sync's progress as eth_syncing and the syncing subscription show it (the spec's SyncingStatus object). */
  public static ObjectNode syncProgress(SyncProgress progress) {
    ObjectNode out = NODES.objectNode();
    out.put("startingBlock", quantity(progress.startingBlock()));
    out.put("currentBlock", quantity(progress.currentBlock()));
    out.put("highestBlock", quantity(progress.highestBlock()));
    return out;
  }

  public static ObjectNode header(BlockHeader h) {
    return header(h, h.hash().toHex());
  }

  /** The header {@code h}, whose hash is {@code hash}: hashing a header encodes it, so a rendering does it once. */
  private static ObjectNode header(BlockHeader h, String hash) {
    ObjectNode out = NODES.objectNode();
    out.put("number", quantity(h.number()));
    out.put("hash", hash);
    out.put("parentHash", h.parentHash().toHex());
    out.put("nonce", ZERO_NONCE);
    out.put("sha3Uncles", EMPTY_OMMERS_HASH.toHex());
    out.put("logsBloom", h.logsBloom().toHex());
    out.put("transactionsRoot", h.transactionsRoot().toHex());
    out.put("stateRoot", h.stateRoot().toHex());
    out.put("receiptsRoot", h.receiptsRoot().toHex());
    out.put("miner", h.proposer().toHex());
    out.put("difficulty", "0x0");
    out.put("extraData", h.extraData().toHex());
    out.put("gasLimit", quantity(h.gasLimit()));
    out.put("gasUsed", quantity(h.gasUsed()));
    out.put("timestamp", quantity(h.timestamp()));
    out.put("baseFeePerGas", quantity(h.baseFeePerGas()));
    out.put("mixHash", h.randaoMix().toHex());
    out.put("slot", quantity(h.slot()));
    out.put("vrfProof", h.vrfProof().toHex());
    out.set("justified", checkpoint(h.justified().slot(), h.justified().blockHash()));
    out.set("finalized", checkpoint(h.finalized().slot(), h.finalized().blockHash()));
    return out;
  }

  public static ObjectNode block(StoredBlock stored, boolean fullTransactions) {
    BlockHeader h = stored.block().header();
    String hash = h.hash().toHex();
    ObjectNode out = header(h, hash);
    out.put("totalDifficulty", "0x0");
    out.put("size", quantity(stored.block().encode().length));
    ArrayNode transactions = out.putArray("transactions");
    List<Transaction> txs = stored.block().transactions();
    for (int i = 0; i < txs.size(); i++) {
      if (fullTransactions) {
        transactions.add(transaction(txs.get(i), stored.senders().get(i), h, hash, i));
      } else {
        transactions.add(txs.get(i).hash().toHex());
      }
    }
    out.putArray("uncles");
    return out;
  }

  /** A transaction, in a block when {@code header} is given, pending otherwise. */
  public static ObjectNode transaction(Transaction tx, Address sender, BlockHeader header, int index) {
    return transaction(tx, sender, header, header == null ? null : header.hash().toHex(), index);
  }

  private static ObjectNode transaction(Transaction tx, Address sender, BlockHeader header, String blockHash,
      int index) {
    ObjectNode out = NODES.objectNode();
    out.put("type", quantity(tx.type().id()));
    out.put("hash", tx.hash().toHex());
    out.put("nonce", quantity(tx.nonce()));
    if (header == null) {
      out.putNull("blockHash");
      out.putNull("blockNumber");
      out.putNull("transactionIndex");
    } else {
      out.put("blockHash", blockHash);
      out.put("blockNumber", quantity(header.number()));
      out.put("blockTimestamp", quantity(header.timestamp()));
      out.put("transactionIndex", quantity(index));
    }
    out.put("from", sender.toHex());
    if (tx.to().isPresent()) {
      out.put("to", tx.to().get().toHex());
    } else {
      out.putNull("to");
    }
    out.put("value", quantity(tx.value().value()));
    out.put("gas", quantity(tx.gasLimit()));
    out.put("input", tx.data().toHex());
    BigInteger effective = header == null ? tx.maxFeePerGas() : tx.effectiveGasPrice(header.baseFeePerGas());
    out.put("gasPrice", quantity(effective));
    if (tx.type() == TransactionType.DYNAMIC_FEE) {
      out.put("maxFeePerGas", quantity(tx.maxFeePerGas()));
      out.put("maxPriorityFeePerGas", quantity(tx.maxPriorityFeePerGas()));
    }
    if (tx.type() != TransactionType.LEGACY) {
      out.put("chainId", quantity(tx.chainId().getAsLong()));
      ArrayNode accessList = out.putArray("accessList");
      for (AccessListEntry entry : tx.accessList()) {
        ObjectNode e = accessList.addObject();
        e.put("address", entry.address().toHex());
        ArrayNode keys = e.putArray("storageKeys");
        entry.storageKeys().forEach(k -> keys.add(k.toHex()));
      }
    } else {
      tx.chainId().ifPresent(id -> out.put("chainId", quantity(id)));
    }
    Signature signature = tx.requireSignature();
    if (tx instanceof LegacyTransaction legacy) {
      out.put("v", quantity(legacy.v(signature)));
    } else {
      out.put("yParity", quantity(signature.recoveryId()));
      out.put("v", quantity(signature.recoveryId()));
    }
    out.put("r", quantity(signature.r()));
    out.put("s", quantity(signature.s()));
    return out;
  }

  /** A receipt with the fields eth_getTransactionReceipt returns, derived from the stored receipts. */
  public static ObjectNode receipt(StoredBlock stored, List<Receipt> receipts, int index) {
    BlockHeader h = stored.block().header();
    Transaction tx = stored.block().transactions().get(index);
    Receipt receipt = receipts.get(index);
    long previousCumulative = index == 0 ? 0 : receipts.get(index - 1).cumulativeGasUsed();
    ObjectNode out = NODES.objectNode();
    out.put("type", quantity(tx.type().id()));
    out.put("transactionHash", tx.hash().toHex());
    out.put("transactionIndex", quantity(index));
    String blockHash = h.hash().toHex();
    out.put("blockHash", blockHash);
    out.put("blockNumber", quantity(h.number()));
    out.put("from", stored.senders().get(index).toHex());
    if (tx.to().isPresent()) {
      out.put("to", tx.to().get().toHex());
    } else {
      out.putNull("to");
    }
    out.put("cumulativeGasUsed", quantity(receipt.cumulativeGasUsed()));
    out.put("gasUsed", quantity(receipt.cumulativeGasUsed() - previousCumulative));
    out.putNull("contractAddress");
    ArrayNode logs = out.putArray("logs");
    int logIndex = firstLogIndex(receipts, index);
    for (Log log : receipt.logs()) {
      logs.add(log(log, h, blockHash, tx.hash(), index, logIndex++));
    }
    out.put("logsBloom", receipt.logsBloom().toHex());
    out.put("status", receipt.succeeded() ? "0x1" : "0x0");
    out.put("effectiveGasPrice", quantity(tx.effectiveGasPrice(h.baseFeePerGas())));
    return out;
  }

  public static ObjectNode log(Log log, BlockHeader header, Hash transactionHash, int transactionIndex, int logIndex) {
    return log(log, header, header.hash().toHex(), transactionHash, transactionIndex, logIndex);
  }

  private static ObjectNode log(Log log, BlockHeader header, String blockHash, Hash transactionHash,
      int transactionIndex, int logIndex) {
    ObjectNode out = NODES.objectNode();
    out.put("address", log.address().toHex());
    ArrayNode topics = out.putArray("topics");
    log.topics().forEach(t -> topics.add(t.toHex()));
    out.put("data", log.data().toHex());
    out.put("blockNumber", quantity(header.number()));
    out.put("transactionHash", transactionHash.toHex());
    out.put("transactionIndex", quantity(transactionIndex));
    out.put("blockHash", blockHash);
    out.put("blockTimestamp", quantity(header.timestamp()));
    out.put("logIndex", quantity(logIndex));
    out.put("removed", false);
    return out;
  }

  private static int firstLogIndex(List<Receipt> receipts, int transactionIndex) {
    int count = 0;
    for (int i = 0; i < transactionIndex; i++) {
      count += receipts.get(i).logs().size();
    }
    return count;
  }

  private static ObjectNode checkpoint(long slot, Hash blockHash) {
    ObjectNode out = NODES.objectNode();
    out.put("slot", quantity(slot));
    out.put("blockHash", blockHash.toHex());
    return out;
  }
}
