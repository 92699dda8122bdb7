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
 * An EIP-2930 transaction: {@code 0x01 || rlp([chainId, nonce, gasPrice, gasLimit, to, value, data, accessList,
 * yParity, r, s])}.
 */
public record AccessListTransaction(
    long chainIdValue,
    long nonce,
    BigInteger gasPrice,
    long gasLimit,
    Optional<Address> to,
    Wei value,
    Bytes data,
    List<AccessListEntry> accessList,
    Signature signature)
    implements Transaction {

  public AccessListTransaction {
    Objects.requireNonNull(gasPrice, "gasPrice");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    accessList = List.copyOf(accessList);
  }

  @Override
  public TransactionType type() {
    return TransactionType.ACCESS_LIST;
  }

  @Override
  public OptionalLong chainId() {
    return OptionalLong.of(chainIdValue);
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
  public AccessListTransaction withSignature(Signature newSignature) {
    return new AccessListTransaction(chainIdValue, nonce, gasPrice, gasLimit, to, value, data, accessList, newSignature);
  }

  @Override
  public byte[] signingPayload() {
    return TransactionCodec.typedEnvelope(type(), unsignedFields());
  }

  @Override
  public byte[] encode() {
    List<RlpItem> fields = unsignedFields();
    TransactionCodec.appendTypedSignature(fields, requireSignature());
    return TransactionCodec.typedEnvelope(type(), fields);
  }

  private List<RlpItem> unsignedFields() {
    List<RlpItem> fields = new ArrayList<>(11);
    fields.add(RlpString.of(chainIdValue));
    fields.add(TransactionCodec.unsignedLong(nonce));
    fields.add(TransactionCodec.uint256(gasPrice));
    fields.add(TransactionCodec.unsignedLong(gasLimit));
    fields.add(TransactionCodec.recipient(to));
    fields.add(TransactionCodec.uint256(value.value()));
    fields.add(RlpString.of(data.toArray()));
    fields.add(TransactionCodec.accessList(accessList));
    return fields;
  }

  static AccessListTransaction fromRlp(RlpList list) {
    RlpList f = list.expectSize("EIP-2930 transaction", 11);
    return new AccessListTransaction(
        f.get(0).asString("chainId").asLong("chainId"),
        TransactionCodec.unsignedLong(f.get(1), "nonce"),
        TransactionCodec.uint256(f.get(2), "gasPrice"),
        TransactionCodec.unsignedLong(f.get(3), "gasLimit"),
        TransactionCodec.recipient(f.get(4)),
        Wei.of(TransactionCodec.uint256(f.get(5), "value")),
        TransactionCodec.data(f.get(6)),
        TransactionCodec.accessList(f.get(7)),
        TransactionCodec.typedSignature(f.get(8), f.get(9), f.get(10)));
  }
}
