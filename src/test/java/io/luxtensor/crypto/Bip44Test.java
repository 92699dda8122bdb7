package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.luxtensor.bytes.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The development accounts of Hardhat and Foundry (anvil), which every Ethereum developer has seen: the mnemonic
 * "test test ... junk" without passphrase at m/44'/60'/0'/0/i. Keys and addresses as those tools print them.
 */
class Bip44Test {
  private static final Mnemonic HARDHAT = Mnemonic.parse("test test test test test test test test test test test junk");
  private static final byte[] SEED = HARDHAT.toSeed("");

  @ParameterizedTest(name = "account {0}")
  @CsvSource({
      "0, 0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80, 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
      "1, , 0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
      "2, , 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"})
  void hardhatAccounts(int index, String privateKey, String address) {
    PrivateKey key = Bip44.ethereumKey(SEED, index);
    if (privateKey != null) {
      assertEquals(privateKey, Hex.encode(key.toBytes()));
    }
    assertEquals(address.toLowerCase(), Hex.encode(key.publicKey().address()));
  }

  @Test
  void ethereumPath() {
    assertEquals("m/44'/60'/0'/0/7", Bip44.ethereumPath(7).toString());
    assertEquals(Bip32Exception.Reason.INDEX_OUT_OF_RANGE,
        assertThrows(Bip32Exception.class, () -> Bip44.ethereumPath(-1)).reason());
  }
}
