package io.luxtensor.txpool;

/**
 * Why the pool refuses a transaction, in Geth's words: wallets and dApps match on these strings. The stateless
 * reasons (chain id, EIP-155, signature, intrinsic gas) are {@link io.luxtensor.execution.TransactionInvalidReason}'s.
 */
public enum TxPoolRejection {
  ALREADY_KNOWN("already known"),
  OVERSIZED("oversized data"),
  EXCEEDS_BLOCK_GAS_LIMIT("exceeds block gas limit"),
  /** Below the pool's minimum tip, or the pool is full and holds nothing cheaper to make room. */
  UNDERPRICED("transaction underpriced"),
  FEE_CAP_BELOW_BASE_FEE("max fee per gas less than block base fee"),
  NONCE_TOO_LOW("nonce too low"),
  INSUFFICIENT_FUNDS("insufficient funds for gas * price + value"),
  SENDER_LIMIT("account limit exceeded"),
  REPLACEMENT_UNDERPRICED("replacement transaction underpriced"),
  /** The pool is full and this transaction may not displace enough of what is in it. */
  POOL_FULL("txpool is full");

  private final String message;

  TxPoolRejection(String message) {
    this.message = message;
  }

  public String message() {
    return message;
  }
}
