package io.luxtensor.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.api.graphql.GraphQlEndpoint;
import io.luxtensor.api.graphql.GraphQlLimits;
import io.luxtensor.api.graphql.LuxtensorGraphQl;
import io.luxtensor.api.filter.FilterManager;
import io.luxtensor.api.http.ApiServer;
import io.luxtensor.api.http.ApiServerConfig;
import io.luxtensor.api.http.JsonRpcHttpEndpoint;
import io.luxtensor.api.ws.SubscriptionHub;
import io.luxtensor.api.ws.WebSocketConfig;
import io.luxtensor.api.ws.WebSocketEndpoint;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcMethods;
import io.luxtensor.api.jsonrpc.dev.DevJsonRpcMethods;
import io.luxtensor.api.jsonrpc.dev.DevKeys;
import io.luxtensor.api.jsonrpc.JsonRpcProcessor;
import io.luxtensor.chain.BlockProducer;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.crypto.PrivateKey;
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
import java.util.List;
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
   * @param webSocket WebSocket limits
   * @param pool pool limits
   * @param allowUnprotectedTransactions whether the API takes pre-EIP-155 transactions
   * @param version the node's version, for web3_clientVersion
   * @param devAccounts on a dev chain, the funded keys the node signs with (dev-only methods); empty elsewhere
   */
  public record Options(StorageConfig storage, GenesisSpec genesis, boolean requireSameGenesis,
      ValidatorKeys validator, ChainService.Sealing sealing, ApiServerConfig api, WebSocketConfig webSocket,
      TxPoolConfig pool,
      boolean allowUnprotectedTransactions, String version, List<PrivateKey> devAccounts) {
    public Options {
      devAccounts = List.copyOf(devAccounts);
    }
  }

  private final KeyValueStore store;
  private final ChainDatabase database;
  private final GenesisSpec genesis;
  private final ChainService chain;
  private final SubscriptionHub hub;
  private final FilterManager filters;
  private final Vertx vertx;
  private final ApiServer api;
  private final int rpcPort;

  private LuxtensorNode(KeyValueStore store, ChainDatabase database, GenesisSpec genesis, ChainService chain,
      SubscriptionHub hub, FilterManager filters, Vertx vertx, ApiServer api, int rpcPort) {
    this.store = store;
    this.database = database;
    this.genesis = genesis;
    this.chain = chain;
    this.hub = hub;
    this.filters = filters;
    this.vertx = vertx;
    this.api = api;
    this.rpcPort = rpcPort;
  }

  /** Starts a node and returns once its API listens. */
  public static LuxtensorNode start(Options options, LongSupplier systemClockMillis) {
    final OffsetClock clockMillis = new OffsetClock(systemClockMillis);
    final KeyValueStore store = KeyValueStores.open(options.storage());
    ChainService chain = null;
    SubscriptionHub hub = null;
    FilterManager filters = null;
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
      filters = new FilterManager(options.api().rpcLimits().filtersMax(), clockMillis);
      final FilterManager filterEvents = filters;
      chain.addHeadListener(head -> filterEvents.onNewBlock(head.block(), head.receipts()));
      chain.addPendingListener(tx -> filterEvents.onPendingTransaction(tx.transaction().hash()));
      final JsonRpcMethods.Context context = new JsonRpcMethods.Context(
          new NodeQueries(genesis.parameters().chainId(), database, chain), chain,
          new StateCallSimulator(genesis.parameters(), database.trieNodes(), processor),
          new StatelessTransactionValidator(genesis.parameters().chainId(), options.allowUnprotectedTransactions()),
          genesis.parameters().minBaseFeePerGas(), options.version(), filters, options.api().rpcLimits());
      final ChainService sealer = chain;
      final List<JsonRpcMethod> methods = options.devAccounts().isEmpty() ? JsonRpcMethods.create(context)
          : DevJsonRpcMethods.overlay(JsonRpcMethods.create(context), DevJsonRpcMethods.create(context,
              new DevKeys(options.devAccounts()), new NodeDevControls(sealer, clockMillis)));
      final JsonRpcProcessor rpc = new JsonRpcProcessor(new ObjectMapper(), methods, options.api().batchSizeMax());
      hub = new SubscriptionHub(new ObjectMapper());
      final SubscriptionHub subscriptions = hub;
      chain.addHeadListener(head -> subscriptions.publishNewHead(head.block(), head.receipts()));
      chain.addPendingListener(subscriptions::publishPending);
      final LuxtensorGraphQl.Sources graphQl = new LuxtensorGraphQl.Sources(context.chain(), context.pool(),
          context.simulator(), context.validator(), validators, context.minBaseFee());
      vertx = Vertx.vertx();
      final ApiServer api = new ApiServer(vertx, options.api(), List.of(
          new JsonRpcHttpEndpoint(rpc, options.api().bodyBytesMax()),
          new WebSocketEndpoint(rpc, subscriptions, options.webSocket()),
          new GraphQlEndpoint(graphQl, GraphQlLimits.defaults(), options.api().bodyBytesMax())));
      int port = api.start().toCompletionStage().toCompletableFuture()
          .get(START_TIMEOUT_SECONDS_MAX, TimeUnit.SECONDS);
      return new LuxtensorNode(store, database, genesis, chain, hub, filters, vertx, api, port);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(vertx, hub, filters, chain, store);
      throw new IllegalStateException("interrupted while starting", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      closeQuietly(vertx, hub, filters, chain, store);
      throw new ConfigException("the API could not listen on " + options.api().host() + ":" + options.api().port()
          + ": " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
    } catch (RuntimeException e) {
      closeQuietly(vertx, hub, filters, chain, store);
      throw e;
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

  public SubscriptionHub subscriptions() {
    return hub;
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
    closeQuietly(vertx, hub, filters, chain, store);
  }

  /** Stops in reverse order of starting: the API first, the store last. Nulls were never started. */
  private static void closeQuietly(Vertx vertx, SubscriptionHub hub, FilterManager filters,
      ChainService chain, KeyValueStore store) {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
    if (hub != null) {
      hub.close();
    }
    if (filters != null) {
      filters.close();
    }
    if (chain != null) {
      chain.close();
    }
    store.close();
  }
}
