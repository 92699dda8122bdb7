package io.luxtensor.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.testing.Fixtures;
import io.luxtensor.testing.Vectors;
import io.luxtensor.trie.InMemoryNodeStore;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The state root of the execution-apis test chain's genesis (27 accounts with balances, nonces, code and storage),
 * computed by our state and compared with the genesis block Geth serves in the fixtures.
 */
class GenesisStateRootTest {

  @Test
  void genesisAllocHashesToGethsStateRoot() {
    JsonNode alloc = Vectors.json("execution-apis/genesis.json").get("alloc");
    InMemoryNodeStore nodes = new InMemoryNodeStore();
    WorldState state = WorldState.at(nodes, Account.EMPTY_STORAGE_ROOT);
    for (Map.Entry<String, JsonNode> entry : alloc.properties()) {
      Address address = Address.fromHex(entry.getKey());
      JsonNode fields = entry.getValue();
      Hash codeHash = fields.has("code")
          ? Hash.keccak(Hex.decode(fields.get("code").asText())) : Account.EMPTY_CODE_HASH;
      long nonce = fields.has("nonce") ? Long.decode(fields.get("nonce").asText()) : 0;
      Wei balance = Wei.of(Hex.decodeQuantity(fields.get("balance").asText()));
      state.setAccount(address, new Account(nonce, balance, Account.EMPTY_STORAGE_ROOT, codeHash));
      if (fields.has("storage")) {
        for (Map.Entry<String, JsonNode> slot : fields.get("storage").properties()) {
          state.setStorage(address, Hash.fromHex(slot.getKey()),
              new BigInteger(1, Hex.decode(slot.getValue().asText())));
        }
      }
    }
    Hash root = state.commit(nodes).stateRoot();

    JsonNode genesisBlock = Fixtures.firstResponse("execution-apis/get-genesis.io").get("result");
    assertEquals(Hash.fromHex(genesisBlock.get("stateRoot").asText()), root);

    StateSnapshot snapshot = StateSnapshot.at(nodes, root);
    for (Map.Entry<String, JsonNode> entry : alloc.properties()) {
      Address address = Address.fromHex(entry.getKey());
      assertEquals(Hex.decodeQuantity(entry.getValue().get("balance").asText()),
          snapshot.account(address).balance().value(), "balance of " + address);
      if (entry.getValue().has("storage")) {
        for (Map.Entry<String, JsonNode> slot : entry.getValue().get("storage").properties()) {
          assertEquals(new BigInteger(1, Hex.decode(slot.getValue().asText())),
              snapshot.storage(address, Hash.fromHex(slot.getKey())), "slot " + slot.getKey() + " of " + address);
        }
      }
    }
  }
}
