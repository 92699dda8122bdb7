package io.luxtensor.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Prints a failed command's error as one line on stderr; the stack trace only with {@code --verbose}. */
final class OneLineErrors implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
    boolean verbose = verbose(parseResult);
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof NodeClient.RpcError rpc) {
      message = "the node refused: " + message + " (JSON-RPC error " + rpc.code() + ")";
    }
    command.getErr().println(command.getColorScheme().errorText("error: " + message));
    if (verbose) {
      e.printStackTrace(command.getErr());
    }
    return e instanceof CliException cli ? cli.exitCode() : ExitCodes.FAILED;
  }

  /** {@code --verbose} given at any level: {@code luxtensor wallet export --verbose} is two subcommands deep. */
  private static boolean verbose(ParseResult parseResult) {
    return parseResult.hasMatchedOption("--verbose")
        || parseResult.subcommands().stream().anyMatch(OneLineErrors::verbose);
  }
}
