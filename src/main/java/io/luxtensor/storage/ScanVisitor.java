package io.luxtensor.storage;

/** Receives the entries of a {@link KeyValueStore#scan} in key order. */
@FunctionalInterface
public interface ScanVisitor {

  /**
   * Called with each entry; the arrays are the visitor's own.
   *
   * @return true to go on to the next entry, false to stop the scan
   */
  boolean visit(byte[] key, byte[] value);
}
