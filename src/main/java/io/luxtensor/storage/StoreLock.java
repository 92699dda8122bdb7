package io.luxtensor.storage;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps the engines' native and file handles alive while they are used, and batches whole in readers' eyes.
 * Reads (and RocksDB's commits, atomic on their own) hold the lock shared; the memory store's commits, which apply
 * one write at a time, hold it exclusively; closing holds it exclusively and marks the store closed for everyone after.
 */
final class StoreLock {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final StorageEngine engine;
  private final String location;
  private boolean closed;

  /** {@code location} names the database in messages: "database at /data/db", "in-memory database". */
  StoreLock(StorageEngine engine, String location) {
    this.engine = engine;
    this.location = location;
  }

  <T> T shared(String operation, Supplier<T> action) {
    lock.readLock().lock();
    try {
      checkOpen(operation);
      return action.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Applies a batch: exclusively if the engine applies writes one at a time, else shared with reads. Either way not
   * from inside a scan of the same store, so that the engines agree on what a visitor may do.
   */
  void commit(boolean exclusive, Runnable apply) {
    if (!exclusive) {
      checkNotInsideScan("commit");
      shared("commit", () -> {
        apply.run();
        return null;
      });
      return;
    }
    lockExclusively("commit");
    try {
      checkOpen("commit");
      apply.run();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Waits for the reads and commits in progress, then runs {@code release} unless the store was closed before. */
  void close(Runnable release) {
    lockExclusively("close");
    try {
      if (!closed) {
        closed = true;
        release.run();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void lockExclusively(String operation) {
    checkNotInsideScan(operation);
    lock.writeLock().lock();
  }

  private void checkNotInsideScan(String operation) {
    if (lock.getReadHoldCount() > 0) {
      throw new IllegalStateException(operation + " from inside a scan of the same store");
    }
  }

  private void checkOpen(String operation) {
    if (closed) {
      throw new StorageException(engine, operation, location + " is closed");
    }
  }
}
