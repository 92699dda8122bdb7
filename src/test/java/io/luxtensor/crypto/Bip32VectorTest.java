package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.Bip32Exception.Reason;
import io.luxtensor.testing.Vectors;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** BIP-32 test vectors 1-4 (every chain: ext prv and ext pub, derived and parsed) and 5 (invalid keys, by reason). */
class Bip32VectorTest {
  private static final JsonNode VECTORS = Vectors.json("bip32/vectors.json");

  /** The BIP's reason text for each invalid key, and the reason we give. */
  private static final Map<String, Reason> INVALID_REASONS = Map.ofEntries(
      Map.entry("pubkey version / prvkey mismatch", Reason.VERSION_KEY_MISMATCH),
      Map.entry("prvkey version / pubkey mismatch", Reason.VERSION_KEY_MISMATCH),
      Map.entry("invalid pubkey prefix 04", Reason.INVALID_PUBLIC_KEY),
      Map.entry("invalid prvkey prefix 04", Reason.INVALID_PRIVATE_KEY),
      Map.entry("invalid pubkey prefix 01", Reason.INVALID_PUBLIC_KEY),
      Map.entry("invalid prvkey prefix 01", Reason.INVALID_PRIVATE_KEY),
      Map.entry("zero depth with non-zero parent fingerprint", Reason.ZERO_DEPTH_WITH_PARENT_FINGERPRINT),
      Map.entry("zero depth with non-zero index", Reason.ZERO_DEPTH_WITH_CHILD_NUMBER),
      Map.entry("unknown extended key version", Reason.UNKNOWN_VERSION),
      Map.entry("private key 0 not in 1..n-1", Reason.INVALID_PRIVATE_KEY),
      Map.entry("private key n not in 1..n-1", Reason.INVALID_PRIVATE_KEY),
      Map.entry("invalid pubkey 020000000000000000000000000000000000000000000000000000000000000007", Reason.INVALID_PUBLIC_KEY),
      Map.entry("invalid checksum", Reason.INVALID_BASE58_CHECK));

  @TestFactory
  Stream<DynamicNode> validVectors() {
    return StreamSupport.stream(VECTORS.get("valid").spliterator(), false).map(vector -> {
      ExtendedPrivateKey master = ExtendedPrivateKey.fromSeed(Hex.decode(vector.get("seed").asText()));
      return DynamicContainer.dynamicContainer(vector.get("name").asText(),
          StreamSupport.stream(vector.get("chains").spliterator(), false).map(chain -> dynamicTest(chain.get("path").asText(), () -> {
            ExtendedPrivateKey derived = master.derive(DerivationPath.parse(chain.get("path").asText()));
            assertEquals(chain.get("xprv").asText(), derived.toBase58(), "ext prv");
            assertEquals(chain.get("xpub").asText(), derived.neuter().toBase58(), "ext pub");
            assertEquals(derived, ExtendedKey.parse(chain.get("xprv").asText()), "parsed ext prv");
            assertEquals(derived.neuter(), ExtendedKey.parse(chain.get("xpub").asText()), "parsed ext pub");
          })));
    });
  }

  @TestFactory
  Stream<DynamicTest> invalidKeysOfVector5() {
    return StreamSupport.stream(VECTORS.get("invalid").spliterator(), false).map(vector -> {
      String text = vector.get("reason").asText();
      return dynamicTest(text + " (" + vector.get("key").asText().substring(0, 16) + "...)", () -> {
        Bip32Exception e = assertThrows(Bip32Exception.class, () -> ExtendedKey.parse(vector.get("key").asText()));
        assertEquals(INVALID_REASONS.get(text), e.reason(), e::getMessage);
        if (e.reason() == Reason.INVALID_BASE58_CHECK) {
          assertEquals(Base58Exception.Reason.CHECKSUM_MISMATCH, ((Base58Exception) e.getCause()).reason());
        }
      });
    });
  }
}
