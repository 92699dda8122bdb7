package io.luxtensor.types;

/** The EIP-2718 transaction types LuxTensor accepts. */
public enum TransactionType {
  /** Untyped RLP list; EIP-155 replay protection (pre-155 decodes but is refused by default). */
  LEGACY(0),
  /** EIP-2930: chain id and access list. */
  ACCESS_LIST(1),
  /** EIP-1559: priority fee and fee cap over the block's base fee. */
  DYNAMIC_FEE(2);

  private final int id;

  TransactionType(int id) {
    this.id = id;
  }

  /** The type byte of the EIP-2718 envelope (0 for legacy, which has none on the wire). */
  public int id() {
    return id;
  }
}
