package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.chain.DevChain;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code luxtensor query validators}: the dev chain's one validator, from lux_getValidators, checked by GraphQL. */
class QueryValidatorsCommandTest {
  private static QueryTestChain chain;

  @BeforeAll
  static void startChain() throws Exception {
    chain = QueryTestChain.start();
  }

  @AfterAll
  static void stopChain() {
    chain.close();
  }

  @Test
  void theTableListsTheValidatorWithItsStakeShareAndVrfKey() {
    CommandRun run = chain.query("query", "validators");
    assertEquals(ExitCodes.OK, run.exitCode(), run.printed());
    List<String> lines = run.out().lines().toList();
    assertEquals(List.of("address", "stake", "share", "VRF public key"), List.of(lines.get(0).split(" {2,}")));
    var validator = DevChain.validatorKeys();
    assertEquals(List.of(validator.address().toChecksumHex(), "32 LUX", "100.00%",
        validator.vrfPublicKey().toHex()), List.of(lines.get(1).split(" {2,}")));
    assertEquals("1 validator, total stake 32 LUX", lines.get(2));
    assertEquals(3, lines.size(), run.out());

    CommandRun wei = chain.query("query", "validators", "--wei");
    assertEquals("1 validator, total stake 32000000000000000000 wei", wei.out().lines().toList().get(2));
  }

  @Test
  void jsonIsLuxGetValidatorsWhichAgreesWithGraphQl() {
    CommandRun run = chain.query("query", "validators", "--json");
    assertEquals(ExitCodes.OK, run.exitCode(), run.printed());
    JsonNode printed = QueryTestChain.json(run);
    assertEquals(chain.rpc("lux_getValidators", "[]"), printed);
    JsonNode graphQl = chain.graphQl("{ validatorSet { validators { address stake vrfPublicKey } totalStake } }");
    assertEquals(graphQl.get("validatorSet"), printed, "the same set, the same encoding, either API");
  }
}
