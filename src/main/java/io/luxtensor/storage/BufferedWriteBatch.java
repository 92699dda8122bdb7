package io.luxtensor.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link WriteBatch} that collects copies of its writes (the arrays themselves for {@link #putShared}) on the heap
 * and hands them to its store's atomic apply at commit. Nothing native is held before the commit, so an abandoned
 * batch costs only garbage, and a batch cannot reach an engine that was closed meanwhile.
 */
final class BufferedWriteBatch implements WriteBatch {
  private enum State { OPEN, COMMITTED, CLOSED }

  private final Consumer<List<Write>> applyAtomically;
  private final List<Write> writes = new ArrayList<>();
  private long bytes;
  private State state = State.OPEN;

  BufferedWriteBatch(Consumer<List<Write>> applyAtomically) {
    this.applyAtomically = applyAtomically;
  }

  @Override
  public void put(Column column, byte[] key, byte[] value) {
    Objects.requireNonNull(column, "column");
    add(new Write.Put(column, Keys.checkKey(key).clone(), Keys.checkValue(value).clone()), key.length + value.length);
  }

  @Override
  public void putShared(Column column, byte[] key, byte[] value) {
    Objects.requireNonNull(column, "column");
    add(new Write.Put(column, Keys.checkKey(key), Keys.checkValue(value)), key.length + value.length);
  }

  @Override
  public void delete(Column column, byte[] key) {
    Objects.requireNonNull(column, "column");
    add(new Write.Delete(column, Keys.checkKey(key).clone()), key.length);
  }

  @Override
  public void commit() {
    checkOpen();
    state = State.COMMITTED;
    try {
      applyAtomically.accept(writes);
    } finally {
      writes.clear();
    }
  }

  @Override
  public void close() {
    if (state == State.OPEN) {
      state = State.CLOSED;
      writes.clear();
    }
  }

  private void add(Write write, long size) {
    checkOpen();
    if (writes.size() == KeyValueStore.BATCH_WRITES_MAX) {
      throw new IllegalArgumentException(
          "batch already holds " + KeyValueStore.BATCH_WRITES_MAX + " writes, the most allowed");
    }
    if (bytes + size > KeyValueStore.BATCH_BYTES_MAX) {
      throw new IllegalArgumentException("batch would hold " + (bytes + size) + " bytes of keys and values; at most "
          + KeyValueStore.BATCH_BYTES_MAX + " allowed");
    }
    writes.add(write);
    bytes += size;
  }

  private void checkOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException("batch was " + (state == State.COMMITTED ? "committed" : "closed") + " already");
    }
  }
}
