package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sent transaction shows, built side by side for people (rows after the receipt) and scripts (one JSON object
 * with the transaction, its receipt, and what the command read from it; amounts in wei as decimal strings).
 */
final class TransactionReport {
  private static final String SUCCESS = "0x1";
  private static final int GWEI_DECIMALS = 9;

  private final ObjectNode json = JsonNodeFactory.instance.objectNode();
  private final List<String[]> rows = new ArrayList<>();

  /** The transaction as sent by {@code sender}, before its receipt. */
  TransactionReport(WalletKey sender, Transaction tx) {
    json.put("hash", tx.hash().toHex());
    json.put("from", sender.address().toChecksumHex());
    json.put("to", tx.to().orElseThrow().toChecksumHex());
    json.put("valueWei", tx.value().value().toString());
    json.put("chainId", tx.chainId().orElseThrow());
    json.put("nonce", tx.nonce());
    json.put("gasLimit", tx.gasLimit());
    json.put("maxFeePerGas", tx.maxFeePerGas().toString());
    json.put("maxPriorityFeePerGas", tx.maxPriorityFeePerGas().toString());
  }

  /**
   * Status, block, gas used and the fee paid, shown before the rows added so far; the status coloured as
   * {@code terminal} allows.
   */
  void addReceipt(JsonNode receipt, Terminal terminal) {
    BigInteger gasUsed = Hex.decodeQuantity(receipt.path("gasUsed").asText());
    BigInteger price = Hex.decodeQuantity(receipt.path("effectiveGasPrice").asText());
    long block = Hex.decodeQuantity(receipt.path("blockNumber").asText()).longValueExact();
    String status = SUCCESS.equals(receipt.path("status").asText()) ? "success" : "reverted";
    json.put("status", status);
    json.put("blockNumber", block);
    json.put("gasUsed", gasUsed.longValueExact());
    json.put("effectiveGasPrice", price.toString());
    json.put("feeWei", gasUsed.multiply(price).toString());
    rows.addAll(0, List.of(
        new String[] {"status", succeeded() ? terminal.ok(status) : terminal.bad(status)},
        new String[] {"block", Long.toString(block)},
        new String[] {"gas used", gasUsed.toString()},
        new String[] {"fee paid", Wei.of(gasUsed.multiply(price)).toLuxString() + " LUX (" + gwei(price)
            + " per gas)"}));
  }

  /** A number: shown as it is, a JSON number under {@code field}. */
  TransactionReport number(String label, String field, long value) {
    rows.add(new String[] {label, Long.toString(value)});
    json.put(field, value);
    return this;
  }

  /** An amount: shown in LUX, in wei as a decimal string under {@code field}. */
  TransactionReport amount(String label, String field, BigInteger wei) {
    rows.add(new String[] {label, Wei.of(wei).toLuxString() + " LUX"});
    json.put(field, wei.toString());
    return this;
  }

  /** Text (an address, a hash, a name): the same both ways. */
  TransactionReport text(String label, String field, String value) {
    rows.add(new String[] {label, value});
    json.put(field, value);
    return this;
  }

  boolean succeeded() {
    return "success".equals(json.path("status").asText());
  }

  long blockNumber() {
    return json.get("blockNumber").asLong();
  }

  String hash() {
    return json.get("hash").asText();
  }

  /** The JSON object for {@code --json}; the rows (nothing before the receipt) for people. */
  void print(Terminal terminal, boolean asJson) {
    if (asJson) {
      terminal.out().println(json);
    } else {
      terminal.keyValues(rows);
    }
    terminal.out().flush();
  }

  /** Fees per gas the way wallets show them: 1.875 gwei rather than 1875000000 wei. */
  static String gwei(BigInteger wei) {
    return new BigDecimal(wei).movePointLeft(GWEI_DECIMALS).stripTrailingZeros().toPlainString() + " gwei";
  }
}
