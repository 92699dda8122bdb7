package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.consensus.Validator;
import io.luxtensor.types.Wei;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wallet validator-info}: what a genesis file needs of a validator, derived as {@code start} derives it. */
class WalletValidatorInfoTest {
  @TempDir
  Path directory;

  @Test
  void theDevValidatorsKeystoreGivesTheEntryOfTheDevGenesisFile() throws Exception {
    WalletCli wallet = new WalletCli(directory);
    WalletCli.Run imported = wallet.run("import", "--keystore-file", "config/dev-validator.json", "--name",
        "validator", "--password-file", "config/dev-validator.password");
    assertEquals(ExitCodes.OK, imported.exitCode(), imported.all());

    WalletCli.Run info = wallet.run("validator-info", "validator", "--stake", "32", "--password-file",
        "config/dev-validator.password");
    assertEquals(ExitCodes.OK, info.exitCode(), info.all());
    JsonNode entry = new ObjectMapper().readTree(info.out());
    Validator expected = GenesisSpec.parse(Files.readString(Path.of("config/genesis-dev.json"))).validators().get(0);
    assertEquals(expected.address().toChecksumHex(), entry.get("address").asText());
    assertEquals(expected.vrfPublicKey().toHex(), entry.get("vrfPublicKey").asText());
    assertEquals(Wei.ofLux("32").value(), new java.math.BigInteger(entry.get("stake").asText().substring(2), 16));
  }

  @Test
  void aWrongPasswordOrABadStakeIsAClearOneLineError() {
    WalletCli wallet = new WalletCli(directory);
    wallet.run("import", "--keystore-file", "config/dev-validator.json", "--name", "validator", "--password-file",
        "config/dev-validator.password");
    WalletCli.Run wrong = wallet.run("validator-info", "validator", "--password-file",
        wallet.passwordFile().toString());
    assertEquals(ExitCodes.FAILED, wrong.exitCode(), wrong.all());
    assertTrue(wrong.err().startsWith("error: wrong password for validator"), wrong.err());
    assertEquals(1, wrong.err().lines().count(), wrong.err());

    WalletCli.Run badStake = wallet.run("validator-info", "validator", "--stake", "0.0000000000000000001",
        "--password-file", "config/dev-validator.password");
    assertEquals(ExitCodes.USAGE, badStake.exitCode(), badStake.all());
    assertTrue(badStake.err().contains("--stake: LUX amounts have at most 18 decimals"), badStake.err());
  }
}
