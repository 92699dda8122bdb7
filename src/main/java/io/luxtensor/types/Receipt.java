package io.luxtensor.types;

import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpDecodingException;
import io.luxtensor.rlp.RlpItem;
import io.luxtensor.rlp.RlpList;
import io.luxtensor.rlp.RlpString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a transaction, in Ethereum's post-Byzantium form: {@code rlp([status, cumulativeGasUsed, logsBloom,
 * logs])}, prefixed by the transaction's type byte for typed transactions (EIP-2718).
 *
 * @param type the type of the transaction this receipt is for
 * @param succeeded status 1 (success) or 0 (reverted or failed)
 * @param cumulativeGasUsed gas used in the block up to and including this transaction
 * @param logsBloom the bloom of {@code logs}
 * @param logs the logs emitted
 */
public record Receipt(
    TransactionType type, boolean succeeded, long cumulativeGasUsed, Bloom logsBloom, List<Log> logs) {

  public Receipt {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(logsBloom, "logsBloom");
    logs = List.copyOf(logs);
  }

  /** A receipt whose bloom is computed from its logs. */
  public static Receipt of(TransactionType type, boolean succeeded, long cumulativeGasUsed, List<Log> logs) {
    return new Receipt(type, succeeded, cumulativeGasUsed, Bloom.of(logs), logs);
  }

  /** The form hashed into the receipts trie. */
  public byte[] encode() {
    List<RlpItem> logItems = new ArrayList<>(logs.size());
    logs.forEach(log -> logItems.add(log.toRlp()));
    byte[] payload = Rlp.encode(RlpList.of(
        succeeded ? RlpString.of(1) : RlpString.EMPTY,
        TransactionCodec.unsignedLong(cumulativeGasUsed),
        RlpString.of(logsBloom.bytesShared()),
        new RlpList(logItems)));
    if (type == TransactionType.LEGACY) {
      return payload;
    }
    byte[] out = new byte[payload.length + 1];
    out[0] = (byte) type.id();
    System.arraycopy(payload, 0, out, 1, payload.length);
    return out;
  }

  /**
   * Decodes a receipt in the form {@link #encode()} writes.
   *
   * @throws RlpDecodingException naming the malformed field
   */
  public static Receipt decode(byte[] raw) {
    if (raw.length == 0) {
      throw new RlpDecodingException("empty receipt");
    }
    int first = raw[0] & 0xff;
    TransactionType type;
    byte[] payload;
    if (first >= 0xc0) {
      type = TransactionType.LEGACY;
      payload = raw;
    } else {
      type = switch (first) {
        case 1 -> TransactionType.ACCESS_LIST;
        case 2 -> TransactionType.DYNAMIC_FEE;
        default -> throw new RlpDecodingException("unsupported receipt type 0x" + Integer.toHexString(first));
      };
      payload = Arrays.copyOfRange(raw, 1, raw.length);
    }
    RlpList f = Rlp.decodeList(payload, "receipt").expectSize("receipt", 4);
    long status = f.get(0).asString("status").asLong("status");
    if (status > 1) {
      throw new RlpDecodingException("receipt status must be 0 or 1, got " + status);
    }
    long cumulativeGasUsed = TransactionCodec.unsignedLong(f.get(1), "cumulativeGasUsed");
    Bloom bloom = Bloom.wrap(f.get(2).asString("logsBloom").asBytes("logsBloom", Bloom.LENGTH));
    RlpList logItems = f.get(3).asList("logs");
    List<Log> logs = new ArrayList<>(logItems.size());
    logItems.items().forEach(item -> logs.add(Log.fromRlp(item)));
    return new Receipt(type, status == 1, cumulativeGasUsed, bloom, logs);
  }
}
