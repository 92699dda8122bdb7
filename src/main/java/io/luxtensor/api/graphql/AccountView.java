package io.luxtensor.api.graphql;

import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;

/**
 * An account at a block's state; in the pending state, its transaction count includes the pool's transactions.
 *
 * @param address the account
 * @param at the block whose post-state is read (the head for the pending state)
 * @param pending whether this is the pending state
 */
record AccountView(Address address, BlockHeader at, boolean pending) {}
