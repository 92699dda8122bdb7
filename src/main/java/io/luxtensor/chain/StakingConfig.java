package io.luxtensor.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.consensus.InactivityParameters;
import io.luxtensor.consensus.RewardParameters;
import io.luxtensor.consensus.RotationParameters;
import io.luxtensor.consensus.SlashingParameters;
import io.luxtensor.consensus.StakingParameters;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.Set;

/**
 * The {@code config.staking} section of a genesis file: {@link StakingParameters}, each field optional with its
 * default, each checked against its range (docs/genesis.md lists them).
 */
final class StakingConfig {
  private static final String WHERE = "config.staking";
  private static final Set<String> FIELDS = Set.of("minimumStake", "activeValidatorsMax", "churnLimit",
      "rotationDelayEpochs", "withdrawalDelayEpochs", "slashingPercent", "reporterRewardDivisor", "issuancePerEpoch",
      "proposerRewardPercent", "inactivityGraceEpochs", "inactivityPenaltyBasisPoints");

  private StakingConfig() {}

  /** The section as written by {@link #write}; {@code node} null (no section) gives the defaults. */
  static StakingParameters parse(JsonNode node) {
    if (node == null) {
      return StakingParameters.DEFAULT;
    }
    ObjectNode staking = GenesisSpec.object(node, WHERE);
    GenesisSpec.onlyKnownKeys(staking, FIELDS, WHERE);
    StakingParameters defaults = StakingParameters.DEFAULT;
    RotationParameters rotation = new RotationParameters(
        wei(staking, "minimumStake", defaults.rotation().minimumStake(), BigInteger.ONE, Wei.MAX_VALUE, "2^256 - 1"),
        (int) bounded(staking, "activeValidatorsMax", defaults.rotation().activeMax(), 1,
            ValidatorSet.ACTIVE_VALIDATORS_MAX),
        (int) bounded(staking, "churnLimit", defaults.rotation().churnLimit(), 1, RotationParameters.CHURN_LIMIT_MAX),
        bounded(staking, "rotationDelayEpochs", defaults.rotation().delayEpochs(), 1, RotationParameters.EPOCHS_MAX),
        bounded(staking, "withdrawalDelayEpochs", defaults.rotation().withdrawalDelayEpochs(), 0,
            RotationParameters.EPOCHS_MAX));
    SlashingParameters slashing = new SlashingParameters(
        (int) bounded(staking, "slashingPercent", defaults.slashing().percent(), 1, 100),
        (int) bounded(staking, "reporterRewardDivisor", defaults.slashing().reporterShareDivisor(), 1,
            Integer.MAX_VALUE));
    RewardParameters rewards = new RewardParameters(
        wei(staking, "issuancePerEpoch", defaults.rewards().issuancePerEpoch(), BigInteger.ZERO,
            RewardParameters.ISSUANCE_PER_EPOCH_MAX, "2^128"),
        (int) bounded(staking, "proposerRewardPercent", defaults.rewards().proposerPercent(), 0, 100));
    InactivityParameters inactivity = new InactivityParameters(
        bounded(staking, "inactivityGraceEpochs", defaults.inactivity().graceEpochs(), 0, RotationParameters.EPOCHS_MAX),
        (int) bounded(staking, "inactivityPenaltyBasisPoints", defaults.inactivity().penaltyBasisPoints(), 0,
            InactivityParameters.BASIS_POINTS));
    return new StakingParameters(rotation, slashing, rewards, inactivity);
  }

  /** Writes every field of {@code parameters} into {@code config}'s staking section. */
  static void write(ObjectNode config, StakingParameters parameters) {
    ObjectNode staking = config.putObject("staking");
    staking.put("minimumStake", Hex.encodeQuantity(parameters.rotation().minimumStake().value()));
    staking.put("activeValidatorsMax", parameters.rotation().activeMax());
    staking.put("churnLimit", parameters.rotation().churnLimit());
    staking.put("rotationDelayEpochs", parameters.rotation().delayEpochs());
    staking.put("withdrawalDelayEpochs", parameters.rotation().withdrawalDelayEpochs());
    staking.put("slashingPercent", parameters.slashing().percent());
    staking.put("reporterRewardDivisor", parameters.slashing().reporterShareDivisor());
    staking.put("issuancePerEpoch", Hex.encodeQuantity(parameters.rewards().issuancePerEpoch().value()));
    staking.put("proposerRewardPercent", parameters.rewards().proposerPercent());
    staking.put("inactivityGraceEpochs", parameters.inactivity().graceEpochs());
    staking.put("inactivityPenaltyBasisPoints", parameters.inactivity().penaltyBasisPoints());
  }

  private static long bounded(ObjectNode staking, String field, long fallback, long min, long max) {
    BigInteger value = number(staking, field);
    if (value == null) {
      return fallback;
    }
    if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new GenesisException(WHERE + "." + field + ": must be in [" + min + ", " + max + "], got " + value);
    }
    return value.longValueExact();
  }

  private static Wei wei(ObjectNode staking, String field, Wei fallback, BigInteger min, BigInteger max,
      String maxText) {
    BigInteger value = number(staking, field);
    if (value == null) {
      return fallback;
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new GenesisException(WHERE + "." + field + ": must be in [" + min + ", " + maxText + "] wei, got " + value);
    }
    return Wei.of(value);
  }

  /** The field's value, negative ones included so that the range check names them; null when absent. */
  private static BigInteger number(ObjectNode staking, String field) {
    JsonNode value = staking.get(field);
    if (value == null) {
      return null;
    }
    return value.isIntegralNumber() ? value.bigIntegerValue() : GenesisSpec.quantityOf(value, WHERE + "." + field);
  }
}
