package io.luxtensor.api.graphql;

import io.luxtensor.types.Log;

/**
 * A log of an included transaction.
 *
 * @param log the event
 * @param index its position among all logs of the block
 * @param transaction the transaction that emitted it
 */
record LogView(Log log, int index, TransactionView transaction) {}
