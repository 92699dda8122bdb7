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
  private static final int CONSENSUS_FIELDS = 4;
  private static final int STORED_FIELDS = 3;

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
    return encode(true);
  }

  /**
   * The form a node stores: {@link #encode()}'s without the bloom, which {@link #decodeStored} computes again from the
   * logs (as Geth stores receipts): 256 bytes shorter, for every receipt a node keeps.
   */
  public byte[] encodeForStorage() {
    return encode(false);
  }

  private byte[] encode(boolean withBloom) {
    List<RlpItem> logItems = new ArrayList<>(logs.size());
    logs.forEach(log -> logItems.add(log.toRlp()));
    RlpItem status = succeeded ? RlpString.of(1) : RlpString.EMPTY;
    RlpItem gas = TransactionCodec.unsignedLong(cumulativeGasUsed);
    byte[] payload = Rlp.encode(withBloom
        ? RlpList.of(status, gas, RlpString.of(logsBloom.bytesShared()), new RlpList(logItems))
        : RlpList.of(status, gas, new RlpList(logItems)));
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
    return decode(raw, false);
  }

  /**
   * Decodes a receipt as a node stored it: the form {@link #encodeForStorage()} writes, or {@link #encode()}'s, which
   * the node stored before.
   *
   * @throws RlpDecodingException naming the malformed field
   */
  public static Receipt decodeStored(byte[] raw) {
    return decode(raw, true);
  }

  private static Receipt decode(byte[] raw, boolean stored) {
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
    RlpList f = Rlp.decodeList(payload, "receipt");
    boolean withBloom = !stored || f.size() != STORED_FIELDS;
    f.expectSize("receipt", withBloom ? CONSENSUS_FIELDS : STORED_FIELDS);
    long status = f.get(0).asString("status").asLong("status");
    if (status > 1) {
      throw new RlpDecodingException("receipt status must be 0 or 1, got " + status);
    }
    long cumulativeGasUsed = TransactionCodec.unsignedLong(f.get(1), "cumulativeGasUsed");
    RlpList logItems = f.get(withBloom ? 3 : 2).asList("logs");
    List<Log> logs = new ArrayList<>(logItems.size());
    logItems.items().forEach(item -> logs.add(Log.fromRlp(item)));
    Bloom bloom = withBloom ? Bloom.wrap(f.get(2).asString("logsBloom").asBytes("logsBloom", Bloom.LENGTH))
        : Bloom.of(logs);
    return new Receipt(type, status == 1, cumulativeGasUsed, bloom, logs);
  }
}
