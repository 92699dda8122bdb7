package io.luxtensor.cli;

import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.node.ChainInitializer;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.storage.KeyValueStore;
import io.luxtensor.storage.KeyValueStores;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.storage.StorageEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code luxtensor init}: writes a genesis into a new data directory. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Initialize a data directory with a genesis file (docs/genesis.md).",
    footer = {"", "Example:", "  luxtensor init --genesis config/genesis-dev.json --datadir data"})
final class InitCommand implements Runnable {

  @Option(names = "--genesis", required = true, paramLabel = "FILE", description = "The genesis file.")
  Path genesis;

  @Option(names = "--datadir", required = true, paramLabel = "DIR", description = "The data directory.")
  Path datadir;

  @Option(names = "--storage", defaultValue = "rocksdb", paramLabel = "ENGINE",
      description = "rocksdb (the default; the only on-disk engine offered).")
  String engine;

  @Override
  public void run() {
    GenesisSpec spec;
    try {
      spec = GenesisSpec.parse(Files.readString(genesis));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + genesis + ": " + e.getMessage(), e);
    }
    StorageConfig storage = StorageConfig.persistent(StorageEngine.fromConfigName(engine), datadir.resolve("db"));
    try (KeyValueStore store = KeyValueStores.open(storage)) {
      ChainDatabase database = new ChainDatabase(store);
      ChainInitializer.initialize(database, spec, true);
      System.out.println("Initialized chain " + spec.parameters().chainId() + " in " + datadir + " (genesis "
          + database.genesisHash().orElseThrow() + ")");
    }
  }
}
