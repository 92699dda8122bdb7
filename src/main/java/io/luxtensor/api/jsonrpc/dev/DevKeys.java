package io.luxtensor.api.jsonrpc.dev;

import io.luxtensor.api.jsonrpc.JsonRpcError;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.crypto.Keccak256;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.crypto.Secp256k1;
import io.luxtensor.crypto.Signature;
import io.luxtensor.types.Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The dev chain's funded keys, by address, in the order they were derived. */
public final class DevKeys {
  private final Map<Address, PrivateKey> keys = new LinkedHashMap<>();

  public DevKeys(List<PrivateKey> keys) {
    keys.forEach(k -> this.keys.put(Address.of(k.publicKey()), k));
  }

  List<Address> addresses() {
    return new ArrayList<>(keys.keySet());
  }

  PrivateKey keyOf(Address address) throws JsonRpcException {
    PrivateKey key = keys.get(address);
    if (key == null) {
      throw new JsonRpcException(JsonRpcError.SERVER_ERROR, "unknown account " + address.toChecksumHex()
          + ": the dev node signs only for its funded accounts (eth_accounts)");
    }
    return key;
  }

  /** EIP-191 personal message signature: r || s || v with v = 27 + recovery id, as Geth and Hardhat return it. */
  static byte[] signPersonalMessage(PrivateKey key, byte[] message) {
    byte[] prefix = ("\u0019Ethereum Signed Message:\n" + message.length).getBytes(StandardCharsets.UTF_8);
    byte[] prefixed = new byte[prefix.length + message.length];
    System.arraycopy(prefix, 0, prefixed, 0, prefix.length);
    System.arraycopy(message, 0, prefixed, prefix.length, message.length);
    return signDigest(key, Keccak256.hash(prefixed));
  }

  static byte[] signDigest(PrivateKey key, byte[] digest) {
    Signature signature = Secp256k1.sign(digest, key);
    byte[] out = signature.toBytes();
    out[64] = (byte) (27 + signature.recoveryId());
    return out;
  }
}
