package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.testing.Vectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every English vector of trezor/python-mnemonic (bip39/vectors.json): entropy to phrase, phrase to entropy,
 * phrase and passphrase "TREZOR" to seed, seed to BIP-32 master xprv.
 */
class MnemonicVectorTest {
  private static final String PASSPHRASE = "TREZOR";
  private static final JsonNode VECTORS = Vectors.json("bip39/vectors.json").get("english");

  @TestFactory
  Stream<DynamicTest> englishVectors() {
    return IntStream.range(0, VECTORS.size()).mapToObj(i -> {
      JsonNode vector = VECTORS.get(i);
      byte[] entropy = Hex.decode(vector.get(0).asText());
      String phrase = vector.get(1).asText();
      return dynamicTest("vector " + i + " (" + entropy.length * 8 + " bits, " + vector.get(0).asText() + ")", () -> {
        assertEquals(phrase, Mnemonic.fromEntropy(entropy).phrase(), "entropy -> phrase");
        Mnemonic parsed = Mnemonic.parse(phrase);
        assertArrayEquals(entropy, parsed.entropy(), "phrase -> entropy");
        byte[] seed = parsed.toSeed(PASSPHRASE);
        assertArrayEquals(Hex.decode(vector.get(2).asText()), seed, "phrase -> seed");
        assertEquals(vector.get(3).asText(), ExtendedPrivateKey.fromSeed(seed).toBase58(), "seed -> xprv");
      });
    });
  }
}
