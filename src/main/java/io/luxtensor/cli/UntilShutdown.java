package io.luxtensor.cli;

import io.luxtensor.node.LuxtensorNode;
import java.util.concurrent.CountDownLatch;

/** Keeps a command running until the process is asked to stop (Ctrl-C, SIGTERM), then closes the node cleanly. */
final class UntilShutdown {
  private UntilShutdown() {}

  static void run(LuxtensorNode node) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      node.close();
      stopped.countDown();
    }, "luxtensor-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
