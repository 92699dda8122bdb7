package io.luxtensor.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.api.ActiveValidators;
import io.luxtensor.api.NetworkStatus;
import io.luxtensor.api.auth.JwtSecret;
import io.luxtensor.api.auth.JwtVerifier;
import io.luxtensor.api.filter.FilterManager;
import io.luxtensor.api.graphql.GraphQlEndpoint;
import io.luxtensor.api.graphql.LuxtensorGraphQl;
import io.luxtensor.api.health.HealthEndpoint;
import io.luxtensor.api.http.ApiEndpoint;
import io.luxtensor.api.http.ApiGuards;
import io.luxtensor.api.http.ApiServer;
import io.luxtensor.api.http.ApiServerConfig;
import io.luxtensor.api.http.JsonRpcHttpEndpoint;
import io.luxtensor.api.http.SeparateListeners;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcMethods;
import io.luxtensor.api.jsonrpc.JsonRpcProcessor;
import io.luxtensor.api.jsonrpc.dev.DevJsonRpcMethods;
import io.luxtensor.api.jsonrpc.dev.DevKeys;
import io.luxtensor.api.metrics.ApiMeters;
import io.luxtensor.api.metrics.ChainMetrics;
import io.luxtensor.api.metrics.MetricsEndpoint;
import io.luxtensor.api.metrics.NodeMetrics;
import io.luxtensor.api.metrics.StorageMetrics;
import io.luxtensor.api.metrics.SyncMetrics;
import io.luxtensor.api.metrics.TimedJsonRpcMethod;
import io.luxtensor.api.ws.SubscriptionHub;
import io.luxtensor.api.ws.WebSocketEndpoint;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.execution.BlockExecutor;
import io.luxtensor.execution.StatelessTransactionValidator;
import io.luxtensor.execution.TransactionProcessor;
import io.luxtensor.execution.system.SystemContracts;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.storage.KeyValueStore;
import io.luxtensor.storage.KeyValueStores;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.txpool.TxPoolConfig;
import io.vertx.core.Vertx;
import io.luxtensor.p2p.Network;
import io.luxtensor.p2p.transport.NodeKey;
import io.luxtensor.types.Address;
import java.io.IOException;
import java.security.SecureRandom;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * A running node, wired by hand in dependency order (STYLE §10): storage, chain database and genesis, execution,
 * the chain service (single writer), filters, subscriptions and metrics, then the API. {@link #close()} stops them
 * in reverse.
 */
public final class LuxtensorNode implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LuxtensorNode.class.getName());
  /** How long startup waits for the API to bind before giving up. */
  static final long START_TIMEOUT_SECONDS_MAX = 30;

  /**
   * Everything a node is started with.
   *
   * @param storage the database
   * @param genesis the genesis for an empty database
   * @param requireSameGenesis whether a stored chain must have exactly this genesis (see ChainInitializer)
   * @param validators this node's validator keys; without, the node follows the chain its peers build
   * @param sealing when blocks are sealed
   * @param api the API listener, its limits and guards
   * @param pool pool limits
   * @param allowUnprotectedTransactions whether the API takes pre-EIP-155 transactions
   * @param version the node's version, for web3_clientVersion
   * @param devAccounts on a dev chain, the funded keys the node signs with (dev-only methods); empty elsewhere
   * @param p2p how the node joins the network; without, it runs alone
   */
  public record Options(StorageConfig storage, GenesisSpec genesis, boolean requireSameGenesis,
      List<ValidatorKeys> validators, ChainService.Sealing sealing, ApiServerConfig api, TxPoolConfig pool,
      boolean allowUnprotectedTransactions, String version, List<PrivateKey> devAccounts, Optional<P2pSettings> p2p) {
    public Options {
      validators = List.copyOf(validators);
      devAccounts = List.copyOf(devAccounts);
    }
  }

  private final ChainDatabase database;
  private final GenesisSpec genesis;
  private final ChainService chain;
  private final SubscriptionHub subscriptions;
  private final Map<Listener, ApiServer> servers;
  private final Map<Listener, Integer> ports;
  private final Optional<Network> network;
  /** What was started, most recent first: closed in this order. */
  private final Deque<AutoCloseable> started;

  private LuxtensorNode(ChainDatabase database, GenesisSpec genesis, ChainService chain, SubscriptionHub subscriptions,
      Map<Listener, ApiServer> servers, Map<Listener, Integer> ports, Optional<Network> network,
      Deque<AutoCloseable> started) {
    this.network = network;
    this.database = database;
    this.genesis = genesis;
    this.chain = chain;
    this.subscriptions = subscriptions;
    this.servers = servers;
    this.ports = ports;
    this.started = started;
  }

  /** Starts a node and returns once its API listens. */
  public static LuxtensorNode start(Options options, LongSupplier systemClockMillis) {
    final OffsetClock clockMillis = new OffsetClock(systemClockMillis);
    final Deque<AutoCloseable> started = new ArrayDeque<>();
    try {
      // Vert.x and the metrics registry load thousands of classes: made on other threads while the chain opens and
      // replays its stored blocks, they are ready when the network starts (about 0.2 s sooner on a restart, measured
      // on a testnet node). Made first, they close last.
      final CompletableFuture<Vertx> vertxStarting = CompletableFuture.supplyAsync(Vertx::vertx);
      started.push(() -> vertxStarting.join().close().toCompletionStage().toCompletableFuture().join());
      final CompletableFuture<NodeMetrics> metricsStarting = CompletableFuture.supplyAsync(NodeMetrics::create);
      started.push(() -> metricsStarting.join().close());
      final KeyValueStore store = push(started, KeyValueStores.open(options.storage()));
      final ChainDatabase database = new ChainDatabase(store);
      final GenesisSpec genesis = ChainInitializer.initialize(database, options.genesis(), options.requireSameGenesis());
      final ValidatorSet validators = new ValidatorSet(genesis.validators());
      Optional<Address> stranger = options.validators().stream().map(ValidatorKeys::address)
          .filter(address -> validators.find(address).isEmpty()).findFirst();
      // On a staking chain a key may become a validator later; the dev chain has its one validator for ever.
      if (stranger.isPresent() && !genesis.validatorsStake()) {
        throw new ConfigException("validator " + stranger.get() + " is not a validator of this chain");
      }
      final TransactionProcessor processor = new TransactionProcessor(genesis.validatorsStake()
          ? SystemContracts.withStaking(genesis.parameters().staking().rotation().minimumStake())
          : SystemContracts.standard());
      final ChainService chain = push(started, new ChainService(genesis.parameters(), validators, database,
          new BlockExecutor(processor), options.validators(), options.pool(), options.sealing(),
          options.storage().stateHistory(), clockMillis));

      final FilterManager filters = push(started,
          new FilterManager(options.api().rpcLimits().filtersMax(), clockMillis));
      chain.addHeadListener(head -> database.rememberHeadBlock(head.block()));
      chain.addHeadListener(head -> filters.onNewBlock(head.block(), head.receipts()));
      chain.addPendingListener(tx -> filters.onPendingTransaction(tx.transaction().hash()));
      final SubscriptionHub subscriptions = push(started, new SubscriptionHub(new ObjectMapper()));
      chain.addHeadListener(head -> subscriptions.publishNewHead(head.block(), head.receipts()));
      chain.addPendingListener(subscriptions::publishPending);
      final NodeMetrics metrics = metricsStarting.join();
      final Vertx vertx = vertxStarting.join();
      final Optional<Network> p2p = options.p2p().map(settings -> push(started, new Network(vertx,
          nodeKey(settings.nodeKeyFile()), settings.network(), new NetworkedChain(chain), database, validators,
          genesis.parameters(), database.canonicalHash(0).orElseThrow(), clockMillis, new SecureRandom())
          .start()));
      final NetworkStatus network = p2p.<NetworkStatus>map(n -> n).orElseGet(() -> new SingleNodeNetwork(chain));
      feedChainMetrics(chain, new ChainMetrics(metrics.registry(), network, chain::poolStatus,
          options.pool().poolTransactionsMax()));
      SyncMetrics.register(metrics.registry(), network);
      if (options.storage().directory() != null) {
        StorageMetrics.register(metrics.registry(), options.storage().directory());
      }
      network.onSyncChange(subscriptions::publishSyncing);
      // Every listener of the chain is in place: what its validators sign from now on reaches them all.
      chain.start();
      final ApiMeters apiMeters = new ApiMeters(metrics.registry());

      final NodeQueries queries = new NodeQueries(genesis.parameters().chainId(), database, chain);
      final ActiveValidators activeValidators =
          new ActiveValidators(queries, genesis.parameters(), validators, genesis.validatorsStake());
      final JsonRpcMethods.Context context = new JsonRpcMethods.Context(queries, chain,
          new StateCallSimulator(genesis.parameters(), database.trieNodes(), database.headFlatState(), processor),
          new StatelessTransactionValidator(genesis.parameters().chainId(), options.allowUnprotectedTransactions()),
          genesis.parameters().minBaseFeePerGas(), options.version(), filters, options.api().rpcLimits(),
          activeValidators, genesis.parameters(), network);
      final List<JsonRpcMethod> methods = options.devAccounts().isEmpty() ? JsonRpcMethods.create(context)
          : DevJsonRpcMethods.overlay(JsonRpcMethods.create(context), DevJsonRpcMethods.create(context,
              new DevKeys(options.devAccounts()), new NodeDevControls(chain, clockMillis)));
      final JsonRpcProcessor rpc = new JsonRpcProcessor(new ObjectMapper(),
          TimedJsonRpcMethod.timeAll(methods, metrics.registry()),
          new JsonRpcProcessor.Limits(options.api().batchSizeMax(), options.api().safety().responseBytesMax()),
          apiMeters);
      final LuxtensorGraphQl.Sources graphQl = new LuxtensorGraphQl.Sources(context.chain(), context.pool(),
          context.simulator(), context.validator(), activeValidators, context.minBaseFee());
      final Optional<JwtVerifier> jwt = options.api().safety().jwtSecretFile().map(LuxtensorNode::jwtVerifier);

      final ApiGuards guards = ApiGuards.of(vertx, options.api().safety(), jwt, apiMeters, clockMillis);
      final SeparateListeners separate = options.api().separateListeners();
      final Map<Listener, List<ApiEndpoint>> endpoints = new EnumMap<>(Listener.class);
      endpoints.computeIfAbsent(Listener.MAIN, l -> new ArrayList<>())
          .add(new JsonRpcHttpEndpoint(rpc, options.api().bodyBytesMax()));
      endpoints.computeIfAbsent(separate.webSocket().isPresent() ? Listener.WEBSOCKET : Listener.MAIN,
          l -> new ArrayList<>()).add(new WebSocketEndpoint(rpc, subscriptions, options.api().webSocket()));
      endpoints.computeIfAbsent(separate.graphql().isPresent() ? Listener.GRAPHQL : Listener.MAIN,
          l -> new ArrayList<>()).add(new GraphQlEndpoint(graphQl, options.api().graphQl(),
              options.api().bodyBytesMax()));
      endpoints.computeIfAbsent(separate.metrics().isPresent() ? Listener.METRICS : Listener.MAIN,
          l -> new ArrayList<>()).add(new MetricsEndpoint(metrics));
      endpoints.get(Listener.MAIN).add(new HealthEndpoint(network, context.chain()));
      final Map<Listener, ApiServer> servers = new EnumMap<>(Listener.class);
      final Map<Listener, Integer> ports = new EnumMap<>(Listener.class);
      for (Map.Entry<Listener, List<ApiEndpoint>> group : endpoints.entrySet()) {
        ApiServerConfig listenerConfig = group.getKey().address(separate)
            .map(a -> options.api().withAddress(a.host(), a.port())).orElse(options.api());
        ApiServer server = new ApiServer(vertx, listenerConfig, guards, group.getValue());
        ports.put(group.getKey(), server.start().toCompletionStage().toCompletableFuture()
            .get(START_TIMEOUT_SECONDS_MAX, TimeUnit.SECONDS));
        servers.put(group.getKey(), server);
      }
      return new LuxtensorNode(database, genesis, chain, subscriptions, servers, ports, p2p, started);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeAll(started);
      throw new IllegalStateException("interrupted while starting", e);
    } catch (ExecutionException | TimeoutException e) {
      closeAll(started);
      throw new ConfigException("the API could not listen on " + options.api().host() + ":" + options.api().port()
          + ": " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
    } catch (RuntimeException e) {
      closeAll(started);
      throw e;
    }
  }

  /** Sets the chain gauges to the current head, then updates them from the chain thread on every new head. */
  private static void feedChainMetrics(ChainService chain, ChainMetrics metrics) {
    metrics.onHead(chain.head().latest(), chain.head().finalized().number());
    chain.addHeadListener(head -> metrics.onNewHead(head.block().block().header(),
        head.block().block().transactions().size(), chain.head().finalized().number(), head.productionNanos()));
  }

  private static NodeKey nodeKey(Path file) {
    try {
      return NodeKey.loadOrCreate(file, new SecureRandom());
    } catch (IOException e) {
      throw new ConfigException("p2p.nodeKeyFile: cannot read or create " + file + ": " + e.getMessage());
    }
  }

  private static JwtVerifier jwtVerifier(Path secretFile) {
    try {
      return new JwtVerifier(JwtSecret.read(secretFile));
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new ConfigException("api.jwtSecretFile: " + e.getMessage());
    }
  }

  /** The port of the main listener (JSON-RPC over HTTP, and every endpoint not given its own). */
  public int rpcPort() {
    return ports.get(Listener.MAIN);
  }

  /** The port an endpoint listens on: its own if configured, else the main one. */
  public int port(Listener listener) {
    return ports.getOrDefault(listener, rpcPort());
  }

  /** The node's place in the peer-to-peer network, unless it runs alone. */
  public Optional<Network> network() {
    return network;
  }

  public ChainService chain() {
    return chain;
  }

  public ChainDatabase database() {
    return database;
  }

  public SubscriptionHub subscriptions() {
    return subscriptions;
  }

  public GenesisSpec genesis() {
    return genesis;
  }

  @Override
  public void close() {
    for (ApiServer server : servers.values()) {
      try {
        server.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        LOG.log(System.Logger.Level.WARNING, "API did not stop cleanly", e);
      }
    }
    closeAll(started);
  }

  /** The API's listeners: the main one, and those endpoints can be moved to. */
  public enum Listener {
    MAIN, WEBSOCKET, GRAPHQL, METRICS;

    Optional<SeparateListeners.Address> address(SeparateListeners separate) {
      return switch (this) {
        case MAIN -> Optional.empty();
        case WEBSOCKET -> separate.webSocket();
        case GRAPHQL -> separate.graphql();
        case METRICS -> separate.metrics();
      };
    }
  }

  private static <T extends AutoCloseable> T push(Deque<AutoCloseable> started, T component) {
    started.push(component);
    return component;
  }

  /** Closes what was started, most recent first; a failure is logged and the rest still close. */
  private static void closeAll(Deque<AutoCloseable> started) {
    while (!started.isEmpty()) {
      AutoCloseable component = started.pop();
      try {
        component.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "failed to close " + component, e);
      }
    }
  }
}
