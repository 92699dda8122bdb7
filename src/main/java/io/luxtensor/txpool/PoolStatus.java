package io.luxtensor.txpool;

/** How many transactions the pool holds (txpool_status). */
public record PoolStatus(int pending, int queued) {}
