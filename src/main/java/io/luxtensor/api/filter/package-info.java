/**
 * Log criteria and the filters of eth_newFilter, eth_newBlockFilter and eth_newPendingTransactionFilter: what they
 * match, what they buffer between polls, when they expire.
 *
 * <p>{@link io.luxtensor.api.filter.FilterRegistry} is the state, owned by one thread and driven by arguments (the
 * clock, the random ids, the chain's events); {@link io.luxtensor.api.filter.FilterManager} is that thread, fed by
 * the chain's head and pending-transaction listeners without ever blocking them. May import the core; not
 * {@code api.jsonrpc}, which uses this package.
 */
package io.luxtensor.api.filter;
