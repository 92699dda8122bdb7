package io.luxtensor.cli;

import picocli.CommandLine.Option;

/** The options every command that talks to a node shares. */
final class RpcOptions {
  @Option(names = "--rpc", paramLabel = "URL", defaultValue = "http://127.0.0.1:8545",
      description = "The node's JSON-RPC URL (default: ${DEFAULT-VALUE}).")
  String rpc;

  NodeClient client() {
    return new NodeClient(rpc);
  }
}
