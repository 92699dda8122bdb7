/**
 * The ModernTensor AI network as the chain keeps it: subnets, neurons (UIDs with hotkeys and coldkeys), stake and
 * delegation, weights with commit-reveal, AI tasks, and Yuma consensus ({@code ai.yuma}), which turns a subnet's
 * stake-weighted weights into incentive for miners and dividends for validators every tempo.
 *
 * <p>Pure core: imports {@code bytes}, {@code rlp}, {@code crypto} and {@code types}; no clock (blocks come in as
 * numbers), no randomness, and no floating point: every node must compute the same numbers.
 */
package io.luxtensor.ai;
