package io.luxtensor.storage;

/** One write of a batch, as the engines apply it. The arrays are the batch's own copies. */
sealed interface Write {
  Column column();

  byte[] key();

  record Put(Column column, byte[] key, byte[] value) implements Write {}

  record Delete(Column column, byte[] key) implements Write {}
}
