package io.luxtensor.types;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.crypto.InvalidSignatureException;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.crypto.Secp256k1;
import io.luxtensor.crypto.Signature;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpDecodingException;
import io.luxtensor.rlp.RlpItem;
import io.luxtensor.rlp.RlpList;
import io.luxtensor.rlp.RlpString;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * LuxTensor's block header. Ethereum's execution fields (roots, bloom, gas, base fee) keep their meaning so RPC
 * presents blocks in Ethereum's shape; consensus adds the slot, the proposer, the RANDAO mix with the proposer's
 * VRF proof, the finality checkpoints the proposer saw, the root of the votes and slashing evidence the block
 * carries ({@link Block#consensusRoot}), and the proposer's signature over {@link #signingHash()}.
 *
 * <p>{@link #hash()} covers every field including the signature; {@code signature} is null while unsigned. A class
 * rather than a record only so that the hash, asked for many times per block by import, storage and the APIs, is
 * computed once, and so is the signer, recovered by sync's header check and asked again by import.
 */
public final class BlockHeader {

  /** Ethereum's bound on extra data. */
  public static final int EXTRA_DATA_MAX = 32;
  /** An ECVRF-P256-SHA256-TAI proof is 81 bytes; the genesis header has none. */
  public static final int VRF_PROOF_MAX = 81;

  private static final int FIELDS_UNSIGNED = 18;

  private final Hash parentHash;
  private final long number;
  private final long slot;
  private final long timestamp;
  private final Address proposer;
  private final Hash stateRoot;
  private final Hash transactionsRoot;
  private final Hash receiptsRoot;
  private final Bloom logsBloom;
  private final long gasLimit;
  private final long gasUsed;
  private final BigInteger baseFeePerGas;
  private final Bytes extraData;
  private final Hash randaoMix;
  private final Bytes vrfProof;
  private final Checkpoint justified;
  private final Checkpoint finalized;
  private final Hash consensusRoot;
  private final Signature signature;
  /** Computed on first use; a race computes it twice, harmlessly, and {@link Hash} is immutable. */
  private Hash hash;
  /** The signer last recovered, and for which chain: remembered as {@link #hash} is. */
  private RecoveredSigner recovered;

  private record RecoveredSigner(long chainId, Address signer) {}

  public BlockHeader(
      Hash parentHash,
      long number,
      long slot,
      long timestamp,
      Address proposer,
      Hash stateRoot,
      Hash transactionsRoot,
      Hash receiptsRoot,
      Bloom logsBloom,
      long gasLimit,
      long gasUsed,
      BigInteger baseFeePerGas,
      Bytes extraData,
      Hash randaoMix,
      Bytes vrfProof,
      Checkpoint justified,
      Checkpoint finalized,
      Hash consensusRoot,
      Signature signature) {
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(proposer, "proposer");
    Objects.requireNonNull(stateRoot, "stateRoot");
    Objects.requireNonNull(transactionsRoot, "transactionsRoot");
    Objects.requireNonNull(receiptsRoot, "receiptsRoot");
    Objects.requireNonNull(logsBloom, "logsBloom");
    Objects.requireNonNull(baseFeePerGas, "baseFeePerGas");
    Objects.requireNonNull(extraData, "extraData");
    Objects.requireNonNull(randaoMix, "randaoMix");
    Objects.requireNonNull(vrfProof, "vrfProof");
    Objects.requireNonNull(justified, "justified");
    Objects.requireNonNull(finalized, "finalized");
    Objects.requireNonNull(consensusRoot, "consensusRoot");
    if (extraData.length() > EXTRA_DATA_MAX) {
      throw new IllegalArgumentException("extraData is at most 32 bytes, got " + extraData.length());
    }
    if (vrfProof.length() > VRF_PROOF_MAX) {
      throw new IllegalArgumentException("vrfProof is at most 81 bytes, got " + vrfProof.length());
    }
      this.parentHash = parentHash;
    this.number = number;
    this.slot = slot;
    this.timestamp = timestamp;
    this.proposer = proposer;
    this.stateRoot = stateRoot;
    this.transactionsRoot = transactionsRoot;
    this.receiptsRoot = receiptsRoot;
    this.logsBloom = logsBloom;
    this.gasLimit = gasLimit;
    this.gasUsed = gasUsed;
    this.baseFeePerGas = baseFeePerGas;
    this.extraData = extraData;
    this.randaoMix = randaoMix;
    this.vrfProof = vrfProof;
    this.justified = justified;
    this.finalized = finalized;
    this.consensusRoot = consensusRoot;
    this.signature = signature;
  }

  public Hash parentHash() {
    return parentHash;
  }

  public long number() {
    return number;
  }

  public long slot() {
    return slot;
  }

  public long timestamp() {
    return timestamp;
  }

  public Address proposer() {
    return proposer;
  }

  public Hash stateRoot() {
    return stateRoot;
  }

  public Hash transactionsRoot() {
    return transactionsRoot;
  }

  public Hash receiptsRoot() {
    return receiptsRoot;
  }

  public Bloom logsBloom() {
    return logsBloom;
  }

  public long gasLimit() {
    return gasLimit;
  }

  public long gasUsed() {
    return gasUsed;
  }

  public BigInteger baseFeePerGas() {
    return baseFeePerGas;
  }

  public Bytes extraData() {
    return extraData;
  }

  public Hash randaoMix() {
    return randaoMix;
  }

  public Bytes vrfProof() {
    return vrfProof;
  }

  public Checkpoint justified() {
    return justified;
  }

  public Checkpoint finalized() {
    return finalized;
  }

  public Hash consensusRoot() {
    return consensusRoot;
  }

  public Signature signature() {
    return signature;
  }

  /**
   * What the proposer signs: Keccak-256 of the chain id and the header without its signature. The chain id binds
   * the signature to one chain, so a key that also signs on a test network cannot be slashed here for it.
   */
  public Hash signingHash(long chainId) {
    List<RlpItem> fields = new ArrayList<>();
    fields.add(RlpString.of(chainId));
    fields.addAll(unsignedFields());
    return Hash.keccak(Rlp.encode(new RlpList(fields)));
  }

  /** The block hash: Keccak-256 of the full header RLP, signature included. */
  public Hash hash() {
    Hash known = hash;
    if (known == null) {
      known = Hash.keccak(encode());
      hash = known;
    }
    return known;
  }

  public BlockHeader withSignature(Signature newSignature) {
    return new BlockHeader(parentHash, number, slot, timestamp, proposer, stateRoot, transactionsRoot, receiptsRoot,
        logsBloom, gasLimit, gasUsed, baseFeePerGas, extraData, randaoMix, vrfProof, justified, finalized,
        consensusRoot, newSignature);
  }

  public BlockHeader sign(long chainId, PrivateKey key) {
    return withSignature(Secp256k1.sign(signingHash(chainId).toBytes(), key));
  }

  /**
   * The address whose key signed this header (to be compared with {@link #proposer()} by validation).
   *
   * @throws io.luxtensor.crypto.InvalidSignatureException if the signature is malformed
   * @throws IllegalStateException if the header is unsigned
   */
  public Address recoverSigner(long chainId) {
    if (signature == null) {
      throw new IllegalStateException("header is unsigned");
    }
    RecoveredSigner known = recovered;
    if (known == null || known.chainId() != chainId) {
      known = new RecoveredSigner(chainId, Address.of(Secp256k1.recover(signingHash(chainId).toBytes(), signature)));
      recovered = known;
    }
    return known.signer();
  }

  /** Whether the header carries a well-formed signature of its proposer on chain {@code chainId}. */
  public boolean isSignedByProposer(long chainId) {
    try {
      return signature != null && recoverSigner(chainId).equals(proposer);
    } catch (InvalidSignatureException e) {
      return false;
    }
  }

  public RlpList toRlp() {
    List<RlpItem> fields = unsignedFields();
    fields.add(RlpString.of(signature == null ? new byte[0] : signature.toBytes()));
    return new RlpList(fields);
  }

  public byte[] encode() {
    return Rlp.encode(toRlp());
  }

  public static BlockHeader decode(byte[] raw) {
    return fromRlp(Rlp.decode(raw));
  }

  /** @throws RlpDecodingException naming the malformed field */
  public static BlockHeader fromRlp(RlpItem item) {
    RlpList f = item.asList("header").expectSize("header", FIELDS_UNSIGNED + 1);
    byte[] signatureBytes = f.get(18).asString("signature").bytes();
    Signature signature = signatureBytes.length == 0 ? null : Signatures.fromBytes(signatureBytes, "signature");
    byte[] extraData = f.get(12).asString("extraData").bytes();
    if (extraData.length > EXTRA_DATA_MAX) {
      throw new RlpDecodingException("extraData: at most 32 bytes, found " + extraData.length);
    }
    byte[] vrfProof = f.get(14).asString("vrfProof").bytes();
    if (vrfProof.length > VRF_PROOF_MAX) {
      throw new RlpDecodingException("vrfProof: at most 81 bytes, found " + vrfProof.length);
    }
    return new BlockHeader(
        hash(f.get(0), "parentHash"),
        f.get(1).asString("number").asLong("number"),
        f.get(2).asString("slot").asLong("slot"),
        f.get(3).asString("timestamp").asLong("timestamp"),
        Address.wrap(f.get(4).asString("proposer").asBytes("proposer", Address.LENGTH)),
        hash(f.get(5), "stateRoot"),
        hash(f.get(6), "transactionsRoot"),
        hash(f.get(7), "receiptsRoot"),
        Bloom.wrap(f.get(8).asString("logsBloom").asBytes("logsBloom", Bloom.LENGTH)),
        f.get(9).asString("gasLimit").asLong("gasLimit"),
        f.get(10).asString("gasUsed").asLong("gasUsed"),
        f.get(11).asString("baseFeePerGas").asUnsignedInteger("baseFeePerGas", 32),
        Bytes.of(extraData),
        hash(f.get(13), "randaoMix"),
        Bytes.of(vrfProof),
        Checkpoint.fromRlp(f.get(15), "justified"),
        Checkpoint.fromRlp(f.get(16), "finalized"),
        hash(f.get(17), "consensusRoot"),
        signature);
  }

  /** Equal fields; the memoized hash is not a field. */
  @Override
  public boolean equals(Object o) {
    return o instanceof BlockHeader other
        && number == other.number && slot == other.slot && timestamp == other.timestamp
        && gasLimit == other.gasLimit && gasUsed == other.gasUsed
        && parentHash.equals(other.parentHash) && proposer.equals(other.proposer)
        && stateRoot.equals(other.stateRoot) && transactionsRoot.equals(other.transactionsRoot)
        && receiptsRoot.equals(other.receiptsRoot) && logsBloom.equals(other.logsBloom)
        && baseFeePerGas.equals(other.baseFeePerGas) && extraData.equals(other.extraData)
        && randaoMix.equals(other.randaoMix) && vrfProof.equals(other.vrfProof)
        && justified.equals(other.justified) && finalized.equals(other.finalized)
        && consensusRoot.equals(other.consensusRoot) && Objects.equals(signature, other.signature);
  }

  /** The block hash's, which equal fields share. */
  @Override
  public int hashCode() {
    return hash().hashCode();
  }

  @Override
  public String toString() {
    return "BlockHeader[parentHash=" + parentHash + ", number=" + number + ", slot=" + slot + ", timestamp="
        + timestamp + ", proposer=" + proposer + ", stateRoot=" + stateRoot + ", transactionsRoot="
        + transactionsRoot + ", receiptsRoot=" + receiptsRoot + ", logsBloom=" + logsBloom + ", gasLimit=" + gasLimit
        + ", gasUsed=" + gasUsed + ", baseFeePerGas=" + baseFeePerGas + ", extraData=" + extraData + ", randaoMix="
        + randaoMix + ", vrfProof=" + vrfProof + ", justified=" + justified + ", finalized=" + finalized
        + ", consensusRoot=" + consensusRoot + ", signature=" + signature + "]";
  }

  private List<RlpItem> unsignedFields() {
    List<RlpItem> fields = new ArrayList<>(FIELDS_UNSIGNED + 1);
    fields.add(RlpString.of(parentHash.toBytes()));
    fields.add(RlpString.of(number));
    fields.add(RlpString.of(slot));
    fields.add(RlpString.of(timestamp));
    fields.add(RlpString.of(proposer.toBytes()));
    fields.add(RlpString.of(stateRoot.toBytes()));
    fields.add(RlpString.of(transactionsRoot.toBytes()));
    fields.add(RlpString.of(receiptsRoot.toBytes()));
    fields.add(RlpString.of(logsBloom.bytesShared()));
    fields.add(RlpString.of(gasLimit));
    fields.add(RlpString.of(gasUsed));
    fields.add(RlpString.of(baseFeePerGas));
    fields.add(RlpString.of(extraData.toArray()));
    fields.add(RlpString.of(randaoMix.toBytes()));
    fields.add(RlpString.of(vrfProof.toArray()));
    fields.add(justified.toRlp());
    fields.add(finalized.toRlp());
    fields.add(RlpString.of(consensusRoot.toBytes()));
    return fields;
  }

  private static Hash hash(RlpItem item, String field) {
    return Hash.wrap(item.asString(field).asBytes(field, Hash.LENGTH));
  }
}
