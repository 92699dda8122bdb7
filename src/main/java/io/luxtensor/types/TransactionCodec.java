package io.luxtensor.types;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.crypto.Signature;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpDecodingException;
import io.luxtensor.rlp.RlpItem;
import io.luxtensor.rlp.RlpList;
import io.luxtensor.rlp.RlpString;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The wire forms of transactions: EIP-2718 dispatch and the field codecs the three types share. */
final class TransactionCodec {
  private static final int UINT256_BYTES = 32;

  private TransactionCodec() {}

  static Transaction decode(byte[] raw) {
    if (raw.length == 0) {
      throw new TransactionDecodingException("empty transaction");
    }
    int first = raw[0] & 0xff;
    try {
      if (first >= 0xc0) {
        return LegacyTransaction.fromRlp(Rlp.decodeList(raw, "legacy transaction"), raw);
      }
      RlpList fields = Rlp.decodeList(Arrays.copyOfRange(raw, 1, raw.length), "typed transaction payload");
      return switch (first) {
        case 1 -> AccessListTransaction.fromRlp(fields, raw);
        case 2 -> DynamicFeeTransaction.fromRlp(fields, raw);
        default -> throw new TransactionDecodingException(
            first < 0x80
                ? "unsupported transaction type 0x" + Integer.toHexString(first)
                : "a transaction is an RLP list or a typed envelope, not an RLP string");
      };
    } catch (RlpDecodingException e) {
      throw new TransactionDecodingException("malformed transaction: " + e.getMessage(), e);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new TransactionDecodingException("invalid transaction field: " + e.getMessage(), e);
    }
  }

  static RlpItem toBlockBodyItem(Transaction tx) {
    byte[] encoded = tx.encode();
    return tx.type() == TransactionType.LEGACY ? Rlp.decode(encoded) : RlpString.of(encoded);
  }

  static Transaction fromBlockBodyItem(RlpItem item) {
    return switch (item) {
      case RlpList legacy -> decode(Rlp.encode(legacy));
      case RlpString envelope -> {
        if (envelope.length() == 0 || (envelope.bytes()[0] & 0xff) >= 0x80) {
          throw new TransactionDecodingException("a typed transaction in a block body must start with its type");
        }
        yield decode(envelope.bytes());
      }
    };
  }

  static byte[] typedEnvelope(TransactionType type, List<RlpItem> fields) {
    byte[] payload = Rlp.encode(new RlpList(fields));
    byte[] out = new byte[payload.length + 1];
    out[0] = (byte) type.id();
    System.arraycopy(payload, 0, out, 1, payload.length);
    return out;
  }

  static long unsignedLong(RlpItem item, String field) {
    BigInteger value = item.asString(field).asUnsignedInteger(field, 8);
    return value.longValue();
  }

  static BigInteger uint256(RlpItem item, String field) {
    return item.asString(field).asUnsignedInteger(field, UINT256_BYTES);
  }

  static RlpString uint256(BigInteger value) {
    return RlpString.of(value);
  }

  static RlpString unsignedLong(long value) {
    return value >= 0 ? RlpString.of(value) : RlpString.of(new BigInteger(Long.toUnsignedString(value)));
  }

  static Optional<Address> recipient(RlpItem item) {
    RlpString to = item.asString("to");
    if (to.length() == 0) {
      return Optional.empty();
    }
    return Optional.of(Address.wrap(to.asBytes("to", Address.LENGTH)));
  }

  static RlpString recipient(Optional<Address> to) {
    return to.map(a -> RlpString.of(a.toBytes())).orElse(RlpString.EMPTY);
  }

  static Bytes data(RlpItem item) {
    return Bytes.of(item.asString("data").bytes());
  }

  static List<AccessListEntry> accessList(RlpItem item) {
    RlpList entries = item.asList("accessList");
    List<AccessListEntry> out = new ArrayList<>(entries.size());
    for (RlpItem entryItem : entries.items()) {
      RlpList entry = entryItem.asList("accessList entry").expectSize("accessList entry", 2);
      Address address = Address.wrap(entry.get(0).asString("accessList address").asBytes("accessList address", 20));
      RlpList keyItems = entry.get(1).asList("accessList storageKeys");
      List<Hash> keys = new ArrayList<>(keyItems.size());
      for (RlpItem key : keyItems.items()) {
        keys.add(Hash.wrap(key.asString("accessList storage key").asBytes("accessList storage key", 32)));
      }
      out.add(new AccessListEntry(address, keys));
    }
    return out;
  }

  static RlpList accessList(List<AccessListEntry> entries) {
    List<RlpItem> items = new ArrayList<>(entries.size());
    for (AccessListEntry entry : entries) {
      List<RlpItem> keys = new ArrayList<>(entry.storageKeys().size());
      entry.storageKeys().forEach(k -> keys.add(RlpString.of(k.toBytes())));
      items.add(RlpList.of(RlpString.of(entry.address().toBytes()), new RlpList(keys)));
    }
    return new RlpList(items);
  }

  /** The yParity, r, s triple that ends typed transactions. */
  static Signature typedSignature(RlpItem yParityItem, RlpItem rItem, RlpItem sItem) {
    long yParity = yParityItem.asString("yParity").asLong("yParity");
    if (yParity > 1) {
      throw new TransactionDecodingException("yParity must be 0 or 1, got " + yParity);
    }
    return new Signature(uint256(rItem, "r"), uint256(sItem, "s"), (int) yParity);
  }

  /**
   * The signing payload of a signed typed transaction, cut from its {@code encoding}: the same envelope without the
   * yParity, r and s that end its list. A received transaction's signature is checked without encoding it again.
   */
  static byte[] typedSigningPayload(Bytes encoding, Signature signature) {
    int listHeaderLength = (encoding.get(1) & 0xff) <= 0xf7 ? 1 : 1 + (encoding.get(1) & 0xff) - 0xf7;
    int fieldsStart = 1 + listHeaderLength;
    int signatureLength = encodedIntegerLength(BigInteger.valueOf(signature.recoveryId()))
        + encodedIntegerLength(signature.r()) + encodedIntegerLength(signature.s());
    int fieldsLength = encoding.length() - fieldsStart - signatureLength;
    byte[] out = new byte[1 + Rlp.listHeaderLength(fieldsLength) + fieldsLength];
    out[0] = encoding.get(0);
    encoding.copyTo(fieldsStart, out, Rlp.writeListHeader(fieldsLength, out, 1), fieldsLength);
    return out;
  }

  /** The length of {@code value}'s canonical RLP: big-endian without leading zeros, one byte alone below 0x80. */
  private static int encodedIntegerLength(BigInteger value) {
    int length = (value.bitLength() + 7) / 8;
    return length == 1 && value.intValue() < 0x80 ? 1 : 1 + length;
  }

  static void appendTypedSignature(List<RlpItem> fields, Signature signature) {
    fields.add(RlpString.of(signature.recoveryId()));
    fields.add(uint256(signature.r()));
    fields.add(uint256(signature.s()));
  }
}
