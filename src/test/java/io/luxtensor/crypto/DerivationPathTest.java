package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.crypto.Bip32Exception.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DerivationPathTest {
  private static final int H = DerivationPath.HARDENED_BIT;

  @Test
  void parsesHardenedMarksAndPrintsTheCanonicalForm() {
    DerivationPath path = DerivationPath.parse("m/44'/60h/0H/0/7");
    assertEquals(List.of(44 | H, 60 | H, H, 0, 7), path.indices());
    assertEquals("m/44'/60'/0'/0/7", path.toString());
    assertEquals(path, DerivationPath.parse(path.toString()));
  }

  @Test
  void masterAndExtremes() {
    assertEquals(DerivationPath.MASTER, DerivationPath.parse("m"));
    assertEquals(List.of(Integer.MAX_VALUE, -1), DerivationPath.parse("m/2147483647/2147483647'").indices());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''                 | MALFORMED_PATH     | must start with \"m\"",
      "M/0                | MALFORMED_PATH     | must start with \"m\", got \"M\"",
      "0/1                | MALFORMED_PATH     | must start with \"m\"",
      "m/                 | MALFORMED_PATH     | step 1 \"\" is not an index",
      "m//1               | MALFORMED_PATH     | step 1 \"\" is not an index",
      "m/1/               | MALFORMED_PATH     | step 2 \"\" is not an index",
      "m/-1               | MALFORMED_PATH     | step 1 \"-1\"",
      "m/+1               | MALFORMED_PATH     | step 1 \"+1\"",
      "m/1''              | MALFORMED_PATH     | step 1 \"1''\"",
      "m/0x10             | MALFORMED_PATH     | step 1 \"0x10\"",
      "m/ 1               | MALFORMED_PATH     | step 1",
      "m/44'/60'/0'/0/a   | MALFORMED_PATH     | step 5 \"a\"",
      "m/2147483648       | INDEX_OUT_OF_RANGE | step 1 \"2147483648\" is over 2^31 - 1",
      "m/2147483648'      | INDEX_OUT_OF_RANGE | step 1",
      "m/99999999999      | MALFORMED_PATH     | step 1"})
  void malformedPathsAreNamed(String path, Reason reason, String message) {
    Bip32Exception e = assertThrows(Bip32Exception.class, () -> DerivationPath.parse(path));
    assertEquals(reason, e.reason(), e::getMessage);
    assertTrue(e.getMessage().contains(message), () -> "'" + e.getMessage() + "' should contain '" + message + "'");
  }

  @Test
  void depthIsLimitedToWhatSerializationCanRecord() {
    String deepest = "m" + "/0".repeat(DerivationPath.DEPTH_MAX);
    assertEquals(DerivationPath.DEPTH_MAX, DerivationPath.parse(deepest).indices().size());
    assertEquals(Reason.TOO_DEEP, assertThrows(Bip32Exception.class, () -> DerivationPath.parse(deepest + "/0")).reason());
    String longest = "m" + "/2147483647'".repeat(DerivationPath.DEPTH_MAX);
    assertTrue(longest.length() <= DerivationPath.PATH_CHARS_MAX, "every valid path fits the length limit");
    assertEquals(Reason.MALFORMED_PATH,
        assertThrows(Bip32Exception.class, () -> DerivationPath.parse("m" + "/".repeat(DerivationPath.PATH_CHARS_MAX))).reason());
  }
}
