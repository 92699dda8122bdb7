package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.Base58Exception.Reason;
import io.luxtensor.testing.Vectors;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base58Test {

  /** Every pair of Bitcoin Core's base58_encode_decode.json, both ways. */
  @TestFactory
  Stream<DynamicTest> bitcoinCoreVectors() {
    JsonNode vectors = Vectors.json("bitcoin-core/base58_encode_decode.json");
    return StreamSupport.stream(vectors.spliterator(), false).map(pair -> {
      byte[] data = Hex.decode(pair.get(0).asText());
      String text = pair.get(1).asText();
      return dynamicTest("\"" + text.substring(0, Math.min(text.length(), 24)) + "\"", () -> {
        assertEquals(text, Base58.encode(data));
        assertArrayEquals(data, Base58.decode(text));
      });
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "O", "I", "l", "abc+", "3SEo 3LW"})
  void charactersOutsideTheAlphabetAreRefused(String text) {
    assertEquals(Reason.INVALID_CHARACTER, assertThrows(Base58Exception.class, () -> Base58.decode(text)).reason());
  }

  @Test
  void overlongTextIsRefusedUndecoded() {
    String text = "2".repeat(Base58.ENCODED_CHARS_MAX + 1);
    assertEquals(Reason.TOO_LONG, assertThrows(Base58Exception.class, () -> Base58.decode(text)).reason());
  }

  @Test
  void checkedRoundTripAndChecksumErrors() {
    // BIP-32 test vector 1's master key, Base58Check by definition: version 0488ade4, 78 bytes.
    String text = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi";
    byte[] payload = Base58.decodeChecked(text);
    assertEquals(78, payload.length);
    assertEquals("0x0488ade4", Hex.encode(Arrays.copyOf(payload, 4)));
    assertEquals(text, Base58.encodeChecked(payload));
    String altered = text.substring(0, text.length() - 1) + "j";
    assertEquals(Reason.CHECKSUM_MISMATCH, assertThrows(Base58Exception.class, () -> Base58.decodeChecked(altered)).reason());
    assertEquals(Reason.TOO_SHORT_FOR_CHECKSUM, assertThrows(Base58Exception.class, () -> Base58.decodeChecked("2g")).reason());
  }
}
