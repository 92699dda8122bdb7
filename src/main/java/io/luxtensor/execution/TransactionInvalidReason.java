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
  INIT_CODE_TOO_LARGE("max initcode size exceeded");

  private final String message;

  TransactionInvalidReason(String message) {
    this.message = message;
  }

  public String message() {
    return message;
  }
}
