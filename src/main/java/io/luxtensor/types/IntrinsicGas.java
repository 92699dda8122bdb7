package io.luxtensor.types;

import io.luxtensor.bytes.Bytes;
import java.util.List;

/** The gas a transaction costs before any execution, by the rules of Ethereum's Shanghai/Cancun forks. */
public final class IntrinsicGas {
  /** The intrinsic gas of a plain transfer: the least any transaction costs. */
  public static final long TRANSFER = 21_000;
  static final long CONTRACT_CREATION = 53_000;
  static final long DATA_ZERO_BYTE = 4;
  static final long DATA_NONZERO_BYTE = 16;
  static final long ACCESS_LIST_ADDRESS = 2_400;
  static final long ACCESS_LIST_STORAGE_KEY = 1_900;
  /** EIP-3860: per 32-byte word of init code. */
  static final long INIT_CODE_WORD = 2;

  private IntrinsicGas() {}

  static long of(Transaction tx) {
    return of(tx.to().isPresent(), tx.data(), tx.accessList());
  }

  /** The intrinsic gas of a message with these fields (for calls that are not signed transactions). */
  public static long of(boolean hasRecipient, Bytes data, List<AccessListEntry> accessList) {
    boolean creation = !hasRecipient;
    long gas = creation ? CONTRACT_CREATION : TRANSFER;
    int length = data.length();
    for (int i = 0; i < length; i++) {
      gas += data.get(i) == 0 ? DATA_ZERO_BYTE : DATA_NONZERO_BYTE;
    }
    for (AccessListEntry entry : accessList) {
      gas += ACCESS_LIST_ADDRESS + ACCESS_LIST_STORAGE_KEY * entry.storageKeys().size();
    }
    if (creation) {
      gas += INIT_CODE_WORD * ((length + 31L) / 32);
    }
    return gas;
  }
}
