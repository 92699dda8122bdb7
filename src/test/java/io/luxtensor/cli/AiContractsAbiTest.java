package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.execution.system.SystemContracts;
import io.luxtensor.types.Address;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The {@code ai} commands call the AI contracts as their published ABI declares them: every function (name, argument
 * and return types) and every event (signature, and the types of its data) matches its entry in abi/*.json, the files
 * ethers and web3j users load.
 */
class AiContractsAbiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyFunctionTheCommandsCallIsDeclaredSoInItsAbiFile() throws IOException {
    for (ContractMethod method : AiContracts.METHODS) {
      JsonNode entry = entry(method.contract(), "function", method.name());
      assertEquals(names(method.inputs()), types(entry.get("inputs"), false), method.signature());
      assertEquals(names(method.outputs()), types(entry.get("outputs"), false), method.signature() + " returns");
    }
  }

  @Test
  void everyEventTheCommandsDecodeIsDeclaredSoInItsAbiFile() throws IOException {
    for (ContractEvent event : AiContracts.EVENTS) {
      String name = event.signature().substring(0, event.signature().indexOf('('));
      JsonNode entry = entry(event.contract(), "event", name);
      List<String> all = types(entry.get("inputs"), false);
      assertEquals(event.signature(), name + "(" + String.join(",", all) + ")");
      assertEquals(names(event.data()), types(entry.get("inputs"), true), event.signature() + " data");
    }
  }

  private static JsonNode entry(Address contract, String type, String name) throws IOException {
    String file = SystemContracts.standard().at(contract).orElseThrow().name();
    JsonNode abi = JSON.readTree(Path.of("abi", file + ".json").toFile());
    return StreamSupport.stream(abi.spliterator(), false)
        .filter(e -> e.path("type").asText().equals(type) && e.path("name").asText().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("abi/" + file + ".json declares no " + type + " " + name));
  }

  /** The types of {@code parameters}; with {@code dataOnly}, those not indexed. */
  private static List<String> types(JsonNode parameters, boolean dataOnly) {
    List<String> out = new ArrayList<>();
    for (JsonNode parameter : parameters) {
      if (!dataOnly || !parameter.path("indexed").asBoolean()) {
        out.add(parameter.get("type").asText());
      }
    }
    return out;
  }

  private static List<String> names(List<AbiType> types) {
    return types.stream().map(AbiType::solidityName).toList();
  }
}
