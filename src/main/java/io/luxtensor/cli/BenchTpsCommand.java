package io.luxtensor.cli;

import io.luxtensor.api.http.ApiServerConfig;
import io.luxtensor.chain.DevChain;
import io.luxtensor.crypto.Bip44;
import io.luxtensor.crypto.Mnemonic;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.types.Address;
import io.luxtensor.types.TransactionType;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code luxtensor bench tps}: transfers per second end to end. Pre-signs transfers from fresh accounts, funds the
 * accounts, submits the transfers over JSON-RPC and follows them into blocks (see {@link TpsLoad}).
 */
@Command(
    name = "tps",
    mixinStandardHelpOptions = true,
    description = {"Sign value transfers from fresh accounts (derived from --seed, so runs repeat), fund those "
        + "accounts from a funded one, then submit the transfers with eth_sendRawTransaction in batches, as fast as "
        + "possible or at --rate, and follow them into blocks.",
        "Reports transfers submitted and included per second, the time from submission to inclusion (p50/p99), "
            + "refusals grouped by reason and, for a node on this machine, its memory and CPU time. Exit 0 if "
            + "every transfer was included, 4 otherwise."},
    footer = {"", "Examples:",
        "  luxtensor bench tps --senders 200 --txs 60000",
        "  luxtensor bench tps --ws --txs 5000 --rate 1000 --type 0 --json",
        "  luxtensor bench tps --rpc http://10.0.0.5:8545 --funder alice \\",
        "      --password-file pw.txt --senders 500 --txs 100000"})
final class BenchTpsCommand implements Callable<Integer> {
  /** Funding costs a transfer each, in rounds of 64 awaited one after another: at most ~160 rounds. */
  static final int SENDERS_MAX = 10_000;
  /** A signed transfer and its request take ~500 bytes of heap (500 MB at most); signing ~150 µs a core each. */
  static final int TXS_MAX = 1_000_000;
  /** 1,000,000 gwei (a millionth of a LUX per gas) makes a transfer cost up to 21 LUX: beyond, a typo. */
  static final long MAX_FEE_GWEI_MAX = 1_000_000;
  /** An hour of waiting for inclusion is a stuck node, not a slow one. */
  static final long TIMEOUT_SECONDS_MAX = 3_600;
  /** The dev chain funds at most 1,000 accounts of its mnemonic (DevChain.Settings). */
  static final int FUNDER_INDEX_MAX = 999;
  /**
   * Half the default pool (10,000): three and a half full blocks of transfers, so the node always has a full block
   * to seal, and room in the pool for everyone else.
   */
  static final int WINDOW_DEFAULT_MAX = TxPoolConfig.POOL_TRANSACTIONS_MAX / 2;
  /**
   * Half the pool's default limit on one sender's transactions (64): a sender whose transfers happen to be included
   * last still stays clear of it.
   */
  static final int WINDOW_PER_SENDER_DEFAULT = TxPoolConfig.SENDER_TRANSACTIONS_MAX / 2;
  static final BigInteger WEI_PER_GWEI = BigInteger.TEN.pow(9);

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  KeystoreOptions keystore;

  @Mixin
  PasswordOptions password;

  @Mixin
  SecretFlagGuard secretFlags;

  UserConsole console = new SystemConsole();

  @Option(names = "--rpc", defaultValue = "http://127.0.0.1:8545", paramLabel = "URL",
      description = "The node's JSON-RPC URL (default: ${DEFAULT-VALUE}).")
  URI url;

  @Option(names = "--ws", description = "Submit and follow blocks over WebSockets (ws:// on --rpc's host and port, "
      + "newHeads announcing blocks) instead of HTTP.")
  boolean webSocket;

  @Option(names = "--senders", defaultValue = "100", paramLabel = "K",
      description = "Fresh accounts sending, transfer i from account i mod K (default: ${DEFAULT-VALUE}).")
  int senders;

  @Option(names = "--txs", defaultValue = "10000", paramLabel = "N",
      description = "Transfers (default: ${DEFAULT-VALUE}).")
  int transfers;

  @Option(names = "--rate", paramLabel = "R",
      description = "Transfers per second, each timed from its intended send time; default: as fast as possible.")
  Integer ratePerSecond;

  @Option(names = "--type", defaultValue = "2", paramLabel = "0|1|2",
      description = "0 legacy (EIP-155), 1 EIP-2930, 2 EIP-1559 (default: ${DEFAULT-VALUE}).")
  int type;

