/**
 * Yuma consensus as ../shared/spec/yuma.md states it (subtensor's classic epoch): masks, validator permits,
 * stake-weighted median consensus, clipping, ranks and incentive, bonds as an exponential moving average, dividends
 * and the emission split, all in unsigned fixed point with 32 fractional bits ({@link io.luxtensor.ai.yuma.Fixed}),
 * stored as u16 proportions as subtensor stores them.
 */
package io.luxtensor.ai.yuma;
