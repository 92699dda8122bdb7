package io.luxtensor.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.api.http.ApiSafety;
import io.luxtensor.api.graphql.GraphQlLimits;
import io.luxtensor.api.http.ApiServerConfig;
import io.luxtensor.api.http.SeparateListeners;
import io.luxtensor.api.jsonrpc.JsonRpcLimits;
import io.luxtensor.api.ws.WebSocketConfig;
import io.luxtensor.p2p.NetworkConfig;
import io.luxtensor.p2p.transport.NodeAddress;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.storage.StorageEngine;
import io.luxtensor.sync.SyncConfig;
import io.luxtensor.sync.SyncMode;
import io.luxtensor.txpool.TxPoolConfig;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A node's configuration file (config.json; every key in docs/configuration.md). Relative paths are resolved
 * against the file's directory. Unknown keys are errors, so a typo never silently falls back to a default.
 *
 * @param datadir where the database lives
 * @param genesis the genesis file used to initialize an empty datadir, if any
 * @param storage the storage engine and its options
 * @param api the JSON-RPC listener
 * @param allowUnprotectedTransactions whether the API accepts pre-EIP-155 transactions (replayable on any chain)
 * @param validatorKeystore the validator's keystore file, if this node validates
 * @param validatorPasswordFile the file holding its password
 * @param blockFillMillisMax the longest this node's validators spend filling a block with transactions, on a chain
 *     with several validators; empty for the default ({@link ChainService.Sealing.EverySlot})
 * @param txpool pool limits
 * @param p2p how the node joins the network; empty when {@code p2p.enabled} is false
 * @param clockOffsetMillis added to the system clock for everything the node times (slots, votes, timeouts):
 *     0 but in tests of clock skew ({@code testing.clockOffsetMillis}, may be negative)
 */
