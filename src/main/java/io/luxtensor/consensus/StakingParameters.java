package io.luxtensor.consensus;

import java.util.Objects;

/**
 * The rules of a chain whose validators stake in the staking contract, fixed at genesis ({@code config.staking} of
 * the genesis file, docs/genesis.md).
 *
 * @param rotation who is active when: minimum stake, seats, churn and delays
 * @param slashing what a proven offence costs
 * @param rewards what each epoch mints for proposers and timely voters
 * @param inactivity what a long absence costs
 */
public record StakingParameters(RotationParameters rotation, SlashingParameters slashing, RewardParameters rewards,
    InactivityParameters inactivity) {
  public static final StakingParameters DEFAULT = new StakingParameters(RotationParameters.DEFAULT,
      SlashingParameters.DEFAULT, RewardParameters.DEFAULT, InactivityParameters.DEFAULT);

  public StakingParameters {
    Objects.requireNonNull(rotation, "rotation");
    Objects.requireNonNull(slashing, "slashing");
    Objects.requireNonNull(rewards, "rewards");
    Objects.requireNonNull(inactivity, "inactivity");
  }
}
