package io.luxtensor.state;

import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpList;
import io.luxtensor.rlp.RlpString;
import io.luxtensor.trie.MerklePatriciaTrie;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An account as Ethereum's state trie holds it: {@code rlp([nonce, balance, storageRoot, codeHash])}.
 *
 * @param nonce transactions sent (an unsigned 64-bit value)
 * @param balance in wei
 * @param storageRoot root of the account's storage trie
 * @param codeHash Keccak-256 of its code; of the empty string for accounts without code
 */
public record Account(long nonce, Wei balance, Hash storageRoot, Hash codeHash) {
  public static final Hash EMPTY_CODE_HASH = Hash.keccak(new byte[0]);
  public static final Hash EMPTY_STORAGE_ROOT = Hash.wrap(MerklePatriciaTrie.emptyRootHash());
  /** What the state holds for an address it has never seen. */
  public static final Account EMPTY = new Account(0, Wei.ZERO, EMPTY_STORAGE_ROOT, EMPTY_CODE_HASH);

  public Account {
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(storageRoot, "storageRoot");
    Objects.requireNonNull(codeHash, "codeHash");
  }

  /** EIP-161's emptiness: no nonce, no balance, no code. Such an account is removed from the trie. */
  public boolean isEmpty() {
    return nonce == 0 && balance.isZero() && codeHash.equals(EMPTY_CODE_HASH);
  }

  public Account withBalance(Wei newBalance) {
    return new Account(nonce, newBalance, storageRoot, codeHash);
  }

  public Account withNonce(long newNonce) {
    return new Account(newNonce, balance, storageRoot, codeHash);
  }

  public Account withStorageRoot(Hash newStorageRoot) {
    return new Account(nonce, balance, newStorageRoot, codeHash);
  }

  public byte[] encode() {
    return Rlp.encode(RlpList.of(
        RlpString.of(new BigInteger(Long.toUnsignedString(nonce))),
        RlpString.of(balance.value()),
        RlpString.of(storageRoot.toBytes()),
        RlpString.of(codeHash.toBytes())));
  }

  /** @throws io.luxtensor.rlp.RlpDecodingException if {@code encoded} is not an account */
  public static Account decode(byte[] encoded) {
    RlpList f = Rlp.decodeList(encoded, "account").expectSize("account", 4);
    return new Account(
        f.get(0).asString("nonce").asUnsignedInteger("nonce", 8).longValue(),
        Wei.of(f.get(1).asString("balance").asUnsignedInteger("balance", 32)),
        Hash.wrap(f.get(2).asString("storageRoot").asBytes("storageRoot", Hash.LENGTH)),
        Hash.wrap(f.get(3).asString("codeHash").asBytes("codeHash", Hash.LENGTH)));
  }
}
