package io.luxtensor.cli;

/** Exit codes scripts can test, shared by every command. */
public final class ExitCodes {
  public static final int OK = 0;
  /** The thing asked for does not exist (an unknown block, transaction, account). */
  public static final int NOT_FOUND = 1;
  /** The command line itself is wrong (picocli's own code for usage errors). */
  public static final int USAGE = 2;
  /** The node could not be reached. */
  public static final int UNREACHABLE = 3;
  /** Anything else that failed: the input, the node's answer, the file system. */
  public static final int FAILED = 4;

  private ExitCodes() {}
}
