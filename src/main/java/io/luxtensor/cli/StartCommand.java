package io.luxtensor.cli;

import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.consensus.Validator;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.crypto.Keystore;
import io.luxtensor.node.ChainService;
import io.luxtensor.node.ConfigException;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.node.NodeConfig;
import io.luxtensor.node.validators.ValidatorChoice;
import io.luxtensor.node.validators.ValidatorKeyStore;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.storage.KeyValueStore;
import io.luxtensor.storage.KeyValueStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  @Override
  public void run() {
    NodeConfig config = NodeConfig.parse(read(configFile), configFile.toAbsolutePath().getParent());
    GenesisSpec genesis = genesisOf(config);
    ValidatorKeys validator = validatorOf(config, genesis);
    LuxtensorNode node = LuxtensorNode.start(new LuxtensorNode.Options(config.storage(), genesis, true, validator,
        new ChainService.Sealing.EverySlot(), config.api(), config.txpool(),
        config.allowUnprotectedTransactions(), VersionProvider.version(), List.of()), System::currentTimeMillis);
    System.out.println("LuxTensor " + VersionProvider.version() + ": chain " + genesis.parameters().chainId()
        + ", validator " + validator.address().toChecksumHex() + ", data in " + config.datadir());
    System.out.println("JSON-RPC listening on http://" + config.api().host() + ":" + node.rpcPort());
    UntilShutdown.run(node);
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
   * The keys the node signs with: {@code validator.keystore} when the config sets it; else the one key in
   * DATADIR/validators/, or the one of several there that the genesis names as a validator.
   */
  static ValidatorKeys validatorOf(NodeConfig config, GenesisSpec genesis) {
    if (config.validatorKeystore().isPresent()) {
      String password = read(config.validatorPasswordFile().orElseThrow()).strip();
      return ValidatorKeys.derivedFrom(Keystore.decrypt(read(config.validatorKeystore().get()), password));
    }
    ValidatorKeyStore store = ValidatorKeyStore.inDatadir(config.datadir());
    return store.unlock(ValidatorChoice.forChain(store.list(),
        genesis.validators().stream().map(Validator::address).toList(), store.path()));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
