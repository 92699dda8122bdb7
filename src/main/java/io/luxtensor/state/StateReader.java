package io.luxtensor.state;

import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import java.math.BigInteger;

/** Reading accounts and storage; {@link Account#EMPTY} and zero for what was never written. */
public interface StateReader {

  Account account(Address address);

  /** The 256-bit word in {@code address}'s storage at {@code slot}. */
  BigInteger storage(Address address, Hash slot);
}
