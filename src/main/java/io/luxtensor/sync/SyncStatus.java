package io.luxtensor.sync;

import java.util.Objects;

/** Where a {@link DownloadScheduler} stands. */
public sealed interface SyncStatus {

  /** Blocks remain to be downloaded or imported; waiting for peers is part of this. */
  record Downloading() implements SyncStatus {}

  /** Every block of the range was imported. */
  record Complete() implements SyncStatus {}

  /**
   * A batch failed on more distinct peers than the retries allow; the scheduler asks nothing more. The driver may
   * choose a new target and start again, with the bans kept.
   *
   * @param fromNumber the first block of the batch
   * @param toNumber its last block
   * @param reason what went wrong on the last peer, and how many failed it
   */
  record Failed(long fromNumber, long toNumber, String reason) implements SyncStatus {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
