package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.web3j.crypto.MnemonicUtils;

/** Our BIP-39 against web3j's, an independent implementation. */
class MnemonicProperties {

  @Property(tries = 300)
  void phraseMatchesWeb3j(@ForAll("entropy") byte[] entropy) {
    String phrase = Mnemonic.fromEntropy(entropy).phrase();
    assertEquals(MnemonicUtils.generateMnemonic(entropy), phrase);
    assertArrayEquals(entropy, Mnemonic.parse(phrase).entropy());
  }

  @Property(tries = 50)
  void seedMatchesWeb3jForAsciiPassphrases(@ForAll("entropy") byte[] entropy, @ForAll @StringLength(max = 20) String raw) {
    String passphrase = raw.replaceAll("[^ -~]", "");
    Mnemonic mnemonic = Mnemonic.fromEntropy(entropy);
    assertArrayEquals(MnemonicUtils.generateSeed(mnemonic.phrase(), passphrase), mnemonic.toSeed(passphrase));
  }

  /** Any single word replaced by another makes a phrase that either parses (the checksum happens to hold) or is refused by type. */
  @Property(tries = 500)
  void alteredPhrasesParseOrFailTyped(@ForAll("entropy") byte[] entropy, @ForAll int position, @ForAll int word) {
    String[] words = Mnemonic.fromEntropy(entropy).phrase().split(" ");
    words[Math.floorMod(position, words.length)] = Bip39Wordlist.word(Math.floorMod(word, Bip39Wordlist.SIZE));
    try {
      Mnemonic.parse(String.join(" ", words));
    } catch (MnemonicException refused) {
      assertEquals(MnemonicException.Reason.BAD_CHECKSUM, refused.reason());
    }
  }

  @Provide
  Arbitrary<byte[]> entropy() {
    return Arbitraries.of(16, 20, 24, 28, 32).flatMap(length -> Arbitraries.bytes().array(byte[].class).ofSize(length));
  }
}
