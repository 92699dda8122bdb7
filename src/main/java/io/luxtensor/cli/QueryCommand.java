package io.luxtensor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code luxtensor query}: read a running node's chain, for people (tables) and scripts (JSON, exit codes). */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {"Read blocks, transactions, receipts, accounts, validators and the chain head from a running "
        + "node over JSON-RPC.",
        "Tables for people; --json for scripts. Exit codes: 0 found, 1 not found, 2 usage (a malformed argument), "
            + "3 node unreachable, 4 other failures."},
    subcommands = {QueryBlockCommand.class, QueryTransactionCommand.class, QueryReceiptCommand.class,
        QueryAccountCommand.class, QueryValidatorsCommand.class, QueryHeadCommand.class},
    footer = {"", "Examples:",
        "  luxtensor query head",
        "  luxtensor query block finalized --json",
        "  luxtensor query account 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
        "  luxtensor query tx \"$HASH\" --rpc http://10.0.0.5:8545",
        "", "Run 'luxtensor query COMMAND --help' for a command's options and examples."})
final class QueryCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a query: block, tx, receipt, account, "
        + "validators or head");
  }
}
