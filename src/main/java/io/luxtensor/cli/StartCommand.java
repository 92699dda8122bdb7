package io.luxtensor.cli;

import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.consensus.Validator;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.crypto.Keystore;
import io.luxtensor.crypto.Secp256k1;
import io.luxtensor.node.ChainService;
import io.luxtensor.node.ConfigException;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.node.NodeConfig;
import io.luxtensor.node.P2pSettings;
import io.luxtensor.node.validators.ValidatorChoice;
import io.luxtensor.node.validators.ValidatorKeyStore;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.storage.KeyValueStore;
import io.luxtensor.p2p.NetworkConfig;
import io.luxtensor.p2p.transport.NodeAddress;
import io.luxtensor.storage.KeyValueStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code luxtensor start}: runs a persistent node from a configuration file. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {"Run a persistent node from a configuration file (docs/configuration.md).",
        "It signs with validator.keystore if the config sets it, else with the key in DATADIR/validators/ "
            + "(luxtensor validator import); of several there, with the one the genesis names as a validator."},
    footer = {"", "Example:", "  luxtensor start --config config.json"})
final class StartCommand implements Runnable {

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "The node's config.json.")
  Path configFile;

  @Option(names = "--bootnodes", split = ",", paramLabel = "LUX_ADDRESS",
      description = "Peers to dial at start (lux://<node public key>@host:port), with p2p.bootnodes; comma-separated.")
  List<String> bootnodes = List.of();

  @Option(names = "--p2p-port", paramLabel = "PORT", description = "The p2p port, instead of p2p.port (default 30303).")
  Integer p2pPort;

  @Option(names = "--sync-mode", paramLabel = "MODE",
      description = "How a new node gets the chain: full (replay every block) or snap (from a recent finalized "
          + "block's state); instead of p2p.syncMode (default full).")
  String syncMode;

  @Override
  public void run() {
    UntilShutdown.run(startNode());
  }

  /** Starts the configured node and prints where it listens. */
  LuxtensorNode startNode() {
    NodeConfig config = NodeConfig.parse(read(configFile), configFile.toAbsolutePath().getParent());
    GenesisSpec genesis = genesisOf(config);
    List<ValidatorKeys> validators = validatorsOf(config, genesis);
    ChainService.Sealing.EverySlot sealing = new ChainService.Sealing.EverySlot(config.blockFillMillisMax());
    try {
      sealing.check(genesis.parameters().slotMillis());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("validator.blockFillMillisMax: " + e.getMessage());
    }
    LuxtensorNode node = LuxtensorNode.start(new LuxtensorNode.Options(config.storage(), genesis, true, validators,
        sealing, config.api(), config.txpool(),
        config.allowUnprotectedTransactions(), VersionProvider.version(), List.of(), p2p(config)),
        () -> System.currentTimeMillis() + config.clockOffsetMillis());
    System.out.println("LuxTensor " + VersionProvider.version() + ": chain " + genesis.parameters().chainId()
        + (validators.isEmpty() ? ", no validator key: following the chain" : ", validator " + String.join(", ",
            validators.stream().map(v -> v.address().toChecksumHex()).toList())) + ", data in " + config.datadir());
    System.out.println("Signatures: " + Secp256k1.recoveryBackend());
    System.out.println("JSON-RPC listening on http://" + config.api().host() + ":" + node.rpcPort());
    node.network().ifPresentOrElse(n -> System.out.println("p2p listening; this node's address: " + n.address()),
        () -> System.out.println("p2p is off (p2p.enabled is false): this node runs alone"));
    return node;
  }

  /** The config's p2p settings with the command line's bootnodes and port. */
  private Optional<P2pSettings> p2p(NodeConfig config) {
    if (config.p2p().isEmpty()) {
      if (!bootnodes.isEmpty() || p2pPort != null || syncMode != null) {
        throw new ConfigException("--bootnodes, --p2p-port and --sync-mode need p2p, which the config turns off "
            + "(p2p.enabled)");
      }
      return Optional.empty();
    }
    P2pSettings settings = config.p2p().get();
    NetworkConfig network = settings.network();
    List<NodeAddress> allBootnodes = new ArrayList<>(network.bootnodes());
    bootnodes.forEach(text -> allBootnodes.add(NodeConfig.bootnode(text, "--bootnodes")));
    int port = p2pPort == null ? network.port() : p2pPort;
    try {
      return Optional.of(new P2pSettings(new NetworkConfig(network.host(), port, allBootnodes,
          network.inboundPeersMax(), network.outboundPeersMax(), network.peerTable(), network.sync(),
          network.followDistance(), syncMode == null ? network.syncMode()
              : NodeConfig.syncMode(syncMode, "--sync-mode"), network.discovery()), settings.nodeKeyFile()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--p2p-port: " + e.getMessage());
    }
  }

  /** The stored chain's genesis, or the configured genesis file's for a new data directory. */
  private static GenesisSpec genesisOf(NodeConfig config) {
    try (KeyValueStore store = KeyValueStores.open(config.storage())) {
      var stored = new ChainDatabase(store).genesisSpec();
      if (stored.isPresent()) {
        return stored.get();
      }
    }
    Path genesisFile = config.genesis().orElseThrow(() -> new ConfigException(config.datadir()
        + " is not initialized: run luxtensor init --genesis FILE --datadir DIR, or set \"genesis\" in the config"));
    return GenesisSpec.parse(read(genesisFile));
  }

  /**
   * The keys the node signs with. On a chain with several genesis validators (a staking chain), every key in
   * DATADIR/validators/ (a node may run several, and a key signs only while the staking contract makes it a
   * validator), or {@code validator.keystore}; else as {@link #validatorOf}.
   */
  static List<ValidatorKeys> validatorsOf(NodeConfig config, GenesisSpec genesis) {
    if (genesis.validatorsStake() && config.validatorKeystore().isEmpty()) {
      // Not only the genesis validators: a key that stakes later signs from its activation epoch on.
      ValidatorKeyStore store = ValidatorKeyStore.inDatadir(config.datadir());
      return store.list().stream().map(store::unlock).toList();
    }
    return validatorOf(config, genesis).stream().toList();
  }

  /**
   * The key the node signs with: {@code validator.keystore} when the config sets it; else the one key in
   * DATADIR/validators/, or the one of several there that the genesis names as a validator; none when there is
   * no key at all, and the node follows the chain.
   */
  static Optional<ValidatorKeys> validatorOf(NodeConfig config, GenesisSpec genesis) {
    if (config.validatorKeystore().isPresent()) {
      String password = read(config.validatorPasswordFile().orElseThrow()).strip();
      return Optional.of(ValidatorKeys.derivedFrom(Keystore.decrypt(read(config.validatorKeystore().get()),
          password)));
    }
    ValidatorKeyStore store = ValidatorKeyStore.inDatadir(config.datadir());
    if (store.list().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(store.unlock(ValidatorChoice.forChain(store.list(),
        genesis.validators().stream().map(Validator::address).toList(), store.path())));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
