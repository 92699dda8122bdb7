package io.luxtensor.chain;

import io.luxtensor.types.Hash;

/**
 * Where an included transaction is.
 *
 * @param blockHash the block holding it
 * @param index its position in the block
 */
public record TransactionLocation(Hash blockHash, int index) {}
