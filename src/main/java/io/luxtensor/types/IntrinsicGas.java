package io.luxtensor.types;

/** The gas a transaction costs before any execution, by the rules of Ethereum's Shanghai/Cancun forks. */
final class IntrinsicGas {
  static final long TRANSACTION = 21_000;
  static final long CONTRACT_CREATION = 53_000;
  static final long DATA_ZERO_BYTE = 4;
  static final long DATA_NONZERO_BYTE = 16;
  static final long ACCESS_LIST_ADDRESS = 2_400;
  static final long ACCESS_LIST_STORAGE_KEY = 1_900;
  /** EIP-3860: per 32-byte word of init code. */
  static final long INIT_CODE_WORD = 2;

  private IntrinsicGas() {}

  static long of(Transaction tx) {
    boolean creation = tx.to().isEmpty();
    long gas = creation ? CONTRACT_CREATION : TRANSACTION;
    int length = tx.data().length();
    for (int i = 0; i < length; i++) {
      gas += tx.data().get(i) == 0 ? DATA_ZERO_BYTE : DATA_NONZERO_BYTE;
    }
    for (AccessListEntry entry : tx.accessList()) {
      gas += ACCESS_LIST_ADDRESS + ACCESS_LIST_STORAGE_KEY * entry.storageKeys().size();
    }
    if (creation) {
      gas += INIT_CODE_WORD * ((length + 31L) / 32);
    }
    return gas;
  }
}
