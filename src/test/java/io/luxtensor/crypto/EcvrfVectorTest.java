package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.testing.Vectors;
import java.math.BigInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every example of RFC 9381 Appendix B.1 (ECVRF-P256-SHA256-TAI): keys, intermediate values, proof and output. */
class EcvrfVectorTest {
  private static final JsonNode FILE = Vectors.json("rfc9381/ecvrf-p256-sha256-tai.json");

  @TestFactory
  Stream<DynamicTest> publicKeyProofAndOutputMatch() {
    return vectors().map(vector -> dynamicTest(vector.get("name").asText(), () -> {
      byte[] sk = hex(vector, "sk");
      byte[] pk = hex(vector, "pk");
      byte[] alpha = hex(vector, "alpha");
      String pi = vector.get("pi").asText();
      String beta = vector.get("beta").asText();
      assertAll(
          () -> assertEquals(vector.get("pk").asText(), Hex.encodeNoPrefix(Ecvrf.publicKey(sk)), "pk from sk"),
          () -> assertEquals(pi, Hex.encodeNoPrefix(Ecvrf.prove(sk, alpha)), "pi from prove"),
          () -> assertEquals(beta, Hex.encodeNoPrefix(Ecvrf.proofToHash(Hex.decode(pi))), "beta from proofToHash"),
          () -> assertEquals(beta, Hex.encodeNoPrefix(Ecvrf.verify(pk, Hex.decode(pi), alpha)), "beta from verify"));
    }));
  }

  @TestFactory
  Stream<DynamicTest> intermediateValuesMatch() {
    return vectors().map(vector -> dynamicTest(vector.get("name").asText(), () -> {
      Ecvrf.ProofSteps steps = Ecvrf.proveWithSteps(hex(vector, "sk"), hex(vector, "alpha"));
      assertAll(
          () -> assertEquals(vector.get("H").asText(), Hex.encodeNoPrefix(steps.h()), "H"),
          () -> assertEquals(new BigInteger(vector.get("k").asText(), 16), steps.k(), "k"),
          () -> assertEquals(vector.get("U").asText(), Hex.encodeNoPrefix(steps.u()), "U = k*B"),
          () -> assertEquals(vector.get("V").asText(), Hex.encodeNoPrefix(steps.v()), "V = k*H"));
    }));
  }

  private static Stream<JsonNode> vectors() {
    return StreamSupport.stream(FILE.get("vectors").spliterator(), false);
  }

  private static byte[] hex(JsonNode vector, String field) {
    return Hex.decode(vector.get(field).asText());
  }
}
