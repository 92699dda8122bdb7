package io.luxtensor.api.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.BlockParameter;
import io.luxtensor.api.jsonrpc.BlockResolver;
import io.luxtensor.api.jsonrpc.JsonRpcError;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.Secp256k1;
import io.luxtensor.state.Account;
import io.luxtensor.state.StateSnapshot;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import java.util.List;
import java.util.Locale;

/**
 * {@code eth_getProof(address, storageKeys, block)} (EIP-1186): the account and the storage slots asked for, each
 * with the Merkle-Patricia proof from the block's state root (accounts) or the account's storage root (slots). The
 * tries are Ethereum's, so any Ethereum library verifies these proofs.
 */
public final class EthGetProof implements JsonRpcMethod {
  /** Each key costs a trie walk and about 4 KB of proof: 1,000 keys are about 4 MB of answer. */
  static final int STORAGE_KEYS_MAX = 1_000;

  private final BlockchainQueries chain;
  private final BlockResolver blocks;

  public EthGetProof(BlockchainQueries chain) {
    this.chain = chain;
    this.blocks = new BlockResolver(chain);
  }

  @Override
  public String name() {
    return "eth_getProof";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(3);
    Address address = params.address(0, "address");
    JsonNode keys = params.required(1, "storageKeys");
    if (!keys.isArray()) {
      throw JsonRpcException.invalidParams("invalid argument 1 (storageKeys): expected an array");
    }
    if (keys.size() > STORAGE_KEYS_MAX) {
      throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED, "too many storage keys: " + keys.size()
          + ", the limit is " + STORAGE_KEYS_MAX + "; ask for the rest in further requests");
    }
    StateSnapshot state = chain.state(blocks.require(params.block(2, "block", BlockParameter.LATEST)));
    Account account = state.account(address);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("address", address.toHex());
    hexList(out.putArray("accountProof"), state.accountProof(address));
    out.put("balance", JsonRpcResults.quantity(account.balance().value()));
    out.put("codeHash", account.codeHash().toHex());
    out.put("nonce", JsonRpcResults.quantity(account.nonce()));
    out.put("storageHash", account.storageRoot().toHex());
    ArrayNode storageProofs = out.putArray("storageProof");
    for (int i = 0; i < keys.size(); i++) {
      String name = "storageKeys[" + i + "]";
      Hash slot = Hash.wrap(Secp256k1.toBytes32(JsonRpcParams.at(1, keys.get(i)).word(1, name)));
      ObjectNode proof = storageProofs.addObject();
      proof.put("key", keys.get(i).asText().toLowerCase(Locale.ROOT));
      proof.put("value", JsonRpcResults.quantity(state.storage(address, slot)));
      hexList(proof.putArray("proof"), state.storageProof(address, slot));
    }
    return out;
  }

  private static void hexList(ArrayNode out, List<byte[]> nodes) {
    nodes.forEach(node -> out.add(Hex.encode(node)));
  }
}
