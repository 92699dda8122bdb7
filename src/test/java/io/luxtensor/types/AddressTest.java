package io.luxtensor.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {

  /** The examples of EIP-55 itself (all caps, all lower, and mixed case). */
  @ParameterizedTest
  @ValueSource(strings = {
      "0x52908400098527886E0F7030069857D2E4169EE7",
      "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
      "0xde709f2102306220921060314715629080e2fb77",
      "0x27b1fdb04752bbc536007a920d24acb045561c26",
      "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
      "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
      "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
      "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"})
  void eip55ExamplesRoundTrip(String checksummed) {
    Address address = Address.fromHex(checksummed.toLowerCase());
    assertEquals(checksummed, address.toChecksumHex());
    assertEquals(address, Address.fromHex(checksummed));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", // last letter's case flipped
      "0xfb6916095ca1df60bB79Ce92cE3Ea74c37c5d359"})
  void mixedCaseWithWrongChecksumIsRejected(String text) {
    assertThrows(AddressFormatException.class, () -> Address.fromHex(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0x", "0x1234", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00", "0xzzAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"})
  void malformedTextIsRejected(String text) {
    assertThrows(AddressFormatException.class, () -> Address.fromHex(text));
  }
}
