package io.luxtensor.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.consensus.InactivityParameters;
import io.luxtensor.consensus.RewardParameters;
import io.luxtensor.consensus.RotationParameters;
import io.luxtensor.consensus.SlashingParameters;
import io.luxtensor.consensus.StakingParameters;
import io.luxtensor.types.Wei;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GenesisSpecTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEV_JSON =
      DevChain.genesis(new DevChain.Settings(31337, 1, DevChain.BALANCE_DEFAULT, 0, 0)).toJson();

  /** A JSON text to put as it is (a string with its quotes, a number, anything malformed). */
  private record RawJson(String text) {}

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
  void theStakingRulesRoundTripAndEveryFieldReachesItsParameter() {
    StakingParameters rules = new StakingParameters(new RotationParameters(Wei.ofLux("16"), 21, 3, 5, 7),
        new SlashingParameters(20, 4), new RewardParameters(Wei.ofLux("2.5"), 30), new InactivityParameters(64, 250));
    GenesisSpec dev = DevChain.genesis(new DevChain.Settings(31337, 1, DevChain.BALANCE_DEFAULT, 0, 0));
    ChainParameters p = dev.parameters();
    GenesisSpec spec = new GenesisSpec(new ChainParameters(p.chainId(), p.genesisTimeMillis(), p.slotMillis(),
        p.slotsPerEpoch(), p.minBaseFeePerGas(), rules), dev.gasLimit(), dev.baseFeePerGas(), dev.extraData(),
        dev.alloc(), dev.validators());

    assertEquals(spec, GenesisSpec.parse(spec.toJson()));
    GenesisSpec decimal = GenesisSpec.parse(withStaking(Map.of("minimumStake", "16000000000000000000",
        "activeValidatorsMax", 21, "churnLimit", 3, "rotationDelayEpochs", 5, "withdrawalDelayEpochs", 7,
        "slashingPercent", 20, "reporterRewardDivisor", 4, "issuancePerEpoch", "2500000000000000000",
        "proposerRewardPercent", 30, "inactivityGraceEpochs", "0x40"), Map.of("inactivityPenaltyBasisPoints", 250)));
    assertEquals(rules, decimal.parameters().staking(), "decimal strings, numbers and 0x quantities alike");
  }

  @Test
  void omittedStakingRulesAreTheDefaults() {
    assertEquals(StakingParameters.DEFAULT, GenesisSpec.parse(DEV_JSON.replaceAll(
        "(?s),\\s*\"staking\"\\s*:\\s*\\{[^}]*}", "")).parameters().staking());
    StakingParameters partial = GenesisSpec.parse(withStaking(Map.of("inactivityGraceEpochs", 1000), Map.of()))
        .parameters().staking();
    assertEquals(new InactivityParameters(1000, InactivityParameters.DEFAULT.penaltyBasisPoints()),
        partial.inactivity());
    assertEquals(StakingParameters.DEFAULT.rotation(), partial.rotation());
  }

  /** Each bad value is refused with the field's full name and its allowed range. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "minimumStake | \"0x0\" | config.staking.minimumStake: must be in [1, 2^256 - 1] wei, got 0",
      "activeValidatorsMax | 0 | config.staking.activeValidatorsMax: must be in [1, 100], got 0",
      "activeValidatorsMax | 101 | config.staking.activeValidatorsMax: must be in [1, 100], got 101",
      "churnLimit | 0 | config.staking.churnLimit: must be in [1, 200], got 0",
      "churnLimit | \"-3\" | config.staking.churnLimit: must be in [1, 200], got -3",
      "rotationDelayEpochs | 0 | config.staking.rotationDelayEpochs: must be in [1, 4294967296], got 0",
      "withdrawalDelayEpochs | -1 | config.staking.withdrawalDelayEpochs: must be in [0, 4294967296], got -1",
      "slashingPercent | 0 | config.staking.slashingPercent: must be in [1, 100], got 0",
      "slashingPercent | 101 | config.staking.slashingPercent: must be in [1, 100], got 101",
      "reporterRewardDivisor | 0 | config.staking.reporterRewardDivisor: must be in [1, 2147483647], got 0",
      "issuancePerEpoch | \"0x100000000000000000000000000000001\" | "
          + "config.staking.issuancePerEpoch: must be in [0, 2^128] wei, got 340282366920938463463374607431768211457",
      "proposerRewardPercent | 101 | config.staking.proposerRewardPercent: must be in [0, 100], got 101",
      "inactivityGraceEpochs | 4294967297 | config.staking.inactivityGraceEpochs: must be in [0, 4294967296], got 4294967297",
      "inactivityPenaltyBasisPoints | 10001 | "
          + "config.staking.inactivityPenaltyBasisPoints: must be in [0, 10000], got 10001",
      "inactivityPenaltyBasisPoints | \"lots\" | config.staking.inactivityPenaltyBasisPoints: not a quantity",
      "bogus | 1 | config.staking: unknown field \"bogus\""})
  void badStakingRulesAreRefusedNamingTheFieldAndItsRange(String field, String json, String message) {
    String genesis = withStaking(Map.of(), Map.of(field, new RawJson(json)));

    GenesisException refused = assertThrows(GenesisException.class, () -> GenesisSpec.parse(genesis));

    assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
  }

  @Test
  void theGenesisValidatorsMustFitTheStakingRules() {
    GenesisException tooFew = assertThrows(GenesisException.class, () -> GenesisSpec.parse(
        withStaking(Map.of("minimumStake", "33000000000000000000"), Map.of())));
    assertEquals("validators[0].stake: 32000000000000000000 wei is below config.staking.minimumStake "
        + "(33000000000000000000 wei)", tooFew.getMessage());
    // The dev validator listed twice: the count is checked before anything else about them.
    String twoValidators = DEV_JSON.replaceAll("(?s)(\"validators\" : \\[)(.*?)(\\s*\\])", "$1$2,$2$3");
    assertEquals(2, GenesisSpec.parse(twoValidators).validators().size());
    GenesisException tooMany = assertThrows(GenesisException.class, () -> GenesisSpec.parse(
        twoValidators.replace("\"activeValidatorsMax\" : 100", "\"activeValidatorsMax\" : 1")));
    assertEquals("validators: 2 listed, more than config.staking.activeValidatorsMax (1)", tooMany.getMessage());
  }

  @Test
  void stakeAndBalancesAreExact() {
    GenesisSpec spec = DevChain.genesis(new DevChain.Settings(1, 1, Wei.ofLux("0.000000000000000001"), 0, 0));
    assertEquals(Wei.of(1), spec.alloc().values().iterator().next().balance());
  }

  /** The dev genesis with {@code values} and {@code more} set in config.staking (Map.of takes ten pairs at most). */
  private static String withStaking(Map<String, Object> values, Map<String, Object> more) {
    try {
      ObjectNode genesis = (ObjectNode) JSON.readTree(DEV_JSON);
      ObjectNode staking = (ObjectNode) genesis.get("config").get("staking");
      Map<String, Object> all = new TreeMap<>(values);
      all.putAll(more);
      for (Map.Entry<String, Object> entry : all.entrySet()) {
        Object value = entry.getValue();
        staking.set(entry.getKey(), value instanceof RawJson raw ? JSON.readTree(raw.text()) : JSON.valueToTree(value));
      }
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(genesis);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
