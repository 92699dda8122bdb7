package io.luxtensor.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Blooms of real receipts, from the execution-apis fixtures (Geth's responses). */
class BloomTest {

  @TestFactory
  Stream<DynamicTest> receiptBloomsMatchGeth() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String fixture : List.of("get-dynamic-fee.io", "get-access-list.io", "get-block-receipts-latest.io")) {
      JsonNode result = Fixtures.firstResponse("execution-apis/" + fixture).get("result");
      List<JsonNode> receipts = new ArrayList<>();
      if (result.isArray()) {
        result.forEach(receipts::add);
      } else {
        receipts.add(result);
      }
      for (int i = 0; i < receipts.size(); i++) {
        JsonNode receipt = receipts.get(i);
        tests.add(DynamicTest.dynamicTest(fixture + "#" + i, () -> checkBloom(receipt)));
      }
    }
    return tests.stream();
  }

  /** A block's bloom is that of all its logs, so the union of its receipts' blooms must be. */
  @Test
  void theUnionOfABlocksReceiptBloomsIsTheBloomOfAllItsLogs() {
    JsonNode receipts = Fixtures.firstResponse("execution-apis/get-block-receipts-latest.io").get("result");
    List<Bloom> receiptBlooms = new ArrayList<>();
    List<Log> allLogs = new ArrayList<>();
    for (JsonNode receipt : receipts) {
      receiptBlooms.add(Bloom.of(logs(receipt)));
      allLogs.addAll(logs(receipt));
    }
    assertTrue(receiptBlooms.size() > 1 && allLogs.size() > 1, "the fixture has receipts with logs to unite");
    assertEquals(Bloom.of(allLogs).toHex(), Bloom.union(receiptBlooms).toHex());
    assertEquals(Bloom.EMPTY, Bloom.union(List.of()));
    assertEquals(Bloom.EMPTY, Bloom.of(List.of()));
  }

  private static List<Log> logs(JsonNode receipt) {
    List<Log> logs = new ArrayList<>();
    for (JsonNode log : receipt.get("logs")) {
      List<Hash> topics = new ArrayList<>();
      log.get("topics").forEach(t -> topics.add(Hash.fromHex(t.asText())));
      logs.add(new Log(Address.fromHex(log.get("address").asText()), topics, Bytes.fromHex(log.get("data").asText())));
    }
    return logs;
  }

  private static void checkBloom(JsonNode receipt) {
    List<Log> logs = logs(receipt);
    Bloom bloom = Bloom.of(logs);
    assertEquals(receipt.get("logsBloom").asText(), bloom.toHex());
    for (Log log : logs) {
      assertTrue(bloom.mightContain(log.address().toBytes()));
      log.topics().forEach(t -> assertTrue(bloom.mightContain(t.toBytes())));
    }
    if (!logs.isEmpty()) {
      assertFalse(Bloom.EMPTY.mightContain(logs.get(0).address().toBytes()));
    }
  }
}
