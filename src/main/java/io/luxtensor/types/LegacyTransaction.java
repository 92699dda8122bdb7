package io.luxtensor.types;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.crypto.Signature;
import io.luxtensor.rlp.Rlp;
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
 * An untyped transaction: {@code rlp([nonce, gasPrice, gasLimit, to, value, data, v, r, s])}. With EIP-155,
 * {@code v = chainId * 2 + 35 + yParity} and the signature covers the chain id; without, {@code v = 27 + yParity}.
 *
 * <p>A class rather than a record so it can keep its encoding and hash: the node asks for them many times per
 * transaction (pool, roots, block bodies, storage, RPC). Equality is over the fields, as a record's would be.
 */
public final class LegacyTransaction implements Transaction {

  /** EIP-155 v values start here; a v below it carries no chain id. */
  private static final long EIP155_V_OFFSET = 35;
  private static final long PRE_EIP155_V_OFFSET = 27;
  private static final BigInteger CHAIN_ID_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final OptionalLong chainId;
  private final long nonce;
  private final BigInteger gasPrice;
  private final long gasLimit;
  private final Optional<Address> to;
  private final Wei value;
  private final Bytes data;
  private final Signature signature;

  // Filled on first use without a lock: racing threads compute equal values (as String.hashCode does), and Bytes and
  // Hash keep their arrays in final fields, so another thread never sees a half-built one.
  private Bytes encoding;
  private Hash hash;

  public LegacyTransaction(
      OptionalLong chainId,
      long nonce,
      BigInteger gasPrice,
      long gasLimit,
      Optional<Address> to,
      Wei value,
      Bytes data,
      Signature signature) {
    this.chainId = Objects.requireNonNull(chainId, "chainId");
    this.nonce = nonce;
    this.gasPrice = Objects.requireNonNull(gasPrice, "gasPrice");
    this.gasLimit = gasLimit;
    this.to = Objects.requireNonNull(to, "to");
    this.value = Objects.requireNonNull(value, "value");
    this.data = Objects.requireNonNull(data, "data");
    this.signature = signature;
  }

  @Override
  public TransactionType type() {
    return TransactionType.LEGACY;
  }

  @Override
  public OptionalLong chainId() {
    return chainId;
  }

  @Override
  public long nonce() {
    return nonce;
  }

  public BigInteger gasPrice() {
    return gasPrice;
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
  public Signature signature() {
    return signature;
  }

  @Override
  public List<AccessListEntry> accessList() {
    return List.of();
  }

  @Override
  public BigInteger maxFeePerGas() {
    return gasPrice;
  }

  @Override
  public BigInteger maxPriorityFeePerGas() {
    return gasPrice;
  }

  @Override
  public LegacyTransaction withSignature(Signature newSignature) {
    return new LegacyTransaction(chainId, nonce, gasPrice, gasLimit, to, value, data, newSignature);
  }

  @Override
  public byte[] signingPayload() {
    List<RlpItem> fields = commonFields();
    if (chainId.isPresent()) {
      fields.add(RlpString.of(chainId.getAsLong()));
      fields.add(RlpString.EMPTY);
      fields.add(RlpString.EMPTY);
    }
    return Rlp.encode(new RlpList(fields));
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
      Signature sig = requireSignature();
      List<RlpItem> fields = commonFields();
      fields.add(RlpString.of(v(sig)));
      fields.add(TransactionCodec.uint256(sig.r()));
      fields.add(TransactionCodec.uint256(sig.s()));
      e = Bytes.of(Rlp.encode(new RlpList(fields)));
      encoding = e;
    }
    return e;
  }

  /** The v value on the wire: it folds the chain id (EIP-155) and the signature's y parity into one integer. */
  public BigInteger v(Signature sig) {
    BigInteger parity = BigInteger.valueOf(sig.recoveryId());
    if (chainId.isEmpty()) {
      return BigInteger.valueOf(PRE_EIP155_V_OFFSET).add(parity);
    }
    return BigInteger.valueOf(chainId.getAsLong()).shiftLeft(1).add(BigInteger.valueOf(EIP155_V_OFFSET)).add(parity);
  }

