package io.luxtensor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.InvalidSignatureException;
import io.luxtensor.crypto.Signature;
import io.luxtensor.types.AccessListEntry;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import io.luxtensor.types.LegacyTransaction;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.TransactionType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code luxtensor decode-tx RAW}: a signed transaction's fields, hash and sender, as JSON. */
@Command(
    name = "decode-tx",
    mixinStandardHelpOptions = true,
    description = "Decode a signed raw transaction (legacy, EIP-2930 or EIP-1559) and print its fields as JSON.",
    footer = {"", "Example:", "  luxtensor decode-tx 0x02f8..."})
final class DecodeTransactionCommand implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Parameters(paramLabel = "RAW", description = "The raw transaction as 0x-prefixed hex (as eth_sendRawTransaction takes).")
  String raw;

  @Override
  public void run() {
    Transaction tx = Transaction.decode(Hex.decode(raw.strip()));
    try {
      System.out.println(JSON.writeValueAsString(describe(tx)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not format the transaction as JSON", e);
    }
  }

  static Map<String, Object> describe(Transaction tx) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", Hex.encodeQuantity(tx.type().id()));
    out.put("hash", tx.hash().toHex());
    try {
      out.put("from", tx.recoverSender().toChecksumHex());
    } catch (InvalidSignatureException e) {
      out.put("from", null);
      out.put("signatureError", e.reason().description());
    }
    out.put("to", tx.to().map(Address::toChecksumHex).orElse(null));
    tx.chainId().ifPresent(id -> out.put("chainId", Hex.encodeQuantity(id)));
    out.put("nonce", Hex.encodeQuantity(new BigInteger(Long.toUnsignedString(tx.nonce()))));
    out.put("gas", Hex.encodeQuantity(new BigInteger(Long.toUnsignedString(tx.gasLimit()))));
    if (tx.type() == TransactionType.DYNAMIC_FEE) {
      out.put("maxPriorityFeePerGas", Hex.encodeQuantity(tx.maxPriorityFeePerGas()));
      out.put("maxFeePerGas", Hex.encodeQuantity(tx.maxFeePerGas()));
    } else {
      out.put("gasPrice", Hex.encodeQuantity(tx.maxFeePerGas()));
    }
    out.put("value", Hex.encodeQuantity(tx.value().value()));
    out.put("input", tx.data().toHex());
    if (tx.type() != TransactionType.LEGACY) {
      List<Map<String, Object>> accessList = new ArrayList<>();
      for (AccessListEntry entry : tx.accessList()) {
        accessList.add(Map.of("address", entry.address().toHex(),
            "storageKeys", entry.storageKeys().stream().map(Hash::toHex).toList()));
      }
      out.put("accessList", accessList);
    }
    Signature signature = tx.requireSignature();
    if (tx instanceof LegacyTransaction legacy) {
      out.put("v", Hex.encodeQuantity(legacy.v(signature)));
    } else {
      out.put("yParity", Hex.encodeQuantity(signature.recoveryId()));
    }
    out.put("r", Hex.encodeQuantity(signature.r()));
    out.put("s", Hex.encodeQuantity(signature.s()));
    out.put("intrinsicGas", Hex.encodeQuantity(tx.intrinsicGas()));
    return out;
  }
}