public record NodeConfig(Path datadir, Optional<Path> genesis, StorageConfig storage, ApiServerConfig api,
    boolean allowUnprotectedTransactions, Optional<Path> validatorKeystore, Optional<Path> validatorPasswordFile,
    OptionalLong blockFillMillisMax, TxPoolConfig txpool, Optional<P2pSettings> p2p, long clockOffsetMillis) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
  private static final Map<String, Set<String>> KEYS = Map.ofEntries(
      Map.entry("", Set.of("datadir", "genesis", "storage", "api", "webSocket", "graphql", "metrics", "validator",
          "txpool", "p2p", "testing")),
      Map.entry("webSocket", Set.of("connectionsMax", "subscriptionsPerConnectionMax", "outboundBytesMax", "host",
          "port")),
      Map.entry("graphql", Set.of("queryDepthMax", "queryComplexityMax", "blocksRangeMax", "logsBlockRangeMax",
          "logsResultsMax", "host", "port")),
      Map.entry("metrics", Set.of("host", "port")),
      Map.entry("storage", Set.of("engine", "syncWrites", "blockCacheBytes")),
      Map.entry("api", Set.of("host", "port", "hostAllowlist", "bodyBytesMax", "batchSizeMax", "workerThreads",
          "allowUnprotectedTransactions", "logsBlockRangeMax", "logsResultsMax", "filtersMax",
          "responseBytesMax", "connectionsMax", "corsOrigins", "rateLimitPerSecond", "rateLimitBurst", "jwtSecretFile")),
      Map.entry("validator", Set.of("keystore", "passwordFile", "blockFillMillisMax")),
      Map.entry("txpool", Set.of("transactionsMax", "senderTransactionsMax", "minTipPerGas")),
      Map.entry("p2p", Set.of("enabled", "host", "port", "bootnodes", "inboundPeersMax", "outboundPeersMax",
          "nodeKeyFile", "followDistance", "sync", "syncMode", "discovery")),
      Map.entry("p2p.sync", Set.of("batchSize", "peersMax", "requestsPerPeerMax", "retriesMax", "timeoutMsMin",
          "timeoutMsMax")),
      Map.entry("testing", Set.of("clockOffsetMillis")));

  /** @throws ConfigException naming the key that is wrong */
  public static NodeConfig parse(String json, Path baseDirectory) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ConfigException("config is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException("config must be a JSON object");
    }
    checkKeys(root, "");
    JsonNode storage = section(root, "storage");
    JsonNode api = section(root, "api");
    JsonNode validator = section(root, "validator");
    JsonNode txpool = section(root, "txpool");
    JsonNode webSocket = section(root, "webSocket");
    JsonNode graphql = section(root, "graphql");
    JsonNode metrics = section(root, "metrics");
    JsonNode p2p = section(root, "p2p");

    Path datadir = baseDirectory.resolve(text(root, "datadir", "datadir").orElse("data"));
    StorageEngine engine = text(storage, "engine", "storage.engine").map(NodeConfig::engine)
        .orElse(StorageEngine.ROCKSDB);
    StorageConfig storageConfig = engine.persistent()
        ? StorageConfig.persistent(engine, datadir.resolve("db")) : StorageConfig.memory();
    storageConfig = storageConfig.withSyncWrites(bool(storage, "syncWrites", "storage.syncWrites", false));
    if (storage.has("blockCacheBytes")) {
      storageConfig = storageConfig.withBlockCacheBytes(number(storage, "blockCacheBytes", "storage.blockCacheBytes"));
    }
    ApiServerConfig defaults = ApiServerConfig.defaults();
    ApiServerConfig apiConfig;
    try {
      apiConfig = new ApiServerConfig(
          text(api, "host", "api.host").orElse(defaults.host()),
          integer(api, "port", "api.port", defaults.port()),
          api.has("hostAllowlist") ? strings(api.get("hostAllowlist"), "api.hostAllowlist") : defaults.hostAllowlist(),
          integer(api, "bodyBytesMax", "api.bodyBytesMax", defaults.bodyBytesMax()),
          integer(api, "batchSizeMax", "api.batchSizeMax", defaults.batchSizeMax()),
          integer(api, "workerThreads", "api.workerThreads", defaults.workerThreads()),
          new JsonRpcLimits(
              number(api, "logsBlockRangeMax", "api.logsBlockRangeMax", defaults.rpcLimits().logsBlockRangeMax()),
              integer(api, "logsResultsMax", "api.logsResultsMax", defaults.rpcLimits().logsResultsMax()),
              integer(api, "filtersMax", "api.filtersMax", defaults.rpcLimits().filtersMax())),
          safety(api, baseDirectory), webSocket(webSocket), graphql(graphql), SeparateListeners.NONE);
      String apiHost = apiConfig.host();
      apiConfig = apiConfig.withSeparateListeners(new SeparateListeners(listener(webSocket, "webSocket", apiHost),
          listener(graphql, "graphql", apiHost), listener(metrics, "metrics", apiHost)));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("api: " + e.getMessage());
    }
    TxPoolConfig poolDefaults = TxPoolConfig.DEFAULT;
    TxPoolConfig poolConfig;
    try {
      poolConfig = new TxPoolConfig(
          integer(txpool, "transactionsMax", "txpool.transactionsMax", poolDefaults.poolTransactionsMax()),
          integer(txpool, "senderTransactionsMax", "txpool.senderTransactionsMax",
              poolDefaults.senderTransactionsMax()),
          poolDefaults.transactionSizeBytesMax(), poolDefaults.poolSizeBytesMax(),
          txpool.has("minTipPerGas") ? quantity(txpool.get("minTipPerGas"), "txpool.minTipPerGas")
              : poolDefaults.tipPerGasWeiMin());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("txpool: " + e.getMessage());
    }
    Optional<Path> keystore = text(validator, "keystore", "validator.keystore").map(baseDirectory::resolve);
    Optional<Path> password = text(validator, "passwordFile", "validator.passwordFile").map(baseDirectory::resolve);
    if (keystore.isPresent() != password.isPresent()) {
      throw new ConfigException("validator: keystore and passwordFile go together");
    }
    OptionalLong blockFill = validator.has("blockFillMillisMax")
        ? OptionalLong.of(number(validator, "blockFillMillisMax", "validator.blockFillMillisMax")) : OptionalLong.empty();
    if (blockFill.isPresent() && blockFill.getAsLong() == 0) {
      throw new ConfigException("validator.blockFillMillisMax: 0 leaves no time for transactions; at least 1");
    }
    return new NodeConfig(datadir, text(root, "genesis", "genesis").map(baseDirectory::resolve), storageConfig,
        apiConfig, bool(api, "allowUnprotectedTransactions", "api.allowUnprotectedTransactions", false), keystore,
        password, blockFill, poolConfig, p2p(p2p, datadir, baseDirectory), clockOffset(section(root, "testing")));
  }

  private static long clockOffset(JsonNode testing) {
    JsonNode value = testing.path("clockOffsetMillis");
    if (value.isMissingNode()) {
      return 0;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || Math.abs(value.asLong()) > 3_600_000) {
      throw new ConfigException("testing.clockOffsetMillis: expected whole milliseconds within an hour either way");
    }
    return value.asLong();
  }

  /** The p2p section: on by default, on all interfaces at port 30303, as Ethereum clients do. */
  private static Optional<P2pSettings> p2p(JsonNode section, Path datadir, Path baseDirectory) {
    if (!bool(section, "enabled", "p2p.enabled", true)) {
      return Optional.empty();
    }
    List<NodeAddress> bootnodes = new ArrayList<>();
    if (section.has("bootnodes")) {
      for (String text : strings(section.get("bootnodes"), "p2p.bootnodes")) {
        bootnodes.add(bootnode(text, "p2p.bootnodes"));
      }
    }
    NetworkConfig network;
    try {
      network = new NetworkConfig(text(section, "host", "p2p.host").orElse("0.0.0.0"),
          integer(section, "port", "p2p.port", NetworkConfig.PORT_DEFAULT), bootnodes,
          integer(section, "inboundPeersMax", "p2p.inboundPeersMax", NetworkConfig.INBOUND_PEERS_MAX_DEFAULT),
          integer(section, "outboundPeersMax", "p2p.outboundPeersMax", NetworkConfig.OUTBOUND_PEERS_MAX_DEFAULT),
          Optional.empty(), sync(section(section, "sync", "p2p.sync")),
          integer(section, "followDistance", "p2p.followDistance", NetworkConfig.FOLLOW_DISTANCE_DEFAULT),
          syncMode(text(section, "syncMode", "p2p.syncMode").orElse("full"), "p2p.syncMode"),
          bool(section, "discovery", "p2p.discovery", true));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("p2p: " + e.getMessage());
    }
    P2pSettings settings = P2pSettings.inDatadir(datadir, network);
    return Optional.of(text(section, "nodeKeyFile", "p2p.nodeKeyFile")
        .map(file -> new P2pSettings(settings.network(), baseDirectory.resolve(file))).orElse(settings));
  }

  /** {@code full} or {@code snap}, as {@code p2p.syncMode} and {@code --sync-mode} spell it. */
  public static SyncMode syncMode(String text, String key) {
    return switch (text) {
      case "full" -> SyncMode.FULL;
      case "snap" -> SyncMode.SNAP;
      default -> throw new ConfigException(key + ": \"" + text + "\" is not a sync mode; use \"full\" or \"snap\"");
    };
  }

  /**
   * The p2p.sync section over the documented defaults. The pipeline depth follows the peers and requests allowed,
   * and the first timeout stays within the bounds given, so no combination of valid keys is refused for them.
   */
  private static SyncConfig sync(JsonNode section) {
    SyncConfig d = SyncConfig.BODIES;
    int peers = integer(section, "peersMax", "p2p.sync.peersMax", d.peersMax());
    int requests = integer(section, "requestsPerPeerMax", "p2p.sync.requestsPerPeerMax",
        d.requestsPerPeerMax());
    long timeoutMin = number(section, "timeoutMsMin", "p2p.sync.timeoutMsMin", d.timeoutMsMin());
    long timeoutMax = number(section, "timeoutMsMax", "p2p.sync.timeoutMsMax", d.timeoutMsMax());
    return new SyncConfig(d.phase(), integer(section, "batchSize", "p2p.sync.batchSize", d.batchSize()), peers,
        requests, integer(section, "retriesMax", "p2p.sync.retriesMax", d.retriesMax()),
        (int) Math.max(d.aheadBatchesMax(), Math.min(Integer.MAX_VALUE, (long) peers * requests)),
        Math.min(Math.max(d.timeoutMsInitial(), timeoutMin), timeoutMax), timeoutMin, timeoutMax);
  }

  /** A {@code lux://} address from the config or the command line; {@code where} names it in the error. */
  public static NodeAddress bootnode(String text, String where) {
    try {
      return NodeAddress.parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where + ": " + e.getMessage());
    }
  }

  /** The API's limits and access policy (docs/configuration.md); a missing burst is one second's worth. */
  private static ApiSafety safety(JsonNode api, Path baseDirectory) {
    ApiSafety defaults = ApiSafety.defaults();
    int rate = integer(api, "rateLimitPerSecond", "api.rateLimitPerSecond", defaults.rateLimitPerSecond());
    return new ApiSafety(
        integer(api, "responseBytesMax", "api.responseBytesMax", defaults.responseBytesMax()),
        integer(api, "connectionsMax", "api.connectionsMax", defaults.connectionsMax()),
        api.has("corsOrigins") ? strings(api.get("corsOrigins"), "api.corsOrigins") : defaults.corsOrigins(),
        rate,
        integer(api, "rateLimitBurst", "api.rateLimitBurst", rate),
        text(api, "jwtSecretFile", "api.jwtSecretFile").map(baseDirectory::resolve));
  }

  /** The endpoint's own listener when its section names a port (its host defaults to the API's). */
  private static Optional<SeparateListeners.Address> listener(JsonNode section, String name, String apiHost) {
    if (!section.has("port")) {
      if (section.has("host")) {
        throw new ConfigException(name + ".host: needs " + name + ".port (without a port the endpoint shares api's)");
      }
      return Optional.empty();
    }
    try {
      return Optional.of(new SeparateListeners.Address(text(section, "host", name + ".host").orElse(apiHost),
          integer(section, "port", name + ".port")));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name + ".port: " + e.getMessage());
    }
  }

  private static WebSocketConfig webSocket(JsonNode section) {
    WebSocketConfig d = WebSocketConfig.defaults();
    try {
      return new WebSocketConfig(
          integer(section, "connectionsMax", "webSocket.connectionsMax", d.connectionsMax()),
          integer(section, "subscriptionsPerConnectionMax", "webSocket.subscriptionsPerConnectionMax",
              d.subscriptionsPerConnectionMax()),
          integer(section, "outboundBytesMax", "webSocket.outboundBytesMax", d.outboundBytesMax()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("webSocket: " + e.getMessage());
    }
  }

  private static GraphQlLimits graphql(JsonNode section) {
    GraphQlLimits d = GraphQlLimits.defaults();
    try {
      return new GraphQlLimits(
          integer(section, "queryDepthMax", "graphql.queryDepthMax", d.queryDepthMax()),
          integer(section, "queryComplexityMax", "graphql.queryComplexityMax", d.queryComplexityMax()),
          integer(section, "blocksRangeMax", "graphql.blocksRangeMax", d.blocksRangeMax()),
          integer(section, "logsBlockRangeMax", "graphql.logsBlockRangeMax", d.logsBlockRangeMax()),
          integer(section, "logsResultsMax", "graphql.logsResultsMax", d.logsResultsMax()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("graphql: " + e.getMessage());
    }
  }

  private static StorageEngine engine(String name) {
    try {
      return StorageEngine.fromConfigName(name);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("storage.engine: " + e.getMessage());
    }
  }

  private static JsonNode section(JsonNode root, String name) {
    return section(root, name, name);
  }

  /** The object under {@code name}, its keys checked against those known at {@code path}. */
  private static JsonNode section(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (node == null) {
      return JSON.createObjectNode();
    }
    if (!node.isObject()) {
      throw new ConfigException(path + ": expected an object");
    }
    checkKeys(node, path);
    return node;
  }

  private static void checkKeys(JsonNode node, String section) {
    Set<String> known = KEYS.get(section);
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new ConfigException((section.isEmpty() ? "" : section + ".") + name + ": unknown key (known: "
            + String.join(", ", known.stream().sorted().toList()) + ")");
      }
    }
  }

  private static Optional<String> text(JsonNode node, String key, String where) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new ConfigException(where + ": expected a string");
    }
    return Optional.of(value.asText());
  }

  private static boolean bool(JsonNode node, String key, String where, boolean fallback) {
    JsonNode value = node.get(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw new ConfigException(where + ": expected true or false");
    }
    return value.asBoolean();
  }

  /** A whole number that fits an int: larger ones are refused rather than cut to another value. */
  private static int integer(JsonNode node, String key, String where, int fallback) {
    return node.has(key) ? integer(node, key, where) : fallback;
  }

  private static int integer(JsonNode node, String key, String where) {
    long value = number(node, key, where);
    if (value > Integer.MAX_VALUE) {
      throw new ConfigException(where + ": " + value + " is too large (at most " + Integer.MAX_VALUE + ")");
    }
    return (int) value;
  }

  private static long number(JsonNode node, String key, String where, long fallback) {
    return node.has(key) ? number(node, key, where) : fallback;
  }

  private static long number(JsonNode node, String key, String where) {
    JsonNode value = node.get(key);
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
      throw new ConfigException(where + ": expected a non-negative whole number");
    }
    return value.asLong();
  }

  private static BigInteger quantity(JsonNode value, String where) {
    if (value.isIntegralNumber() && value.bigIntegerValue().signum() >= 0) {
      return value.bigIntegerValue();
    }
    if (value.isTextual() && value.asText().startsWith("0x")) {
      try {
        return io.luxtensor.bytes.Hex.decodeQuantity(value.asText());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(where + ": " + e.getMessage());
      }
    }
    throw new ConfigException(where + ": expected a number or a 0x quantity");
  }

  private static List<String> strings(JsonNode value, String where) {
    if (!value.isArray()) {
      throw new ConfigException(where + ": expected an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        throw new ConfigException(where + ": expected an array of strings");
      }
      out.add(element.asText());
    }
    return out;
  }
}