  @Option(names = "--batch", defaultValue = "100", paramLabel = "B",
      description = "Transfers in one JSON-RPC batch at most (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--connections", defaultValue = "4", paramLabel = "C",
      description = "Connections sending, one batch in flight on each (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(names = "--window", paramLabel = "W",
      description = "Transfers in flight at most (sent, neither refused nor in a block); default: 32 a sender, "
          + "at most 5000.")
  Integer window;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
      description = "What the senders' keys and the recipients derive from (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--max-fee", defaultValue = "1000", paramLabel = "GWEI",
      description = "Gas price, or EIP-1559 fee cap, in gwei: room for the base fee to rise through ~58 full "
          + "blocks (default: ${DEFAULT-VALUE}).")
  long maxFeeGwei;

  @Option(names = "--timeout", defaultValue = "60", paramLabel = "S",
      description = "How long to wait for the funding, and after the last answer for the transfers, to be "
          + "included (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(names = "--funder", paramLabel = "NAME",
      description = "The keystore key that funds the senders: a name or address (see --keystore).")
  String funder;

  @Option(names = "--funder-index", defaultValue = "0", paramLabel = "I",
      description = "Without --funder: the dev mnemonic's account I funds the senders (default: ${DEFAULT-VALUE}).")
  int funderIndex;

  @Option(names = "--no-fund", description = "Do not fund the senders: they hold enough already (or the run "
      + "measures refusals).")
  boolean noFund;

  @Option(names = "--pid", paramLabel = "PID",
      description = "The node's process, for its memory and CPU time; default: the one listening on --rpc's port, "
          + "if on this machine.")
  Long pid;

  @Option(names = "--json", description = "Print the result as JSON on stdout (the summary goes to stderr).")
  boolean json;

  @Override
  public Integer call() throws InterruptedException {
    TpsLoad.Settings settings = settings();
    NodeClient node = new NodeClient(url.toString());
    BenchTransfers.Plan plan = new BenchTransfers.Plan(seed, senders, transfers, transactionType(),
        BigInteger.valueOf(maxFeeGwei).multiply(WEI_PER_GWEI),
        TransactionFiller.quantity(node.call("eth_chainId"), "eth_chainId").longValueExact());
    // Asked before the long signing, so a wrong password costs no wait.
    Optional<PrivateKey> funding = noFund ? Optional.empty() : Optional.of(funderKey());
    List<PrivateKey> keys = IntStream.range(0, senders).parallel()
        .mapToObj(i -> BenchTransfers.senderKey(seed, i)).toList();
    List<Address> addresses = keys.parallelStream().map(key -> Address.of(key.publicKey())).toList();
    long[] nonces = addresses.stream().mapToLong(address -> TransactionFiller.quantity(
        node.call("eth_getTransactionCount", address.toHex(), "pending"), "eth_getTransactionCount")
        .longValueExact()).toArray();
    BenchTransfers.Signed signed = BenchProgress.during(spec, "bench tps: signing " + transfers + " transfers",
        () -> BenchTransfers.sign(plan, keys, nonces));
    Optional<SenderFunding.Funded> funded = funding.map(key -> SenderFunding.fund(node, plan, key, addresses,
        settings.timeout(), WaitProgress.on(spec.commandLine().getErr(),
            spec.commandLine().getColorScheme().ansi().enabled(), "bench tps: funding " + senders + " senders")));
    long firstBlock = TransactionFiller.quantity(node.call("eth_blockNumber"), "eth_blockNumber").longValueExact() + 1;

    Optional<Long> nodePid = Optional.ofNullable(pid).or(this::localNodePid);
    long self = ProcessHandle.current().pid();
    Optional<NodeProcess.Sample> nodeBefore = nodePid.flatMap(NodeProcess::sample);
    Optional<NodeProcess.Sample> selfBefore = NodeProcess.sample(self);
    long start = System.nanoTime();
    TpsLoad.Outcome outcome = BenchProgress.during(spec, "bench tps: sending " + transfers + " transfers",
        new TpsLoad(settings, signed, senders, firstBlock)::run);
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    Optional<TpsReport.ProcessUsage> nodeUsage = nodePid.flatMap(p -> usage(p, nodeBefore, wall));
    TpsReport report = new TpsReport(settings, plan, signed.signing(), funded, firstBlock, outcome, nodeUsage,
        usage(self, selfBefore, wall));
    if (json) {
      BenchOutput.json(spec, report.json(), report.summary());
    } else {
      BenchOutput.text(spec, report.summary());
    }
    return report.complete() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private TpsLoad.Settings settings() {
    secretFlags.check();
    check(senders >= 1 && senders <= SENDERS_MAX, "--senders must be in [1, " + SENDERS_MAX + "]");
    check(transfers >= 1 && transfers <= TXS_MAX, "--txs must be in [1, " + TXS_MAX + "]");
    check(senders <= transfers, "--senders must not exceed --txs: every sender sends at least one transfer");
    check(ratePerSecond == null || (ratePerSecond >= 1 && ratePerSecond <= BenchRpcCommand.RATE_PER_SECOND_MAX),
        "--rate must be in [1, " + BenchRpcCommand.RATE_PER_SECOND_MAX + "]");
    check(Arrays.stream(TransactionType.values()).anyMatch(t -> t.id() == type), "--type must be 0, 1 or 2");
    check(batch >= 1 && batch <= ApiServerConfig.BATCH_SIZE_MAX,
        "--batch must be in [1, " + ApiServerConfig.BATCH_SIZE_MAX + "] (the node's batch limit)");
    check(connections >= 1 && connections <= BenchRpcCommand.CONNECTIONS_MAX,
        "--connections must be in [1, " + BenchRpcCommand.CONNECTIONS_MAX + "]");
    int windowSize = window != null ? window
        : Math.max(batch, Math.min(WINDOW_DEFAULT_MAX, senders * WINDOW_PER_SENDER_DEFAULT));
    check(windowSize >= batch && windowSize <= TXS_MAX,
        "--window must be in [--batch, " + TXS_MAX + "]: a batch has to fit in it");
    check(maxFeeGwei >= 1 && maxFeeGwei <= MAX_FEE_GWEI_MAX, "--max-fee must be in [1, " + MAX_FEE_GWEI_MAX + "] gwei");
    check(timeoutSeconds >= 1 && timeoutSeconds <= TIMEOUT_SECONDS_MAX,
        "--timeout must be in [1, " + TIMEOUT_SECONDS_MAX + "] seconds");
    check(funderIndex >= 0 && funderIndex <= FUNDER_INDEX_MAX,
        "--funder-index must be in [0, " + FUNDER_INDEX_MAX + "]");
    check(!(noFund && funder != null), "--no-fund and --funder exclude each other");
    check(pid == null || pid > 0, "--pid must be a process id");
    check(url.getScheme() != null && url.getScheme().startsWith("http") && url.getHost() != null,
        "--rpc must be an http:// or https:// URL");
    return new TpsLoad.Settings(webSocket ? webSocketUrl() : url, batch, connections, windowSize,
        ratePerSecond == null ? 0 : ratePerSecond, Duration.ofSeconds(timeoutSeconds));
  }

  /** --rpc with ws:// for http:// and wss:// for https://: the node upgrades WebSockets on its JSON-RPC port. */
  private URI webSocketUrl() {
    try {
      return new URI(url.getScheme().replace("http", "ws"), url.getRawAuthority(),
          url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath(), null, null);
    } catch (URISyntaxException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--rpc: no WebSocket URL for " + url);
    }
  }

  private TransactionType transactionType() {
    return Arrays.stream(TransactionType.values()).filter(t -> t.id() == type).findFirst().orElseThrow();
  }

  private PrivateKey funderKey() {
    if (funder == null) {
      return Bip44.ethereumKey(Mnemonic.parse(DevChain.MNEMONIC).toSeed(""), funderIndex);
    }
    WalletDirectory directory = keystore.directory();
    WalletKey key = directory.find(funder);
    return KeyUnlocking.unlock(directory.read(key), key.label(), password.existing(key.label(), console));
  }

  /** The process listening on --rpc's port, if --rpc names an address of this machine. */
  private Optional<Long> localNodePid() {
    try {
      InetAddress host = InetAddress.getByName(url.getHost());
      if (!host.isLoopbackAddress() && !host.isAnyLocalAddress() && NetworkInterface.getByInetAddress(host) == null) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    int port = url.getPort() >= 0 ? url.getPort() : url.getScheme().equals("https") ? 443 : 80;
    return NodeProcess.listeningOn(port);
  }

  private static Optional<TpsReport.ProcessUsage> usage(long pid, Optional<NodeProcess.Sample> before,
      Duration wall) {
    return before.flatMap(first -> NodeProcess.sample(pid)
        .map(last -> new TpsReport.ProcessUsage(pid, first, last, wall)));
  }

  private void check(boolean condition, String message) {
    BenchCommand.check(spec, condition, message);
  }
}
