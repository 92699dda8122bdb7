package io.luxtensor.execution.system;

import io.luxtensor.execution.BlockContext;
import io.luxtensor.state.WorldState;
import io.luxtensor.types.Address;
import io.luxtensor.types.Wei;

/**
 * A call into a system contract. The value has already moved to the contract's balance; if the call reverts, the
 * caller undoes that and every state change the contract made.
 *
 * @param state the state to read and change
 * @param block the block being executed
 * @param caller the transaction's sender
 * @param value wei sent with the call
 * @param input the calldata: selector and ABI-encoded arguments
 * @param gasAvailable gas left after intrinsic gas
 */
public record SystemCall(WorldState state, BlockContext block, Address caller, Wei value, byte[] input,
    long gasAvailable) {}
