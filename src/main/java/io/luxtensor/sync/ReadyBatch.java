package io.luxtensor.sync;

import java.util.List;
import java.util.Objects;

/**
 * Downloaded blocks ready to import, handed out in order by {@link DownloadScheduler#nextReady}.
 *
 * @param fromNumber the number of the first item
 * @param items one per number from {@code fromNumber}, at least one
 * @param peer who sent them, to blame if the import finds them bad
 * @param <T> headers or bodies
 */
public record ReadyBatch<T>(long fromNumber, List<T> items, PeerId peer) {
  public ReadyBatch {
    items = List.copyOf(items);
    Objects.requireNonNull(peer, "peer");
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a ready batch holds at least one item");
    }
  }

  /** The number of the last item. */
  public long toNumber() {
    return fromNumber + items.size() - 1;
  }
}
