package io.luxtensor.p2p.transport;

/** Receives the messages of one connection, in order, on its event loop. */
@FunctionalInterface
public interface MessageHandler {
  void onMessage(int type, byte[] payload);
}
