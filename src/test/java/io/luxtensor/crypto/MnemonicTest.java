package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.crypto.MnemonicException.Reason;
import io.luxtensor.testing.SeededRandom;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MnemonicTest {
  private static final String ABANDON_ABOUT =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

  @Test
  void wordlistIsThePublishedFile() throws IOException {
    byte[] file;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("bip39/english.txt")) {
      file = in.readAllBytes();
    }
    // The hash every BIP-39 implementation pins for bitcoin/bips bip-0039/english.txt.
    assertEquals("2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda",
        HexFormat.of().formatHex(Sha256.hash(file)));
    List<String> words = Bip39Wordlist.words();
    assertEquals(2048, words.size());
    assertEquals(2048, new HashSet<>(words).size(), "unique");
    assertEquals(words.stream().sorted().toList(), words, "sorted, so binary search finds every word");
    assertEquals(2048, new HashSet<>(words.stream().map(w -> w.substring(0, Math.min(4, w.length()))).toList()).size(),
        "the first four letters identify a word");
  }

  @ParameterizedTest
  @ValueSource(ints = {128, 160, 192, 224, 256})
  void generatedPhrasesParseBackToTheirEntropy(int bits) {
    Mnemonic mnemonic = Mnemonic.generate(bits, SeededRandom.of(bits));
    assertEquals(bits / 32 * 3, mnemonic.wordCount());
    Mnemonic parsed = Mnemonic.parse(mnemonic.phrase());
    assertEquals(mnemonic, parsed);
    assertArrayEquals(mnemonic.entropy(), parsed.entropy());
    assertEquals(bits / 8, parsed.entropy().length);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 96, 127, 129, 288, 512})
  void strengthMustBeABip39Size(int bits) {
    assertThrows(IllegalArgumentException.class, () -> Mnemonic.generate(bits, SeededRandom.of(1)));
  }

  @Test
  void unknownWordIsNamedWithItsPosition() {
    MnemonicException e = assertThrows(MnemonicException.class,
        () -> Mnemonic.parse(ABANDON_ABOUT.replaceFirst("abandon abandon abandon", "abandon abandon abandn")));
    assertEquals(Reason.UNKNOWN_WORD, e.reason());
    assertEquals("word is not in the BIP-39 English wordlist: 'abandn' (word 3)", e.getMessage());
  }

  @Test
  void wordsAreCaseSensitiveAsInTheList() {
    assertEquals(Reason.UNKNOWN_WORD,
        assertThrows(MnemonicException.class, () -> Mnemonic.parse(ABANDON_ABOUT.replace("about", "About"))).reason());
  }

  @ParameterizedTest
  @CsvSource({"0, ''", "11, abandon", "13, abandon", "25, abandon", "27, abandon"})
  void wordCountMustBeABip39Length(int count, String word) {
    String phrase = String.join(" ", Collections.nCopies(count, word));
    MnemonicException e = assertThrows(MnemonicException.class, () -> Mnemonic.parse(phrase));
    assertEquals(Reason.WRONG_WORD_COUNT, e.reason());
    assertTrue(e.getMessage().endsWith("got " + count), e.getMessage());
  }

  @Test
  void badChecksumIsRefused() {
    MnemonicException e = assertThrows(MnemonicException.class, () -> Mnemonic.parse(ABANDON_ABOUT.replace("about", "abandon")));
    assertEquals(Reason.BAD_CHECKSUM, e.reason());
  }

  @Test
  void overlongInputIsRefusedUnsplit() {
    assertEquals(Reason.PHRASE_TOO_LONG,
        assertThrows(MnemonicException.class, () -> Mnemonic.parse(" ".repeat(Mnemonic.PHRASE_CHARS_MAX + 1))).reason());
  }

  @Test
  void extraWhitespaceIsToleratedAndDropped() {
    Mnemonic parsed = Mnemonic.parse("  " + ABANDON_ABOUT.replace(" ", " \t\n ") + "\n");
    assertEquals(ABANDON_ABOUT, parsed.phrase());
    assertArrayEquals(Mnemonic.parse(ABANDON_ABOUT).toSeed(""), parsed.toSeed(""));
  }

  @Test
  void passphraseIsNfkdNormalized() {
    Mnemonic mnemonic = Mnemonic.parse(ABANDON_ABOUT);
    String composed = "caf\u00e9";
    String decomposed = "cafe\u0301";
    assertArrayEquals(mnemonic.toSeed(decomposed), mnemonic.toSeed(composed));
    assertFalse(Arrays.equals(mnemonic.toSeed(""), mnemonic.toSeed(composed)));
  }

  @Test
  void toStringRedactsTheWords() {
    assertEquals("Mnemonic[12 words, redacted]", Mnemonic.parse(ABANDON_ABOUT).toString());
  }
}
