package io.luxtensor.sync;

import java.util.Objects;

/**
 * A request the scheduler decided: ask {@code peer} for {@code count} blocks (headers or bodies) from
 * {@code fromNumber}. The driver sends it and reports the answer with {@link DownloadScheduler#onResponse}; after
 * {@code deadlineMillis} the scheduler gives up on it at the next {@link DownloadScheduler#poll}.
 *
 * @param requestId unique within its scheduler, increasing from 1; the wire request id
 */
public record Request(long requestId, PeerId peer, long fromNumber, int count, long deadlineMillis) {
  public Request {
    Objects.requireNonNull(peer, "peer");
    if (count < 1) {
      throw new IllegalArgumentException("a request asks for at least one block, got " + count);
    }
  }

  /** The last block number asked for. */
  public long toNumber() {
    return fromNumber + count - 1;
  }
}
