package io.luxtensor.crypto;

import io.luxtensor.crypto.MnemonicException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A valid BIP-39 mnemonic in the English wordlist: 12 to 24 words encoding 128 to 256 bits of entropy and a checksum.
 * It is a secret: {@code toString} shows only the word count.
 */
public final class Mnemonic {
  public static final int ENTROPY_BITS_MIN = 128;
  public static final int ENTROPY_BITS_MAX = 256;
  /** 24 words of at most 8 letters with single spaces take 215 characters; the rest is room for stray whitespace. */
  public static final int PHRASE_CHARS_MAX = 1024;
  private static final int BITS_PER_WORD = 11;
  private static final int SEED_ITERATIONS = 2048;
  private static final int SEED_LENGTH = 64;

  private final List<String> words;

  private Mnemonic(List<String> words) {
    this.words = List.copyOf(words);
  }

  /** The mnemonic of {@code entropy}: 16, 20, 24, 28 or 32 bytes. */
  public static Mnemonic fromEntropy(byte[] entropy) {
    int entropyBits = entropy.length * 8;
    checkEntropyBits(entropyBits);
    int checksumBits = entropyBits / 32;
    byte[] bits = Arrays.copyOf(entropy, entropy.length + 1);
    bits[entropy.length] = Sha256.hash(entropy)[0];
    List<String> words = new ArrayList<>();
    for (int offset = 0; offset < entropyBits + checksumBits; offset += BITS_PER_WORD) {
      words.add(Bip39Wordlist.word(readBits(bits, offset, BITS_PER_WORD)));
    }
    return new Mnemonic(words);
  }

  /** A fresh mnemonic of {@code strengthBits} (128, 160, 192, 224 or 256) bits of entropy from {@code random}. */
  public static Mnemonic generate(int strengthBits, SecureRandom random) {
    checkEntropyBits(strengthBits);
    byte[] entropy = new byte[strengthBits / 8];
    random.nextBytes(entropy);
    try {
      return fromEntropy(entropy);
    } finally {
      Arrays.fill(entropy, (byte) 0);
    }
  }

  /**
   * The mnemonic written in {@code phrase}: its words (NFKD-normalized, lowercase as in the list) separated by any
   * whitespace.
   *
   * @throws MnemonicException naming the unknown word, or for a wrong word count or checksum
   */
  public static Mnemonic parse(String phrase) {
    if (phrase.length() > PHRASE_CHARS_MAX) {
      throw new MnemonicException(Reason.PHRASE_TOO_LONG, phrase.length() + " characters, over " + PHRASE_CHARS_MAX);
    }
    String normalized = Normalizer.normalize(phrase, Normalizer.Form.NFKD).strip();
    List<String> words = normalized.isEmpty() ? List.of() : List.of(normalized.split("\\s+"));
    int wordCount = words.size();
    if (wordCount % 3 != 0 || wordCount < ENTROPY_BITS_MIN / 32 * 3 || wordCount > ENTROPY_BITS_MAX / 32 * 3) {
      throw new MnemonicException(Reason.WRONG_WORD_COUNT, "got " + wordCount);
    }
    for (int i = 0; i < wordCount; i++) {
      if (Bip39Wordlist.indexOf(words.get(i)) < 0) {
        throw new MnemonicException(Reason.UNKNOWN_WORD, "'" + printable(words.get(i)) + "' (word " + (i + 1) + ")");
      }
    }
    Mnemonic mnemonic = new Mnemonic(words);
    int checksumBits = wordCount * BITS_PER_WORD / 33;
    int checksum = readBits(mnemonic.packedBits(), wordCount * BITS_PER_WORD - checksumBits, checksumBits);
    if (checksum != (Sha256.hash(mnemonic.entropy())[0] & 0xff) >>> (8 - checksumBits)) {
      throw new MnemonicException(Reason.BAD_CHECKSUM, "");
    }
    return mnemonic;
  }

  /** The words joined by single spaces: the text to write down. */
  public String phrase() {
    return String.join(" ", words);
  }

  public int wordCount() {
    return words.size();
  }

  /** The entropy the words encode. */
  public byte[] entropy() {
    int totalBits = words.size() * BITS_PER_WORD;
    return Arrays.copyOf(packedBits(), (totalBits - totalBits / 33) / 8);
  }

  /**
   * The 64-byte BIP-39 seed: PBKDF2-HMAC-SHA512 of the phrase with salt "mnemonic" + passphrase, both NFKD-normalized
   * UTF-8, 2048 rounds. Every passphrase gives a seed; only the right one gives the wallet.
   */
  public byte[] toSeed(String passphrase) {
    byte[] password = nfkdUtf8(phrase());
    byte[] salt = nfkdUtf8("mnemonic" + passphrase);
    try {
      return Pbkdf2.hmacSha512(password, salt, SEED_ITERATIONS, SEED_LENGTH);
    } finally {
      Arrays.fill(password, (byte) 0);
      Arrays.fill(salt, (byte) 0);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Mnemonic other
        && MessageDigest.isEqual(phrase().getBytes(StandardCharsets.UTF_8), other.phrase().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return words.size();
  }

  @Override
  public String toString() {
    return "Mnemonic[" + words.size() + " words, redacted]";
  }

  /** The words' 11-bit indices back to back: entropy, then checksum. */
  private byte[] packedBits() {
    byte[] bits = new byte[(words.size() * BITS_PER_WORD + 7) / 8];
    for (int i = 0; i < words.size(); i++) {
      writeBits(bits, i * BITS_PER_WORD, BITS_PER_WORD, Bip39Wordlist.indexOf(words.get(i)));
    }
    return bits;
  }

  private static void checkEntropyBits(int bits) {
    if (bits < ENTROPY_BITS_MIN || bits > ENTROPY_BITS_MAX || bits % 32 != 0) {
      throw new IllegalArgumentException("BIP-39 entropy is 128 to 256 bits in steps of 32, got " + bits);
    }
  }

  /** {@code count} bits of {@code bytes} starting at bit {@code offset}, most significant first. */
  private static int readBits(byte[] bytes, int offset, int count) {
    int value = 0;
    for (int i = offset; i < offset + count; i++) {
      value = (value << 1) | ((bytes[i / 8] >>> (7 - i % 8)) & 1);
    }
    return value;
  }

  private static void writeBits(byte[] bytes, int offset, int count, int value) {
    for (int i = 0; i < count; i++) {
      if (((value >>> (count - 1 - i)) & 1) != 0) {
        int bit = offset + i;
        bytes[bit / 8] |= (byte) (0x80 >>> (bit % 8));
      }
    }
  }

  private static byte[] nfkdUtf8(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
  }

  private static String printable(String word) {
    String shown = word.length() <= 16 ? word : word.substring(0, 16) + "...";
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
