package io.luxtensor.cli;

import io.luxtensor.api.http.ApiServerConfig;
import io.luxtensor.bytes.Hex;
import io.luxtensor.chain.DevChain;
import io.luxtensor.crypto.Secp256k1;
import io.luxtensor.node.ChainService;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.storage.StorageEngine;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.types.Wei;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code luxtensor dev}: an ephemeral single-validator chain for dApp development, like anvil or hardhat node. */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = {"Run a development chain: one validator, prefunded Hardhat/anvil accounts, JSON-RPC on "
        + "127.0.0.1:8545. In memory unless --datadir is given."},
    footer = {"", "Examples:",
        "  luxtensor dev                      # instant blocks, chain id 31337",
        "  luxtensor dev --block-time 1000    # a block every second, empty ones too",
        "  luxtensor dev --port 0             # any free port (printed)",
        "  luxtensor dev --datadir ./devdata  # keep the chain between runs",
        "",
        "  # let a dApp served on localhost:3000 call the node from the browser:",
        "  luxtensor dev --rpc-cors-origins http://localhost:3000"})
final class DevCommand implements Runnable {

  @Option(names = "--chain-id", defaultValue = "31337", description = "Chain id (default: ${DEFAULT-VALUE}).")
  long chainId;

  @Option(names = "--accounts", defaultValue = "10", description = "Accounts to fund (default: ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--balance", defaultValue = "10000", description = "LUX per account (default: ${DEFAULT-VALUE}).")
  String balance;

  @Option(names = "--block-time", defaultValue = "0", paramLabel = "MS",
      description = "0 seals a block as soon as transactions are pending; MS seals every MS milliseconds.")
  long blockTimeMillis;

  @Option(names = "--gas-limit", defaultValue = "" + DevChain.GAS_LIMIT, paramLabel = "GAS",
      description = "Every block's gas limit, from 21000 to 1000000000 (default: ${DEFAULT-VALUE}); "
          + "a new chain's: a --datadir keeps the one it was made with.")
  long gasLimit;

  @Option(names = "--host", defaultValue = ApiServerConfig.DEFAULT_HOST, description = "Interface to listen on.")
  String host;

  @Option(names = "--port", defaultValue = "8545", description = "JSON-RPC port; 0 picks a free one.")
  int port;

  @Option(names = "--datadir", paramLabel = "DIR", description = "Keep the chain in DIR (RocksDB).")
  Path datadir;

  @Option(names = "--state-history", paramLabel = "BLOCKS",
      description = "Keep only the state of the last BLOCKS blocks, deleting older states to bound memory under"
          + " load (128 is Geth's); default 0: every state, as Hardhat and anvil keep. In memory only.")
  Integer stateHistory;

  @Option(names = "--rpc-cors-origins", split = ",", paramLabel = "ORIGIN",
      description = "Origins browsers may call the API from, comma-separated ('*' for any); default none (CORS off).")
  List<String> corsOrigins = List.of();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    if (gasLimit < DevChain.GAS_LIMIT_MIN || gasLimit > DevChain.GAS_LIMIT_MAX) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--gas-limit must be in ["
          + DevChain.GAS_LIMIT_MIN + ", " + DevChain.GAS_LIMIT_MAX + "], got " + gasLimit);
    }
    if (stateHistory != null && stateHistory < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--state-history must be 0 (every state) or a number of blocks, got " + stateHistory);
    }
    if (stateHistory != null && stateHistory != StorageConfig.ARCHIVE && datadir != null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--state-history applies to the in-memory chain: a --datadir keeps every state");
    }
    LuxtensorNode node = start(this, System.out);
    UntilShutdown.run(node);
  }

  /** Starts the dev node described by {@code options}, printing the banner to {@code out}. */
  static LuxtensorNode start(DevCommand options, PrintStream out) {
    DevChain.Settings settings = new DevChain.Settings(options.chainId, options.accounts, Wei.ofLux(options.balance),
        options.blockTimeMillis, System.currentTimeMillis() / 1000, options.gasLimit);
    StorageConfig storage = options.datadir == null
        ? StorageConfig.memory().withStateHistory(options.stateHistory == null ? StorageConfig.ARCHIVE
            : options.stateHistory)
        : StorageConfig.persistent(StorageEngine.ROCKSDB, options.datadir.resolve("db"));
    ChainService.Sealing sealing = options.blockTimeMillis == 0
        ? new ChainService.Sealing.Instant() : new ChainService.Sealing.EverySlot();
    LuxtensorNode node = LuxtensorNode.start(new LuxtensorNode.Options(storage, DevChain.genesis(settings), false,
        List.of(DevChain.validatorKeys()), sealing, apiConfig(options), TxPoolConfig.DEFAULT, false,
        VersionProvider.version(), DevChain.accounts(options.accounts).stream().map(DevChain.DevAccount::key).toList(),
        Optional.empty()),
        System::currentTimeMillis);
    printBanner(node, options, out);
    return node;
  }

  private static ApiServerConfig apiConfig(DevCommand options) {
    ApiServerConfig defaults = ApiServerConfig.defaults().withAddress(options.host, options.port);
    return defaults.withSafety(defaults.safety().withCorsOrigins(options.corsOrigins));
  }

  private static void printBanner(LuxtensorNode node, DevCommand options, PrintStream out) {
    out.println("LuxTensor dev node " + VersionProvider.version() + " (chain id "
        + node.genesis().parameters().chainId() + ")");
    out.println();
    out.println("Available accounts (" + options.balance + " LUX each), mnemonic: " + DevChain.MNEMONIC);
    var accounts = DevChain.accounts(options.accounts);
    for (int i = 0; i < accounts.size(); i++) {
      out.printf("(%d) %s%n    private key %s%n", i, accounts.get(i).address().toChecksumHex(),
          Hex.encode(accounts.get(i).key().toBytes()));
    }
    out.println();
    out.println("Validator " + DevChain.validatorKeys().address().toChecksumHex() + " seals "
        + (options.blockTimeMillis == 0 ? "a block whenever transactions are pending"
            : "a block every " + options.blockTimeMillis + " ms"));
    out.println("Block gas limit: " + node.chain().head().latest().gasLimit());
    out.println("Storage: " + (options.datadir == null ? "in memory (gone when the node stops)" : options.datadir));
    out.println("Signatures: " + Secp256k1.recoveryBackend());
    out.println();
    out.println("JSON-RPC listening on http://" + options.host + ":" + node.rpcPort());
    out.println("Metrics on /metrics, health on /liveness and /readiness"
        + (options.corsOrigins.isEmpty() ? "" : "; CORS for " + String.join(", ", options.corsOrigins)));
    out.flush();
  }
}
