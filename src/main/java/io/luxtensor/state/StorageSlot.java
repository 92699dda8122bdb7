package io.luxtensor.state;

import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import java.util.Comparator;

/**
 * A storage slot of an account: the key of the flat storage state.
 *
 * @param address the account
 * @param slot the 32-byte slot
 */
public record StorageSlot(Address address, Hash slot) implements Comparable<StorageSlot> {
  private static final Comparator<StorageSlot> ORDER =
      Comparator.comparing(StorageSlot::address).thenComparing(StorageSlot::slot);

  /** address (20 bytes) || slot (32 bytes): ordered by account, so an account's slots are adjacent. */
  public byte[] toKey() {
    byte[] key = new byte[Address.LENGTH + Hash.LENGTH];
    System.arraycopy(address.toBytes(), 0, key, 0, Address.LENGTH);
    System.arraycopy(slot.toBytes(), 0, key, Address.LENGTH, Hash.LENGTH);
    return key;
  }

  @Override
  public int compareTo(StorageSlot other) {
    return ORDER.compare(this, other);
  }
}
