package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.crypto.KdfParams.ScryptParams;
import io.luxtensor.crypto.Keystore;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.node.NodeConfig;
import io.luxtensor.node.validators.ValidatorKeyStore;
import io.luxtensor.node.validators.ValidatorKeyStoreException;
import io.luxtensor.testing.SeededRandom;
import io.luxtensor.types.Address;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code luxtensor start} without validator.keystore signs with a key of DATADIR/validators/. */
class StartValidatorKeyTest {
  private static final Path REPOSITORY = Path.of("").toAbsolutePath();
  private static final String PASSWORD = "pw";

  @TempDir
  Path datadir;

  @Test
  void withoutAnyKeyTheNodeFollows() {
    assertTrue(StartCommand.validatorOf(configWithoutKeystore(), devGenesis()).isEmpty());
  }

  @Test
  void theOnlyStoredKeyIsUsed() {
    PrivateKey key = DevChain.accounts(1).get(0).key();
    store().importKey(keystore(key), "a.json", PASSWORD);
    assertEquals(Address.of(key.publicKey()), StartCommand.validatorOf(configWithoutKeystore(), devGenesis())
        .orElseThrow().address());
  }

  @Test
  void ofSeveralStoredKeysTheGenesisValidatorsIsUsed() throws Exception {
    importDevValidator();
    for (DevChain.DevAccount account : DevChain.accounts(2)) {
      store().importKey(keystore(account.key()), "account.json", PASSWORD);
    }
    ValidatorKeys chosen = StartCommand.validatorOf(configWithoutKeystore(), devGenesis()).orElseThrow();
    assertEquals(devGenesis().validators().get(0).address(), chosen.address());
    assertEquals(devGenesis().validators().get(0).vrfPublicKey(), chosen.vrfPublicKey());
  }

  @Test
  void severalKeysNoneInTheGenesisIsRefusedWithOneLine() throws Exception {
    for (DevChain.DevAccount account : DevChain.accounts(2)) {
      store().importKey(keystore(account.key()), "account.json", PASSWORD);
    }
    ValidatorKeyStoreException refused = assertThrows(ValidatorKeyStoreException.class,
        () -> StartCommand.validatorOf(configWithoutKeystore(), devGenesis()));
    assertEquals(ValidatorKeyStoreException.Reason.NO_SINGLE_VALIDATOR, refused.reason());

    Path config = Files.writeString(datadir.resolve("config.json"), "{\"datadir\": \"" + datadir + "\", "
        + "\"genesis\": \"" + REPOSITORY.resolve("config/genesis-dev.json") + "\"}");
    CommandRun start = CommandRun.of("start", "--config", config.toString());
    assertEquals(ExitCodes.FAILED, start.exitCode(), start.printed());
    assertEquals(1, start.err().lines().count(), start.err());
    assertTrue(start.err().contains("this release runs one validator per chain until the peer-to-peer release"),
        start.err());
  }

  @Test
  void theConfiguredKeystoreStillWinsOverTheStore() {
    store().importKey(keystore(DevChain.accounts(1).get(0).key()), "a.json", PASSWORD);
    NodeConfig config = NodeConfig.parse("{\"datadir\": \"" + datadir + "\", \"validator\": {\"keystore\": "
        + "\"config/dev-validator.json\", \"passwordFile\": \"config/dev-validator.password\"}}", REPOSITORY);
    assertEquals(devGenesis().validators().get(0).address(), StartCommand.validatorOf(config, devGenesis())
        .orElseThrow().address());
  }

  private void importDevValidator() throws Exception {
    store().importKey(Files.readString(Path.of("config/dev-validator.json")), "dev-validator.json",
        Files.readString(Path.of("config/dev-validator.password")).strip());
  }

  private ValidatorKeyStore store() {
    return ValidatorKeyStore.inDatadir(datadir);
  }

  private NodeConfig configWithoutKeystore() {
    return NodeConfig.parse("{\"datadir\": \"" + datadir + "\"}", REPOSITORY);
  }

  private static GenesisSpec devGenesis() {
    try {
      return GenesisSpec.parse(Files.readString(Path.of("config/genesis-dev.json")));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String keystore(PrivateKey key) {
    return Keystore.encrypt(key, PASSWORD, new ScryptParams(16, 1, 1), SeededRandom.of(11));
  }
}
