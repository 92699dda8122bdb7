package io.luxtensor.sync;

import java.util.Objects;

/**
 * A sync started ({@code syncing}) or ended, with where it stood then: at the start the block it starts from and the
 * one it aims at, at the end the block it reached.
 */
public record SyncEvent(boolean syncing, SyncProgress progress) {
  public SyncEvent {
    Objects.requireNonNull(progress, "progress");
  }
}
