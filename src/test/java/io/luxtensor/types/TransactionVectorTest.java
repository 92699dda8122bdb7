package io.luxtensor.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.execution.StatelessTransactionValidator;
import io.luxtensor.execution.TransactionInvalidReason;
import io.luxtensor.execution.TransactionValidity;
import io.luxtensor.testing.Vectors;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of ethereum/tests TransactionTests, judged by the newest fork each case has a result for (Cancun, or
 * Shanghai for ttWrongRLP; London for the two cases filled before Paris). Every folder applies to LuxTensor's types:
 * ttAddress, ttData, ttEIP1559, ttEIP2028, ttEIP2930, ttEIP3860, ttGasLimit, ttGasPrice, ttNonce, ttRSValue,
 * ttSignature, ttVValue, ttValue, ttWrongRLP. Nothing is skipped.
 *
 * <p>The vectors are mainnet's (chain id 1) and include pre-EIP-155 transactions, which are protocol-valid: they are
 * validated with {@code allowUnprotected = true}, the protocol rule; refusing them is node policy, tested elsewhere.
 */
class TransactionVectorTest {
  private static final List<String> FORKS_NEWEST_FIRST =
      List.of("Prague", "Cancun", "Shanghai", "Paris", "London", "Berlin");
  private static final StatelessTransactionValidator MAINNET_RULES = new StatelessTransactionValidator(1, true);
  private static final String DECODING = "DECODING";

  /** Which of our outcomes each of the vectors' exception names may be: a decoding error or a named reason. */
  private static final Map<String, Set<String>> ACCEPTED_OUTCOMES = Map.ofEntries(
      Map.entry("INVALID_CHAINID", Set.of(DECODING, TransactionInvalidReason.WRONG_CHAIN_ID.name())),
      Map.entry("INVALID_SIGNATURE_VRS", Set.of(DECODING, TransactionInvalidReason.INVALID_SIGNATURE.name())),
      Map.entry("EC_RECOVERY_FAIL", Set.of(TransactionInvalidReason.INVALID_SIGNATURE.name())),
      Map.entry("INTRINSIC_GAS_TOO_LOW", Set.of(TransactionInvalidReason.INTRINSIC_GAS_TOO_LOW.name())),
      Map.entry("NONCE_TOO_BIG", Set.of(TransactionInvalidReason.NONCE_MAX.name())),
      Map.entry("GASLIMIT_PRICE_PRODUCT_OVERFLOW", Set.of(TransactionInvalidReason.FEE_TIMES_GAS_OVERFLOW.name())),
      Map.entry("PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS_2", Set.of(TransactionInvalidReason.TIP_ABOVE_FEE_CAP.name())),
      Map.entry("INITCODE_SIZE_EXCEEDED", Set.of(TransactionInvalidReason.INIT_CODE_TOO_LARGE.name())));

  @TestFactory
  Stream<DynamicTest> transactionTests() {
    return Vectors.jsonFilesUnder("ethereum-tests/TransactionTests").stream().flatMap(file -> {
      JsonNode cases = Vectors.json(file);
      String folder = file.split("/")[2];
      return cases.properties().stream().map(Map.Entry::getKey)
          .map(name -> Vectors.vectorCase(folder + "/" + name, () -> check(cases.get(name))));
    });
  }

  private static void check(JsonNode vector) {
    byte[] raw = Hex.decode(vector.get("txbytes").asText());
    JsonNode result = newestForkResult(vector.get("result"));
    if (result.has("exception")) {
      String expected = result.get("exception").asText().replace("TransactionException.", "");
      String outcome = outcomeOf(raw);
      Set<String> accepted = ACCEPTED_OUTCOMES.getOrDefault(expected, Set.of(DECODING));
      assertTrue(accepted.contains(outcome), "expected " + expected + " (one of " + accepted + "), got " + outcome);
      return;
    }
    Transaction tx = Transaction.decode(raw);
    assertArrayEquals(raw, tx.encode(), "re-encoding is byte-identical");
    assertEquals(Hash.fromHex(result.get("hash").asText()), tx.hash(), "hash");
    assertEquals(Long.decode(result.get("intrinsicGas").asText()), tx.intrinsicGas(), "intrinsic gas");
    TransactionValidity validity = MAINNET_RULES.validate(tx);
    TransactionValidity.Valid valid = assertInstanceOf(TransactionValidity.Valid.class, validity, validity::toString);
    assertEquals(Address.fromHex(result.get("sender").asText()), valid.sender(), "sender");
  }

  private static String outcomeOf(byte[] raw) {
    Transaction tx;
    try {
      tx = Transaction.decode(raw);
    } catch (TransactionDecodingException rejected) {
      return DECODING;
    }
    return switch (MAINNET_RULES.validate(tx)) {
      case TransactionValidity.Invalid invalid -> invalid.reason().name();
      case TransactionValidity.Valid valid -> "VALID (sender " + valid.sender() + ")";
    };
  }

  private static JsonNode newestForkResult(JsonNode results) {
    for (String fork : FORKS_NEWEST_FIRST) {
      if (results.has(fork)) {
        return results.get(fork);
      }
    }
    return fail("no result for a supported fork in " + results.properties());
  }
}
