package io.luxtensor.types;

import java.util.List;

/**
 * One entry of an EIP-2930 access list: an address and the storage keys a transaction declares it will touch.
 *
 * @param address the account
 * @param storageKeys its storage slots
 */
public record AccessListEntry(Address address, List<Hash> storageKeys) {
  public AccessListEntry {
    storageKeys = List.copyOf(storageKeys);
  }
}
