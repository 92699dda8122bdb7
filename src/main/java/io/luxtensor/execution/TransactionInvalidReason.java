package io.luxtensor.execution;

/** Why a transaction is refused, with Geth's wording where Geth has one so wallets recognise the error. */
public enum TransactionInvalidReason {
  INVALID_SIGNATURE("invalid sender"),
  WRONG_CHAIN_ID("invalid chain id"),
  UNPROTECTED("only replay-protected (EIP-155) transactions allowed over RPC"),
  NONCE_MAX("nonce has max value"),
  INTRINSIC_GAS_TOO_LOW("intrinsic gas too low"),
  TIP_ABOVE_FEE_CAP("max priority fee per gas higher than max fee per gas"),
  FEE_TIMES_GAS_OVERFLOW("gas limit * max fee per gas exceeds 2^256-1"),
  INIT_CODE_TOO_LARGE("max initcode size exceeded"),
  NONCE_TOO_LOW("nonce too low"),
  NONCE_TOO_HIGH("nonce too high"),
  INSUFFICIENT_FUNDS("insufficient funds for gas * price + value"),
  FEE_CAP_BELOW_BASE_FEE("max fee per gas less than block base fee"),
  EXCEEDS_BLOCK_GAS_LIMIT("exceeds block gas limit"),
  /** The transaction would fit an empty block but not what is left of this one. */
  BLOCK_GAS_EXHAUSTED("gas limit reached"),
  CONTRACT_CREATION_UNSUPPORTED("contract creation is not supported: LuxTensor has no general EVM yet");

  private final String message;

  TransactionInvalidReason(String message) {
    this.message = message;
  }

  public String message() {
    return message;
  }
}
