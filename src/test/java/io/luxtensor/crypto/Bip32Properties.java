package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.web3j.crypto.Bip32ECKeyPair;

/** Our BIP-32 derivation against web3j's, and serialization round trips, over random seeds and paths. */
class Bip32Properties {

  @Property(tries = 200)
  void derivesTheKeysWeb3jDerives(@ForAll @Size(min = 16, max = 64) byte[] seed, @ForAll("paths") List<Integer> indices) {
    PrivateKey ours = ExtendedPrivateKey.fromSeed(seed).derive(new DerivationPath(indices)).privateKey();
    int[] path = indices.stream().mapToInt(Integer::intValue).toArray();
    Bip32ECKeyPair theirs = Bip32ECKeyPair.deriveKeyPair(Bip32ECKeyPair.generateKeyPair(seed), path);
    assertEquals(theirs.getPrivateKey(), ours.scalar());
  }

  @Property(tries = 200)
  void serializedKeysParseBack(@ForAll @Size(min = 16, max = 64) byte[] seed, @ForAll("paths") List<Integer> indices) {
    ExtendedPrivateKey key = ExtendedPrivateKey.fromSeed(seed).derive(new DerivationPath(indices));
    assertEquals(key, ExtendedKey.parse(key.toBase58()));
    assertEquals(key.neuter(), ExtendedKey.parse(key.neuter().toBase58()));
  }

  @Provide
  Arbitrary<List<Integer>> paths() {
    return Arbitraries.integers().list().ofMaxSize(6);
  }
}
