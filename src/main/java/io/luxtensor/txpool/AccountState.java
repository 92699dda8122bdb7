package io.luxtensor.txpool;

import io.luxtensor.types.Address;
import io.luxtensor.types.Wei;

/**
 * The accounts at the head the pool sits on: an immutable view (a state snapshot), unchanged until the pool is
 * given a new head. An account that does not exist has nonce 0 and balance 0.
 */
public interface AccountState {

  /** The account's nonce: the nonce its next transaction must carry (unsigned). */
  long nonce(Address account);

  Wei balance(Address account);
}
