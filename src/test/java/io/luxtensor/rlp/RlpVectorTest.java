package io.luxtensor.rlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.testing.Vectors;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every case of ethereum/tests RLPTests: rlptest.json (valid), invalidRLPTest.json, RandomRLPTests. */
class RlpVectorTest {

  @TestFactory
  Stream<DynamicTest> validVectorsEncodeAndDecode() {
    JsonNode file = Vectors.json("ethereum-tests/RLPTests/rlptest.json");
    return file.properties().stream().map(Map.Entry::getKey).map(name -> Vectors.vectorCase(name, () -> {
      JsonNode vector = file.get(name);
      RlpItem expected = toItem(vector.get("in"));
      byte[] out = Hex.decode(vector.get("out").asText());
      assertArrayEquals(out, Rlp.encode(expected), "encoding");
      assertEquals(expected, Rlp.decode(out), "decoding");
    }));
  }

  @TestFactory
  Stream<DynamicTest> invalidVectorsAreRejected() {
    JsonNode file = Vectors.json("ethereum-tests/RLPTests/invalidRLPTest.json");
    return file.properties().stream().map(Map.Entry::getKey).map(name -> Vectors.vectorCase(name, () -> {
      byte[] out = Hex.decode(file.get(name).get("out").asText());
      assertThrows(RlpDecodingException.class, () -> Rlp.decode(out));
    }));
  }

  @TestFactory
  Stream<DynamicTest> randomVectorsDecodeAndReencode() {
    JsonNode file = Vectors.json("ethereum-tests/RLPTests/RandomRLPTests/example.json");
    return file.properties().stream().map(Map.Entry::getKey).map(name -> Vectors.vectorCase(name, () -> {
      byte[] out = Hex.decode(file.get(name).get("out").asText());
      assertArrayEquals(out, Rlp.encode(Rlp.decode(out)));
    }));
  }

  /** The vectors' input notation: strings, integers, "#decimal" big integers, nested lists. */
  private static RlpItem toItem(JsonNode in) {
    if (in.isArray()) {
      List<RlpItem> items = new ArrayList<>();
      in.forEach(element -> items.add(toItem(element)));
      return new RlpList(items);
    }
    if (in.isIntegralNumber()) {
      return RlpString.of(in.bigIntegerValue());
    }
    String text = in.asText();
    if (text.startsWith("#")) {
      return RlpString.of(new BigInteger(text.substring(1)));
    }
    return RlpString.of(text.getBytes(StandardCharsets.UTF_8));
  }
}
