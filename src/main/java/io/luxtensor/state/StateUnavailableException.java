package io.luxtensor.state;

/**
 * The state asked for is not kept: the block is older than the states a node keeps (a node started by state sync
 * has none before its checkpoint; one with a state history deletes older states). The message says which are kept.
 */
public final class StateUnavailableException extends RuntimeException {
  public StateUnavailableException(String message) {
    super(message);
  }
}
