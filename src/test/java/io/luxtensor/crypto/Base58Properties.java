package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class Base58Properties {

  @Property(tries = 500)
  void roundTrips(@ForAll @Size(max = 100) byte[] data) {
    assertArrayEquals(data, Base58.decode(Base58.encode(data)));
    assertArrayEquals(data, Base58.decodeChecked(Base58.encodeChecked(data)));
  }
}
