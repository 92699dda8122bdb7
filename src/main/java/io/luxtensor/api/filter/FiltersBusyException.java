package io.luxtensor.api.filter;

/** The filter thread has {@link FilterManager#TASKS_QUEUED_MAX} tasks waiting: the request is refused, not queued. */
public final class FiltersBusyException extends Exception {
  public FiltersBusyException(String message) {
    super(message, null, false, false);
  }
}
