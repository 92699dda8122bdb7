package io.luxtensor.consensus;

import io.luxtensor.types.Address;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The active validators, in address order (the order every node iterates them in), and their total stake. */
public final class ValidatorSet {
  /** DESIGN §5: at most 100 active validators. */
  public static final int ACTIVE_VALIDATORS_MAX = 100;

  private final List<Validator> validators;
  private final BigInteger totalStake;

  public ValidatorSet(List<Validator> validators) {
    if (validators.isEmpty()) {
      throw new IllegalArgumentException("a chain needs at least one validator");
    }
    if (validators.size() > ACTIVE_VALIDATORS_MAX) {
      throw new IllegalArgumentException("at most " + ACTIVE_VALIDATORS_MAX + " active validators, got " + validators.size());
    }
    this.validators = validators.stream().sorted(Comparator.comparing(Validator::address)).toList();
    for (int i = 1; i < this.validators.size(); i++) {
      if (this.validators.get(i).address().equals(this.validators.get(i - 1).address())) {
        throw new IllegalArgumentException("validator " + this.validators.get(i).address() + " is listed twice");
      }
    }
    this.totalStake = this.validators.stream().map(v -> v.stake().value()).reduce(BigInteger.ZERO, BigInteger::add);
  }

  public List<Validator> validators() {
    return validators;
  }

  public BigInteger totalStake() {
    return totalStake;
  }

  public Optional<Validator> find(Address address) {
    return validators.stream().filter(v -> v.address().equals(address)).findFirst();
  }

  /** Whether {@code stake} is at least two thirds of the total, in integers: 3 * stake >= 2 * total. */
  public boolean isSupermajority(BigInteger stake) {
    return stake.multiply(BigInteger.valueOf(3)).compareTo(totalStake.multiply(BigInteger.TWO)) >= 0;
  }
}
