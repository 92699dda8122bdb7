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
 */
public record DynamicFeeTransaction(
    long chainIdValue,
    long nonce,
    BigInteger maxPriorityFeePerGas,
    BigInteger maxFeePerGas,
    long gasLimit,
    Optional<Address> to,
    Wei value,
    Bytes data,
    List<AccessListEntry> accessList,
    Signature signature)
    implements Transaction {

  public DynamicFeeTransaction {
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    accessList = List.copyOf(accessList);
  }

  @Override
  public TransactionType type() {
    return TransactionType.DYNAMIC_FEE;
  }

  @Override
  public OptionalLong chainId() {
    return OptionalLong.of(chainIdValue);
  }

  @Override
  public DynamicFeeTransaction withSignature(Signature newSignature) {
    return new DynamicFeeTransaction(
        chainIdValue, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList, newSignature);
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

  static DynamicFeeTransaction fromRlp(RlpList list) {
    RlpList f = list.expectSize("EIP-1559 transaction", 12);
    return new DynamicFeeTransaction(
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
  }
}
