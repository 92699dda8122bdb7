/**
 * Proof of stake: the validator set, the proposer schedule (stake-weighted, seeded by the RANDAO mix that proposers'
 * ECVRF outputs feed), votes, and finality (a checkpoint is justified by votes of two thirds of the stake, and
 * finalized when the next checkpoint is justified from it).
 *
 * <p>Pure core: imports {@code bytes}, {@code rlp}, {@code crypto} and {@code types}; no clock (slots come in as
 * numbers), no randomness (the mix is the only seed), no floating point.
 */
package io.luxtensor.consensus;
