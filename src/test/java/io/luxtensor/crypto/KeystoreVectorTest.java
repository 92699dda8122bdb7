package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.testing.Vectors;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every case of ethereum/tests KeyStoreTests/basic_tests.json: decrypts to the key it names. */
class KeystoreVectorTest {
  private static final JsonNode FILE = Vectors.json("ethereum-tests/KeyStoreTests/basic_tests.json");

  @TestFactory
  Stream<DynamicTest> everyVectorDecryptsToItsKey() {
    return FILE.properties().stream().map(Map.Entry::getKey).map(name -> dynamicTest(name, () -> {
      JsonNode vector = FILE.get(name);
      PrivateKey key = Keystore.decrypt(vector.get("json").toString(), vector.get("password").asText());
      assertArrayEquals(Hex.decode(vector.get("priv").asText()), key.toBytes());
    }));
  }
}
