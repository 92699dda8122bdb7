package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.bytes.Hex;
import io.luxtensor.testing.TypedDataExamples;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.StructuredDataEncoder;

class TypedDataTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theEipsMailExampleHashesToTheStatedDigest() throws Exception {
    JsonNode mail = JSON.readTree(TypedDataExamples.MAIL);
    assertEquals("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2",
        Hex.encode(TypedData.digest(mail)));
  }

  @Test
  void richMessagesHashAsWeb3jHashesThem() throws Exception {
    assertArrayEquals(new StructuredDataEncoder(TypedDataExamples.RICH).hashStructuredData(), TypedData.digest(JSON.readTree(TypedDataExamples.RICH)));
    assertArrayEquals(new StructuredDataEncoder(TypedDataExamples.MAIL).hashStructuredData(), TypedData.digest(JSON.readTree(TypedDataExamples.MAIL)));
  }

  @Test
  void malformedTypedDataIsRefusedWithAReason() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> TypedData.digest(JSON.readTree("{}")));
    assertThrows(IllegalArgumentException.class, () -> TypedData.digest(JSON.readTree(
        TypedDataExamples.MAIL.replace("\"type\":\"Person\"}", "\"type\":\"Nobody\"}"))));
    assertThrows(IllegalArgumentException.class, () -> TypedData.digest(JSON.readTree(
        TypedDataExamples.RICH.replace("\"delta\":-7", "\"delta\":\"0x" + "f".repeat(40) + "\""))));
  }
}
