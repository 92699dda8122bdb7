package io.luxtensor.p2p.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.crypto.PublicKey;
import io.luxtensor.sync.PeerId;
import io.luxtensor.testing.SeededRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeAddressTest {
  private static final PublicKey KEY = PrivateKey.random(SeededRandom.of(7)).publicKey();
  private static final String HEX = Hex.encodeNoPrefix(KEY.toBytes());

  @Test
  void parsesAndPrintsBack() {
    NodeAddress address = NodeAddress.parse("lux://" + HEX + "@10.0.0.1:30303");
    assertEquals(new NodeAddress(KEY, "10.0.0.1", 30303), address);
    assertEquals("lux://" + HEX + "@10.0.0.1:30303", address.toString());
    assertEquals(PeerId.of(KEY), address.peerId());
  }

  @Test
  void ipv6HostsAreBracketed() {
    NodeAddress address = NodeAddress.parse("lux://" + HEX + "@[::1]:9000");
    assertEquals("::1", address.host());
    assertEquals(address, NodeAddress.parse(address.toString()));
    assertTrue(address.toString().endsWith("@[::1]:9000"));
  }

  @Test
  void uppercaseKeyHexIsAccepted() {
    assertEquals(KEY, NodeAddress.parse("lux://" + HEX.toUpperCase() + "@node.example:1").key());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "enode://KEY@h:1           | starts with lux://",
      "lux://KEYh:1              | '@'",
      "lux://KEY@host            | host:port",
      "lux://KEY@:1              | host is empty",
      "lux://KEY@host:0          | port must be 1-65535",
      "lux://KEY@host:65536      | port must be 1-65535",
      "lux://KEY@host:-1         | decimal number",
      "lux://KEY@host:           | decimal number",
      "lux://KEY@host:12a        | decimal number",
      "lux://KEY@::1:9000        | must be in brackets",
      "lux://KEY@[::1:9000       | unbalanced brackets",
      "lux://KEY@[1.2.3.4]:9000  | IPv6 hosts only",
      "lux://KEY@ho st:1         | invalid character",
      "lux://KEY@a/b:1           | invalid character",
      "lux://abcd@host:1         | 128 hex digits",
      "lux://0xKEY@host:1        | 128 hex digits",
      "lux://NOTHEX@host:1       | not hex",
      "lux://OFFCURVE@host:1     | not a secp256k1 public key",
  })
  void malformedPartsAreNamed(String template, String expected) {
    String text = template.replace("KEY", HEX).replace("NOTHEX", "zz" + HEX.substring(2))
        .replace("OFFCURVE", "00".repeat(64));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NodeAddress.parse(text));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
