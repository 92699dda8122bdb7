package io.luxtensor.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeeMarketTest {

  /** go-ethereum's consensus/misc/eip1559 TestCalcBaseFee table (initial base fee 1 gwei, 20M gas limit). */
  @ParameterizedTest
  @CsvSource({
      "1000000000, 20000000, 10000000, 1000000000",
      "1000000000, 20000000, 9000000, 987500000",
      "1000000000, 20000000, 11000000, 1012500000"})
  void matchesGethsTable(long parentBaseFee, long gasLimit, long gasUsed, long expected) {
    assertEquals(BigInteger.valueOf(expected),
        FeeMarket.nextBaseFee(gasUsed, gasLimit, BigInteger.valueOf(parentBaseFee), BigInteger.ZERO));
  }

  @ParameterizedTest
  @CsvSource({"7, 30000000, 0, 7", "1000000000, 30000000, 0, 875000000", "8, 30000000, 30000000, 9"})
  void edges(long parentBaseFee, long gasLimit, long gasUsed, long expected) {
    assertEquals(BigInteger.valueOf(expected),
        FeeMarket.nextBaseFee(gasUsed, gasLimit, BigInteger.valueOf(parentBaseFee), BigInteger.valueOf(7)));
  }
}
