package io.luxtensor.storage;

/**
 * A database failed: an I/O error, a database locked by another process, corrupt files, or use after close. The
 * message names the engine and the operation, then says what went wrong, e.g. {@code "rocksdb open: database at
 * /data/db is in use by another process"}; the engine's own exception, if any, is the cause.
 */
public final class StorageException extends RuntimeException {
  private final StorageEngine engine;
  private final String operation;

  public StorageException(StorageEngine engine, String operation, String problem, Throwable cause) {
    super(engine.configName() + " " + operation + ": " + problem, cause);
    this.engine = engine;
    this.operation = operation;
  }

  public StorageException(StorageEngine engine, String operation, String problem) {
    this(engine, operation, problem, null);
  }

  public StorageEngine engine() {
    return engine;
  }

  /** What was being done: "open", "get", "scan", "commit", "close". */
  public String operation() {
    return operation;
  }
}
