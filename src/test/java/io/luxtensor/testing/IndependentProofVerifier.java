package io.luxtensor.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.Hash;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;
import org.web3j.utils.Numeric;

/**
 * Checks an EIP-1186 proof with web3j's RLP decoder and Keccak only, none of our trie code: the walk from the root
 * hash down the secure-trie path keccak(key), as the Yellow Paper defines the hexary Merkle Patricia trie. A proof our
 * trie accepts but this rejects (or the reverse) means we are not speaking Ethereum's trie.
 */
public final class IndependentProofVerifier {
  private static final byte[] EMPTY_TRIE_ROOT = Hash.sha3(new byte[] {(byte) 0x80});

  private IndependentProofVerifier() {}

  /**
   * The value the proof shows under {@code rootHash} for {@code key}, or empty when it shows the key absent.
   *
   * @throws AssertionError if the proof does not link the key's path to the root
   */
  public static Optional<byte[]> verify(byte[] rootHash, byte[] key, List<String> proof) {
    if (proof.isEmpty()) {
      if (!Arrays.equals(rootHash, EMPTY_TRIE_ROOT)) {
        throw new AssertionError("an empty proof proves absence only in the empty trie");
      }
      return Optional.empty();
    }
    byte[] path = nibbles(Hash.sha3(key));
    int position = 0;
    byte[] expectedHash = rootHash;
    RlpList embedded = null;
    int consumed = 0;
    while (true) {
      List<RlpType> node;
      if (embedded != null) {
        node = embedded.getValues();
        embedded = null;
      } else {
        if (consumed == proof.size()) {
          throw new AssertionError("the proof ends before the path does");
        }
        byte[] encoded = Numeric.hexStringToByteArray(proof.get(consumed++));
        if (!Arrays.equals(Hash.sha3(encoded), expectedHash)) {
          throw new AssertionError("proof node " + (consumed - 1) + " does not hash to the reference above it");
        }
        node = ((RlpList) RlpDecoder.decode(encoded).getValues().get(0)).getValues();
      }
      RlpType next;
      if (node.size() == 17) {
        if (position == path.length) {
          byte[] value = ((RlpString) node.get(16)).getBytes();
          return finish(consumed, proof, value.length == 0 ? Optional.empty() : Optional.of(value));
        }
        next = node.get(path[position++]);
      } else if (node.size() == 2) {
        byte[] encodedPath = ((RlpString) node.get(0)).getBytes();
        boolean leaf = (encodedPath[0] & 0x20) != 0;
        byte[] nodePath = hexPrefixPath(encodedPath);
        if (path.length - position < nodePath.length
            || !Arrays.equals(nodePath, Arrays.copyOfRange(path, position, position + nodePath.length))) {
          return finish(consumed, proof, Optional.empty());
        }
        position += nodePath.length;
        if (leaf) {
          return finish(consumed, proof,
              position == path.length ? Optional.of(((RlpString) node.get(1)).getBytes()) : Optional.empty());
        }
        next = node.get(1);
      } else {
        throw new AssertionError("a trie node has 2 or 17 items, not " + node.size());
      }
      if (next instanceof RlpList inline) {
        embedded = inline;
      } else {
        byte[] reference = ((RlpString) next).getBytes();
        if (reference.length == 0) {
          return finish(consumed, proof, Optional.empty());
        }
        if (reference.length != 32) {
          throw new AssertionError("a child reference is a 32-byte hash or an inline node");
        }
        expectedHash = reference;
      }
    }
  }

  private static Optional<byte[]> finish(int consumed, List<String> proof, Optional<byte[]> value) {
    if (consumed != proof.size()) {
      throw new AssertionError((proof.size() - consumed) + " proof nodes past the end of the path");
    }
    return value;
  }

  private static byte[] nibbles(byte[] bytes) {
    byte[] out = new byte[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = (byte) ((bytes[i] >> 4) & 0x0f);
      out[2 * i + 1] = (byte) (bytes[i] & 0x0f);
    }
    return out;
  }

  /** The nibbles of a hex-prefix encoded path (its first nibble flags leaf and odd length). */
  private static byte[] hexPrefixPath(byte[] encoded) {
    byte[] all = nibbles(encoded);
    boolean odd = (all[0] & 1) == 1;
    return Arrays.copyOfRange(all, odd ? 1 : 2, all.length);
  }
}
