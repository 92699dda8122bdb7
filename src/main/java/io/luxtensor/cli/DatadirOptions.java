package io.luxtensor.cli;

import io.luxtensor.node.validators.ValidatorKeyStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The data directory option of the validator commands, whose keys live in DATADIR/validators/. */
final class DatadirOptions {
  @Option(names = "--datadir", required = true, paramLabel = "DIR",
      description = "The node's data directory (config.json's datadir); keys are in DIR/validators/.")
  Path datadir;

  ValidatorKeyStore validators() {
    return ValidatorKeyStore.inDatadir(datadir);
  }
}
