package io.luxtensor.sync;

import java.util.List;
import java.util.Objects;

/**
 * How a peer answered a {@link Request}, as the driver saw it after checking the data (links, roots, signatures).
 *
 * @param <T> what is fetched: headers or bodies
 */
public sealed interface Outcome<T> {

  /**
   * Valid items for the first {@code items.size()} numbers of the request, in order. All of them completes the
   * batch; fewer is a short answer whose rest is asked again; none is an empty answer; more breaks the protocol.
   *
   * @param sizeCapped the answer stopped at the server's response size budget: short through no fault of the peer
   *     (a batch of full blocks outgrows one response), so it is not scored down
   */
  record Delivered<T>(List<T> items, boolean sizeCapped) implements Outcome<T> {
    public Delivered {
      items = List.copyOf(items);
    }

    public Delivered(List<T> items) {
      this(items, false);
    }
  }

  /** The answer failed a check the peer must have made itself; it is banned. @param reason for the log */
  record Invalid<T>(String reason) implements Outcome<T> {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
