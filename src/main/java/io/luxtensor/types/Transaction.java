package io.luxtensor.types;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.crypto.Keccak256;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.crypto.Secp256k1;
import io.luxtensor.crypto.Signature;
import io.luxtensor.rlp.RlpItem;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A transaction in one of Ethereum's typed envelopes, so any Ethereum wallet library signs for LuxTensor unchanged.
 *
 * <p>Nonce and gas limit are unsigned 64-bit values held in a {@code long}: compare them with
 * {@link Long#compareUnsigned}. A transaction whose {@link #signature()} is null is unsigned: it has a signing hash
 * but no encoding, hash or sender until {@link #sign} or {@code withSignature} gives it one.
 */
public sealed interface Transaction permits LegacyTransaction, AccessListTransaction, DynamicFeeTransaction {

  /** EIP-3860: the largest init code a contract-creating transaction may carry. */
  int INIT_CODE_SIZE_MAX = 49_152;

  TransactionType type();

  /** The chain the signature commits to; empty only for a pre-EIP-155 legacy transaction. */
  OptionalLong chainId();

  long nonce();

  long gasLimit();

  /** The recipient; empty for contract creation. */
  Optional<Address> to();

  Wei value();

  Bytes data();

  List<AccessListEntry> accessList();

  /** The most the sender pays per gas: the gas price of legacy and EIP-2930 transactions. */
  BigInteger maxFeePerGas();

  /** The most the proposer receives per gas: equal to the gas price for legacy and EIP-2930 transactions. */
  BigInteger maxPriorityFeePerGas();

  /**
   * The price per gas paid in a block with {@code baseFee}: the gas price for legacy and EIP-2930 transactions,
   * min(maxFeePerGas, baseFee + maxPriorityFeePerGas) for EIP-1559 ones.
   */
  default BigInteger effectiveGasPrice(BigInteger baseFee) {
    if (type() != TransactionType.DYNAMIC_FEE) {
      return maxFeePerGas();
    }
    return maxFeePerGas().min(baseFee.add(maxPriorityFeePerGas()));
  }

  /** The signature, or null while unsigned. */
  Signature signature();

  /** The same transaction with {@code signature}. */
  Transaction withSignature(Signature signature);

  /** The bytes whose Keccak-256 the sender signs. */
  byte[] signingPayload();

  /** The canonical wire form: the RLP list for legacy, {@code type || rlp(fields)} for typed transactions. */
  byte[] encode();

  /** The length of {@link #encode()}, without a copy of the encoding. */
  int encodedLength();

  default Hash signingHash() {
    return Hash.keccak(signingPayload());
  }

  /** The transaction hash: Keccak-256 of the wire form. */
  default Hash hash() {
    return Hash.keccak(encode());
  }

  /** This transaction signed by {@code key} (deterministic RFC 6979 signature). */
  default Transaction sign(PrivateKey key) {
    return withSignature(Secp256k1.sign(Keccak256.hash(signingPayload()), key));
  }

  /**
   * The sender, recovered from the signature (~170 µs: callers on hot paths recover once and keep the result).
   *
   * @throws io.luxtensor.crypto.InvalidSignatureException if the signature is not valid for any key
   */
  default Address recoverSender() {
    return Address.of(Secp256k1.recover(Keccak256.hash(signingPayload()), requireSignature()));
  }

  /**
   * As {@link #recoverSender()}, for bulk recovery whose results the caller keeps (sync): it leaves the process-wide
   * memory of recovered signatures alone, so a flood of them does not push out what that memory is for.
   */
  default Address recoverSenderOnce() {
    return Address.of(Secp256k1.recoverOnce(Keccak256.hash(signingPayload()), requireSignature()));
  }

  /** Gas charged before execution: base cost, calldata, access list and (for creation) init code words. */
  default long intrinsicGas() {
    return IntrinsicGas.of(this);
  }

  default Signature requireSignature() {
    Signature signature = signature();
    if (signature == null) {
      throw new IllegalStateException("transaction is not signed");
    }
    return signature;
  }

  /** How a transaction sits in a block body: the list itself for legacy, the envelope as a byte string if typed. */
  default RlpItem toBlockBodyItem() {
    return TransactionCodec.toBlockBodyItem(this);
  }

  /**
   * Decodes the wire form of any supported type, strictly.
   *
   * @throws TransactionDecodingException naming the field that is malformed
   */
  static Transaction decode(byte[] raw) {
    return TransactionCodec.decode(raw);
  }

  /** Decodes a transaction as it sits in a block body (see {@link #toBlockBodyItem()}). */
  static Transaction fromBlockBodyItem(RlpItem item) {
    return TransactionCodec.fromBlockBodyItem(item);
  }
}