  private List<RlpItem> commonFields() {
    List<RlpItem> fields = new ArrayList<>(9);
    fields.add(TransactionCodec.unsignedLong(nonce));
    fields.add(TransactionCodec.uint256(gasPrice));
    fields.add(TransactionCodec.unsignedLong(gasLimit));
    fields.add(TransactionCodec.recipient(to));
    fields.add(TransactionCodec.uint256(value.value()));
    fields.add(RlpString.of(data.toArray()));
    return fields;
  }

  /** The transaction {@code list} holds; it keeps {@code encoding}, the bytes decoded, rather than rebuild them. */
  static LegacyTransaction fromRlp(RlpList list, byte[] encoding) {
    RlpList f = list.expectSize("legacy transaction", 9);
    BigInteger v = TransactionCodec.uint256(f.get(6), "v");
    OptionalLong chainId;
    int yParity;
    if (v.compareTo(BigInteger.valueOf(EIP155_V_OFFSET)) >= 0) {
      BigInteger id = v.subtract(BigInteger.valueOf(EIP155_V_OFFSET)).shiftRight(1);
      if (id.compareTo(CHAIN_ID_MAX) > 0) {
        throw new TransactionDecodingException("v encodes a chain id above 2^63-1: " + v);
      }
      chainId = OptionalLong.of(id.longValueExact());
      yParity = v.testBit(0) ? 0 : 1;
    } else if (v.equals(BigInteger.valueOf(27)) || v.equals(BigInteger.valueOf(28))) {
      chainId = OptionalLong.empty();
      yParity = v.intValueExact() - (int) PRE_EIP155_V_OFFSET;
    } else {
      throw new TransactionDecodingException("v must be 27, 28 or chainId * 2 + 35/36 (EIP-155), got " + v);
    }
    Signature signature =
        new Signature(TransactionCodec.uint256(f.get(7), "r"), TransactionCodec.uint256(f.get(8), "s"), yParity);
    LegacyTransaction tx = new LegacyTransaction(
        chainId,
        TransactionCodec.unsignedLong(f.get(0), "nonce"),
        TransactionCodec.uint256(f.get(1), "gasPrice"),
        TransactionCodec.unsignedLong(f.get(2), "gasLimit"),
        TransactionCodec.recipient(f.get(3)),
        Wei.of(TransactionCodec.uint256(f.get(4), "value")),
        TransactionCodec.data(f.get(5)),
        signature);
    tx.encoding = Bytes.of(encoding);
    // Hashed now, on the thread that decodes (an API worker for a submission): the pool keys it by hash at once.
    tx.hash = Hash.keccak(encoding);
    return tx;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LegacyTransaction other
        && chainId.equals(other.chainId)
        && nonce == other.nonce
        && gasPrice.equals(other.gasPrice)
        && gasLimit == other.gasLimit
        && to.equals(other.to)
        && value.equals(other.value)
        && data.equals(other.data)
        && Objects.equals(signature, other.signature);
  }

  @Override
  public int hashCode() {
    int h = chainId.hashCode();
    h = 31 * h + Long.hashCode(nonce);
    h = 31 * h + gasPrice.hashCode();
    h = 31 * h + Long.hashCode(gasLimit);
    h = 31 * h + to.hashCode();
    h = 31 * h + value.hashCode();
    h = 31 * h + data.hashCode();
    return 31 * h + Objects.hashCode(signature);
  }

  @Override
  public String toString() {
    return "LegacyTransaction[chainId=" + chainId + ", nonce=" + nonce + ", gasPrice=" + gasPrice
        + ", gasLimit=" + gasLimit + ", to=" + to + ", value=" + value + ", data=" + data
        + ", signature=" + signature + "]";
  }
}
