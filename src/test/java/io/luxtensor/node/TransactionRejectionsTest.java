package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.bytes.Hex;
import io.luxtensor.chain.DevChain;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.crypto.Secp256k1;
import io.luxtensor.crypto.Signature;
import io.luxtensor.node.ChainService.Sealing;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.types.Address;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.LegacyTransaction;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every refusal of eth_sendRawTransaction, through real HTTP, by its exact Geth message and code, and each leaves
 * the pool and the state untouched. Blocks are sealed by hand here, so pending transactions stay pending.
 */
class TransactionRejectionsTest {
  private static final long CHAIN_ID = DevChain.CHAIN_ID;
  private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);
  private static final Address RECIPIENT = Address.fromHex("0x000000000000000000000000000000000000bEEF");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LuxtensorNode node = TestNodes.devNode(StorageConfig.memory(), new Sealing.Manual(),
      TestNodes.poolWithMinTip(1));
  private final HttpClient http = HttpClient.newHttpClient();
  private final PrivateKey alice = DevChain.accounts(2).get(0).key();
  private final PrivateKey bob = DevChain.accounts(2).get(1).key();

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void eachRefusalHasGethsMessage() throws Exception {
    assertAccepted(transfer(alice, 0, GWEI, GWEI.multiply(BigInteger.TEN), 21_000, Wei.of(1)));
    assertRejected("already known", transfer(alice, 0, GWEI, GWEI.multiply(BigInteger.TEN), 21_000, Wei.of(1)));
    assertRejected("replacement transaction underpriced",
        transfer(alice, 0, GWEI.add(BigInteger.ONE), GWEI.multiply(BigInteger.TEN), 21_000, Wei.of(2)));
    node.chain().seal().get();

    assertRejected("nonce too low", transfer(alice, 0, GWEI, GWEI.multiply(BigInteger.TEN), 21_000, Wei.of(1)));
    assertRejected("insufficient funds for gas * price + value",
        transfer(bob, 0, GWEI, GWEI.multiply(BigInteger.TEN), 21_000, Wei.ofLux("10001")));
    assertRejected("transaction underpriced", transfer(bob, 0, BigInteger.ZERO, GWEI.multiply(BigInteger.TEN),
        21_000, Wei.of(1)));
    assertRejected("intrinsic gas too low", transfer(bob, 0, GWEI, GWEI.multiply(BigInteger.TEN), 20_999, Wei.of(1)));
    assertRejected("exceeds block gas limit",
        transfer(bob, 0, GWEI, GWEI.multiply(BigInteger.TEN), DevChain.GAS_LIMIT + 1, Wei.of(1)));
    assertRejected("max fee per gas less than block base fee", transfer(bob, 0, BigInteger.ONE, BigInteger.ONE,
        21_000, Wei.of(1)));
    assertRejected("invalid chain id", new DynamicFeeTransaction(CHAIN_ID + 1, 0, GWEI, GWEI.multiply(BigInteger.TEN),
        21_000, Optional.of(RECIPIENT), Wei.of(1), Bytes.EMPTY, List.of(), null).sign(bob).encode());
    assertRejected("only replay-protected (EIP-155) transactions allowed over RPC", new LegacyTransaction(
        OptionalLong.empty(), 0, GWEI.multiply(BigInteger.TEN), 21_000, Optional.of(RECIPIENT), Wei.of(1),
        Bytes.EMPTY, null).sign(bob).encode());
    Transaction signed = new DynamicFeeTransaction(CHAIN_ID, 0, GWEI, GWEI.multiply(BigInteger.TEN), 21_000,
        Optional.of(RECIPIENT), Wei.of(1), Bytes.EMPTY, List.of(), null).sign(bob);
    Signature low = signed.requireSignature();
    byte[] highS = signed.withSignature(new Signature(low.r(), Secp256k1.N.subtract(low.s()), low.recoveryId() ^ 1))
        .encode();
    assertRejected("invalid sender", highS);

    JsonNode malformed = sendRaw("0x02c0");
    assertEquals(-32602, malformed.get("error").get("code").asInt(), malformed.toString());
    JsonNode notHex = sendRaw("0xzz");
    assertEquals(-32602, notHex.get("error").get("code").asInt(), notHex.toString());

    assertEquals("0x0", rpc("eth_getTransactionCount", "[\"" + Address.of(bob.publicKey()).toHex() + "\", \"pending\"]")
        .get("result").asText(), "nothing of bob's reached the pool");
    assertEquals("0x1", rpc("eth_getTransactionCount", "[\"" + Address.of(alice.publicKey()).toHex() + "\", \"latest\"]")
        .get("result").asText());
    assertEquals(Hex.encodeQuantity(DevChain.BALANCE_DEFAULT.value()),
        rpc("eth_getBalance", "[\"" + Address.of(bob.publicKey()).toHex() + "\", \"latest\"]").get("result").asText());
  }

  private byte[] transfer(PrivateKey key, long nonce, BigInteger tip, BigInteger maxFee, long gas, Wei value) {
    return new DynamicFeeTransaction(CHAIN_ID, nonce, tip, maxFee, gas, Optional.of(RECIPIENT), value, Bytes.EMPTY,
        List.of(), null).sign(key).encode();
  }

  private void assertAccepted(byte[] raw) throws Exception {
    JsonNode response = sendRaw(Hex.encode(raw));
    assertTrue(response.has("result"), response.toString());
  }

  private void assertRejected(String message, byte[] raw) throws Exception {
    JsonNode response = sendRaw(Hex.encode(raw));
    JsonNode error = response.get("error");
    assertEquals(-32000, error.get("code").asInt(), response.toString());
    String actual = error.get("message").asText();
    assertTrue(actual.equals(message) || actual.startsWith(message + ": "), "expected \"" + message + "\", got \""
        + actual + "\"");
  }

  private JsonNode sendRaw(String hex) throws IOException, InterruptedException {
    return rpc("eth_sendRawTransaction", "[\"" + hex + "\"]");
  }

  private JsonNode rpc(String method, String params) throws IOException, InterruptedException {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.rpcPort()))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }
}
