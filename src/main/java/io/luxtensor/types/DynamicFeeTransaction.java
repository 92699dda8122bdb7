package io.luxtensor.types;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.crypto.Signature;
import io.luxtensor.rlp.RlpItem;
import io.luxtensor.rlp.RlpList;
import io.luxtensor.rlp.RlpString;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An EIP-1559 transaction: {@code 0x02 || rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to,
 * value, data, accessList, yParity, r, s])}.
 *
 * <p>A class rather than a record so it can keep its encoding and hash: the node asks for them many times per
 * transaction (pool, roots, block bodies, storage, RPC). Equality is over the fields, as a record's would be.
 */
public final class DynamicFeeTransaction implements Transaction {
  private final long chainIdValue;
  private final long nonce;
  private final BigInteger maxPriorityFeePerGas;
  private final BigInteger maxFeePerGas;
  private final long gasLimit;
  private final Optional<Address> to;
  private final Wei value;
  private final Bytes data;
  private final List<AccessListEntry> accessList;
  private final Signature signature;

  // Filled on first use without a lock: racing threads compute equal values (as String.hashCode does), and Bytes and
  // Hash keep their arrays in final fields, so another thread never sees a half-built one.
  private Bytes encoding;
  private Hash hash;

  public DynamicFeeTransaction(
      long chainIdValue,
      long nonce,
      BigInteger maxPriorityFeePerGas,
      BigInteger maxFeePerGas,
      long gasLimit,
      Optional<Address> to,
      Wei value,
      Bytes data,
      List<AccessListEntry> accessList,
      Signature signature) {
    this.chainIdValue = chainIdValue;
    this.nonce = nonce;
    this.maxPriorityFeePerGas = Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    this.maxFeePerGas = Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    this.gasLimit = gasLimit;
    this.to = Objects.requireNonNull(to, "to");
    this.value = Objects.requireNonNull(value, "value");
    this.data = Objects.requireNonNull(data, "data");
    this.accessList = List.copyOf(accessList);
    this.signature = signature;
  }

  @Override
  public TransactionType type() {
    return TransactionType.DYNAMIC_FEE;
  }

  public long chainIdValue() {
    return chainIdValue;
  }

  @Override
  public OptionalLong chainId() {
    return OptionalLong.of(chainIdValue);
  }

  @Override
  public long nonce() {
    return nonce;
  }

  @Override
  public BigInteger maxPriorityFeePerGas() {
    return maxPriorityFeePerGas;
  }

  @Override
  public BigInteger maxFeePerGas() {
    return maxFeePerGas;
  }

  @Override
  public long gasLimit() {
    return gasLimit;
  }

  @Override
  public Optional<Address> to() {
    return to;
  }

  @Override
  public Wei value() {
    return value;
  }

  @Override
  public Bytes data() {
    return data;
  }

  @Override
  public List<AccessListEntry> accessList() {
    return accessList;
  }

  @Override
  public Signature signature() {
    return signature;
  }

  @Override
  public DynamicFeeTransaction withSignature(Signature newSignature) {
    return new DynamicFeeTransaction(
        chainIdValue, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList, newSignature);
  }

  @Override
  public byte[] signingPayload() {
    return signature == null
        ? TransactionCodec.typedEnvelope(type(), unsignedFields())
        : TransactionCodec.typedSigningPayload(encoding(), signature);
  }

  @Override
  public byte[] encode() {
    return encoding().toArray();
  }

  @Override
  public int encodedLength() {
    return encoding().length();
  }

  @Override
  public Hash hash() {
    Hash h = hash;
    if (h == null) {
      h = Hash.keccak(encode());
      hash = h;
    }
    return h;
  }

  private Bytes encoding() {
    Bytes e = encoding;
    if (e == null) {
      List<RlpItem> fields = unsignedFields();
      TransactionCodec.appendTypedSignature(fields, requireSignature());
      e = Bytes.of(TransactionCodec.typedEnvelope(type(), fields));
      encoding = e;
    }
    return e;
  }

  private List<RlpItem> unsignedFields() {
    List<RlpItem> fields = new ArrayList<>(12);
    fields.add(RlpString.of(chainIdValue));
    fields.add(TransactionCodec.unsignedLong(nonce));
    fields.add(TransactionCodec.uint256(maxPriorityFeePerGas));
    fields.add(TransactionCodec.uint256(maxFeePerGas));
    fields.add(TransactionCodec.unsignedLong(gasLimit));
    fields.add(TransactionCodec.recipient(to));
    fields.add(TransactionCodec.uint256(value.value()));
    fields.add(RlpString.of(data.toArray()));
    fields.add(TransactionCodec.accessList(accessList));
    return fields;
  }

  /** The transaction {@code list} holds; it keeps {@code encoding}, the bytes decoded, rather than rebuild them. */
  static DynamicFeeTransaction fromRlp(RlpList list, byte[] encoding) {
    RlpList f = list.expectSize("EIP-1559 transaction", 12);
    DynamicFeeTransaction tx = new DynamicFeeTransaction(
        f.get(0).asString("chainId").asLong("chainId"),
        TransactionCodec.unsignedLong(f.get(1), "nonce"),
        TransactionCodec.uint256(f.get(2), "maxPriorityFeePerGas"),
        TransactionCodec.uint256(f.get(3), "maxFeePerGas"),
        TransactionCodec.unsignedLong(f.get(4), "gasLimit"),
        TransactionCodec.recipient(f.get(5)),
        Wei.of(TransactionCodec.uint256(f.get(6), "value")),
        TransactionCodec.data(f.get(7)),
        TransactionCodec.accessList(f.get(8)),
        TransactionCodec.typedSignature(f.get(9), f.get(10), f.get(11)));
    tx.encoding = Bytes.of(encoding);
    // Hashed now, on the thread that decodes (an API worker for a submission): the pool keys it by hash at once.
    tx.hash = Hash.keccak(encoding);
    return tx;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DynamicFeeTransaction other
        && chainIdValue == other.chainIdValue
        && nonce == other.nonce
        && maxPriorityFeePerGas.equals(other.maxPriorityFeePerGas)
        && maxFeePerGas.equals(other.maxFeePerGas)
        && gasLimit == other.gasLimit
        && to.equals(other.to)
        && value.equals(other.value)
        && data.equals(other.data)
        && accessList.equals(other.accessList)
        && Objects.equals(signature, other.signature);
  }

  @Override
  public int hashCode() {
    int h = Long.hashCode(chainIdValue);
    h = 31 * h + Long.hashCode(nonce);
    h = 31 * h + maxPriorityFeePerGas.hashCode();
    h = 31 * h + maxFeePerGas.hashCode();
    h = 31 * h + Long.hashCode(gasLimit);
    h = 31 * h + to.hashCode();
    h = 31 * h + value.hashCode();
    h = 31 * h + data.hashCode();
    h = 31 * h + accessList.hashCode();
    return 31 * h + Objects.hashCode(signature);
  }

  @Override
  public String toString() {
    return "DynamicFeeTransaction[chainIdValue=" + chainIdValue + ", nonce=" + nonce
        + ", maxPriorityFeePerGas=" + maxPriorityFeePerGas + ", maxFeePerGas=" + maxFeePerGas
        + ", gasLimit=" + gasLimit + ", to=" + to + ", value=" + value + ", data=" + data
        + ", accessList=" + accessList + ", signature=" + signature + "]";
  }
}
