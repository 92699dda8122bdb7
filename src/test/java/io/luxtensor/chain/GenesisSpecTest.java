package io.luxtensor.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.types.Wei;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GenesisSpecTest {

  @Test
  void specsRoundTripThroughJson() {
    GenesisSpec spec = DevChain.genesis(new DevChain.Settings(31337, 10, DevChain.BALANCE_DEFAULT, 0, 1_700_000_000L));
    assertEquals(spec, GenesisSpec.parse(spec.toJson()));
  }

  /** config/genesis-dev.json is the dev chain's genesis with a timestamp of 0 and 1-second slots, byte for byte. */
  @Test
  void theShippedDevGenesisIsTheDevChains() throws IOException {
    GenesisSpec dev = DevChain.genesis(new DevChain.Settings(31337, 10, DevChain.BALANCE_DEFAULT, 1000, 0));
    assertEquals(dev.toJson(), Files.readString(Path.of("config/genesis-dev.json")));
  }

  /**
   * The testnet and mainnet presets fix the chain parameters but leave the validators to whoever launches the network
   * (docs/genesis.md): with their validators filled in they parse; as shipped, the error says what is missing.
   */
  @ParameterizedTest
  @CsvSource({"config/genesis-testnet.json, 9999", "config/genesis-mainnet.json, 8898"})
  void theNetworkPresetsNeedOnlyTheirValidators(String preset, long chainId) throws IOException {
    String json = Files.readString(Path.of(preset));
    GenesisException missing = assertThrows(GenesisException.class, () -> GenesisSpec.parse(json));
    assertTrue(missing.getMessage().startsWith("validators"), missing.getMessage());
    String devValidators = DevChain.genesis(new DevChain.Settings(1, 0, Wei.ZERO, 0, 0)).toJson()
        .replaceAll("(?s).*(\"validators\" : \\[.*?\\]).*", "$1");
    GenesisSpec completed = GenesisSpec.parse(json.replaceAll("\"validators\"\\s*:\\s*\\[\\s*\\]", devValidators));
    assertEquals(chainId, completed.parameters().chainId());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "not json",
      "[]",
      "{\"config\": {\"chainId\": 1}, \"gasLimit\": \"0x1\", \"baseFeePerGas\": \"0x1\"}",
      "{\"config\": {\"chainId\": 1, \"bogus\": 1}, \"gasLimit\": \"0x1\", \"baseFeePerGas\": \"0x1\", \"validators\": []}",
      "{\"config\": {\"chainId\": \"0x01\"}, \"gasLimit\": \"0x1\", \"baseFeePerGas\": \"0x1\", \"validators\": []}",
      "{\"config\": {\"chainId\": 1}, \"gasLimit\": \"0x1\", \"baseFeePerGas\": \"0x1\", \"validators\": [{\"address\": \"0x12\", \"stake\": \"0x1\", \"vrfPublicKey\": \"0x02\"}]}",
      "{\"config\": {\"chainId\": -5}, \"gasLimit\": \"0x1\", \"baseFeePerGas\": \"0x1\", \"validators\": []}"})
  void malformedGenesisFilesNameTheirProblem(String json) {
    GenesisException e = assertThrows(GenesisException.class, () -> GenesisSpec.parse(json));
    assertTrue(e.getMessage().length() > 10, e.getMessage());
  }

  @Test
  void stakeAndBalancesAreExact() {
    GenesisSpec spec = DevChain.genesis(new DevChain.Settings(1, 1, Wei.ofLux("0.000000000000000001"), 0, 0));
    assertEquals(Wei.of(1), spec.alloc().values().iterator().next().balance());
  }
}
