package io.luxtensor.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.api.NetworkStatus;
import io.luxtensor.api.auth.JwtSecret;
import io.luxtensor.api.auth.JwtVerifier;
import io.luxtensor.api.health.HealthEndpoint;
import io.luxtensor.api.http.ApiGuards;
import io.luxtensor.api.http.ApiServer;
import io.luxtensor.api.http.ApiServerConfig;
import io.luxtensor.api.http.JsonRpcHttpEndpoint;
import io.luxtensor.api.jsonrpc.JsonRpcMethods;
import io.luxtensor.api.jsonrpc.JsonRpcProcessor;
import io.luxtensor.api.metrics.ApiMeters;
import io.luxtensor.api.metrics.ChainMetrics;
import io.luxtensor.api.metrics.MetricsEndpoint;
import io.luxtensor.api.metrics.NodeMetrics;
import io.luxtensor.api.metrics.TimedJsonRpcMethod;
import io.luxtensor.chain.BlockProducer;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.consensus.ValidatorSet;
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
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A running node, wired by hand in dependency order (STYLE §10): storage, chain database and genesis, execution,
 * the chain service (single writer), then the API. {@link #close()} stops them in reverse.
 */
public final class LuxtensorNode implements AutoCloseable {
  /** How long startup waits for the API to bind before giving up. */
  static final long START_TIMEOUT_SECONDS_MAX = 30;

  /**
   * Everything a node is started with.
   *
   * @param storage the database
   * @param genesis the genesis for an empty database
   * @param requireSameGenesis whether a stored chain must have exactly this genesis (see ChainInitializer)
   * @param validator this node's validator keys
   * @param sealing when blocks are sealed
   * @param api the JSON-RPC listener
   * @param pool pool limits
   * @param allowUnprotectedTransactions whether the API takes pre-EIP-155 transactions
   * @param version the node's version, for web3_clientVersion
   */
  public record Options(StorageConfig storage, GenesisSpec genesis, boolean requireSameGenesis,
      ValidatorKeys validator, ChainService.Sealing sealing, ApiServerConfig api, TxPoolConfig pool,
      boolean allowUnprotectedTransactions, String version) {}

  private final KeyValueStore store;
  private final ChainDatabase database;
  private final GenesisSpec genesis;
  private final ChainService chain;
  private final NodeMetrics metrics;
  private final Vertx vertx;
  private final ApiServer api;
  private final int rpcPort;

  private LuxtensorNode(KeyValueStore store, ChainDatabase database, GenesisSpec genesis, ChainService chain,
      NodeMetrics metrics, Vertx vertx, ApiServer api, int rpcPort) {
    this.store = store;
    this.database = database;
    this.genesis = genesis;
    this.chain = chain;
    this.metrics = metrics;
    this.vertx = vertx;
    this.api = api;
    this.rpcPort = rpcPort;
  }

  /** Starts a node and returns once its API listens. */
  public static LuxtensorNode start(Options options, LongSupplier clockMillis) {
    final KeyValueStore store = KeyValueStores.open(options.storage());
    ChainService chain = null;
    NodeMetrics metrics = null;
    Vertx vertx = null;
    try {
      final ChainDatabase database = new ChainDatabase(store);
      final GenesisSpec genesis = ChainInitializer.initialize(database, options.genesis(), options.requireSameGenesis());
      final ValidatorSet validators = new ValidatorSet(genesis.validators());
      if (validators.find(options.validator().address()).isEmpty()) {
        throw new ConfigException("validator " + options.validator().address() + " is not a validator of this chain");
      }
      final TransactionProcessor processor = new TransactionProcessor(SystemContracts.standard());
      final BlockProducer producer = new BlockProducer(genesis.parameters(), options.validator(),
          new BlockExecutor(processor));
      chain = new ChainService(genesis.parameters(), validators, database, options.validator(), producer,
          options.pool(), options.sealing(), clockMillis);
      final JsonRpcMethods.Context context = new JsonRpcMethods.Context(
          new NodeQueries(genesis.parameters().chainId(), database, chain), chain,
          new StateCallSimulator(genesis.parameters(), database.trieNodes(), processor),
          new StatelessTransactionValidator(genesis.parameters().chainId(), options.allowUnprotectedTransactions()),
          genesis.parameters().minBaseFeePerGas(), options.version());
      metrics = NodeMetrics.create();
      final NetworkStatus network = new SingleNodeNetwork(chain);
      feedChainMetrics(chain, new ChainMetrics(metrics.registry(), network, chain::poolStatus));
      final ApiMeters apiMeters = new ApiMeters(metrics.registry());
      final JsonRpcProcessor rpc = new JsonRpcProcessor(new ObjectMapper(),
          TimedJsonRpcMethod.timeAll(JsonRpcMethods.create(context), metrics.registry()),
          new JsonRpcProcessor.Limits(options.api().batchSizeMax(), options.api().safety().responseBytesMax()),
          apiMeters);
      final Optional<JwtVerifier> jwt = options.api().safety().jwtSecretFile().map(LuxtensorNode::jwtVerifier);
      vertx = Vertx.vertx();
      final ApiServer api = new ApiServer(vertx, options.api(),
          ApiGuards.of(vertx, options.api().safety(), jwt, apiMeters, clockMillis),
          List.of(new JsonRpcHttpEndpoint(rpc, options.api().bodyBytesMax()), new MetricsEndpoint(metrics),
              new HealthEndpoint(network, context.chain())));
      int port = api.start().toCompletionStage().toCompletableFuture()
          .get(START_TIMEOUT_SECONDS_MAX, TimeUnit.SECONDS);
      return new LuxtensorNode(store, database, genesis, chain, metrics, vertx, api, port);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(chain, metrics, vertx, store);
      throw new IllegalStateException("interrupted while starting", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      closeQuietly(chain, metrics, vertx, store);
      throw new ConfigException("the API could not listen on " + options.api().host() + ":" + options.api().port()
          + ": " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
    } catch (RuntimeException e) {
      closeQuietly(chain, metrics, vertx, store);
      throw e;
    }
  }

  /** Sets the chain gauges to the current head, then updates them from the chain thread on every new head. */
  private static void feedChainMetrics(ChainService chain, ChainMetrics metrics) {
    metrics.onHead(chain.head().latest().number(), chain.head().finalized().number());
    chain.addHeadListener(head -> metrics.onNewHead(head.block().block().header().number(),
        chain.head().finalized().number(), head.productionNanos()));
  }

  private static JwtVerifier jwtVerifier(Path secretFile) {
    try {
      return new JwtVerifier(JwtSecret.read(secretFile));
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new ConfigException("api.jwtSecretFile: " + e.getMessage());
    }
  }

  public int rpcPort() {
    return rpcPort;
  }

  public ChainService chain() {
    return chain;
  }

  public ChainDatabase database() {
    return database;
  }

  public GenesisSpec genesis() {
    return genesis;
  }

  @Override
  public void close() {
    try {
      api.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      System.getLogger(LuxtensorNode.class.getName()).log(System.Logger.Level.WARNING, "API did not stop cleanly", e);
    }
    closeQuietly(chain, metrics, vertx, store);
  }

  private static void closeQuietly(ChainService chain, NodeMetrics metrics, Vertx vertx, KeyValueStore store) {
    if (chain != null) {
      chain.close();
    }
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
    if (metrics != null) {
      metrics.close();
    }
    store.close();
  }
}
