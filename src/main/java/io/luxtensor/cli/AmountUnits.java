package io.luxtensor.cli;

import io.luxtensor.types.Wei;
import java.math.BigDecimal;
import java.math.BigInteger;
import picocli.CommandLine.Option;

/**
 * The {@code --wei} option and what it changes: amounts in LUX and gas prices in gwei (as wallets show them) for
 * people, or both exactly in wei.
 */
final class AmountUnits {
  private static final BigDecimal WEI_PER_GWEI = BigDecimal.TEN.pow(9);

  @Option(names = "--wei", description = "Show amounts and gas prices in wei, exactly, instead of LUX and gwei.")
  boolean wei;

  /** An amount of the native token: {@code 1.5 LUX}, or {@code 1500000000000000000 wei}. */
  String amount(BigInteger value) {
    return wei ? value + " wei" : Wei.of(value).toLuxString() + " LUX";
  }

  /** A price per unit of gas: {@code 1.000000007 gwei}, or {@code 1000000007 wei}. */
  String gasPrice(BigInteger weiPerGas) {
    if (wei) {
      return weiPerGas + " wei";
    }
    BigDecimal gwei = new BigDecimal(weiPerGas).divide(WEI_PER_GWEI).stripTrailingZeros();
    return (gwei.signum() == 0 ? "0" : gwei.toPlainString()) + " gwei";
  }
}
