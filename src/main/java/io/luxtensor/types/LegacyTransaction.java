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
 */
public record LegacyTransaction(
    OptionalLong chainId,
    long nonce,
    BigInteger gasPrice,
    long gasLimit,
    Optional<Address> to,
    Wei value,
    Bytes data,
    Signature signature)
    implements Transaction {

  /** EIP-155 v values start here; a v below it carries no chain id. */
  private static final long EIP155_V_OFFSET = 35;
  private static final long PRE_EIP155_V_OFFSET = 27;
  private static final BigInteger CHAIN_ID_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  public LegacyTransaction {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(gasPrice, "gasPrice");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
  }

  @Override
  public TransactionType type() {
    return TransactionType.LEGACY;
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
    Signature sig = requireSignature();
    List<RlpItem> fields = commonFields();
    fields.add(RlpString.of(v(sig)));
    fields.add(TransactionCodec.uint256(sig.r()));
    fields.add(TransactionCodec.uint256(sig.s()));
    return Rlp.encode(new RlpList(fields));
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

  static LegacyTransaction fromRlp(RlpList list) {
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
    return new LegacyTransaction(
        chainId,
        TransactionCodec.unsignedLong(f.get(0), "nonce"),
        TransactionCodec.uint256(f.get(1), "gasPrice"),
        TransactionCodec.unsignedLong(f.get(2), "gasLimit"),
        TransactionCodec.recipient(f.get(3)),
        Wei.of(TransactionCodec.uint256(f.get(4), "value")),
        TransactionCodec.data(f.get(5)),
        signature);
  }
}
