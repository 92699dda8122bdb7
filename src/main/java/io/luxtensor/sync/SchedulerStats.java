package io.luxtensor.sync;

/**
 * What a {@link DownloadScheduler} has done so far, for logs and metrics.
 *
 * @param requests requests handed out
 * @param retries batches (or rests of batches) queued again after a failed or short answer
 * @param timeouts requests that passed their deadline
 * @param bans peers this scheduler banned
 * @param peersUsed distinct peers that were sent a request
 * @param busyPeers peers with a request in flight now
 */
public record SchedulerStats(long requests, long retries, long timeouts, long bans, int peersUsed, int busyPeers) {}
