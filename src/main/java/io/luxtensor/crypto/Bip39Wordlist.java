package io.luxtensor.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** The BIP-39 English wordlist (resource {@code bip39/english.txt}): 2048 sorted words, an 11-bit index each. */
final class Bip39Wordlist {
  static final int SIZE = 2048;
  static final String RESOURCE = "bip39/english.txt";
  /** The hash of bitcoin/bips bip-0039/english.txt; any other list would turn written-down phrases into other keys. */
  static final String SHA256 = "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda";

  private static final String[] WORDS = load();

  private Bip39Wordlist() {}

  static String word(int index) {
    return WORDS[index];
  }

  /** The index of {@code word}, or -1 if it is not in the list. */
  static int indexOf(String word) {
    int index = Arrays.binarySearch(WORDS, word);
    return index >= 0 ? index : -1;
  }

  static List<String> words() {
    return List.of(WORDS);
  }

  private static String[] load() {
    byte[] bytes;
    try (InputStream in = Bip39Wordlist.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    String hash = HexFormat.of().formatHex(Sha256.hash(bytes));
    if (!hash.equals(SHA256)) {
      throw new IllegalStateException(RESOURCE + " has SHA-256 " + hash + ", not the BIP-39 list's " + SHA256);
    }
    String[] words = new String(bytes, StandardCharsets.US_ASCII).split("\n");
    if (words.length != SIZE) {
      throw new IllegalStateException(RESOURCE + " has " + words.length + " words, not " + SIZE);
    }
    return words;
  }
}
