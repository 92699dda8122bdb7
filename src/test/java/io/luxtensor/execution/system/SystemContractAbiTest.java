package io.luxtensor.execution.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.execution.abi.AbiType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** abi/NAME.json of every system contract describes exactly the functions the contract dispatches. */
class SystemContractAbiTest {

  @Test
  void abiFilesMatchTheDispatchedFunctions() throws IOException {
    for (SystemContract contract : new SystemContracts(List.of(new ChainInfoContract(), new StakingContract(),
        new SubnetRegistryContract(), new NeuronsContract(), new StakeContract(), new WeightsContract(),
        new MetagraphContract(), new AiTasksContract())).all()) {
      JsonNode abi = new ObjectMapper().readTree(Path.of("abi", contract.name() + ".json").toFile());
      Set<String> documented = new TreeSet<>();
      for (JsonNode entry : abi) {
        if (entry.get("type").asText().equals("function")) {
          documented.add(describe(entry.get("name").asText(), types(entry.get("inputs")), types(entry.get("outputs")),
              !entry.get("stateMutability").asText().equals("payable")));
        }
      }
      Set<String> implemented = new TreeSet<>();
      for (ContractFunction f : contract.functions()) {
        implemented.add(describe(f.name(), f.inputs().stream().map(AbiType::solidityName).toList(),
            f.outputs().stream().map(AbiType::solidityName).toList(), !f.payable()));
      }
      assertEquals(implemented, documented, contract.name());
    }
  }

  @Test
  void abiFilesListExactlyTheEmittedEventsWithTheValidatorOrSenderIndexed() throws IOException {
    for (SystemContract contract : new SystemContracts(List.of(new ChainInfoContract(), new StakingContract(),
        new SubnetRegistryContract(), new NeuronsContract(), new StakeContract(), new WeightsContract(),
        new MetagraphContract(), new AiTasksContract())).all()) {
      JsonNode abi = new ObjectMapper().readTree(Path.of("abi", contract.name() + ".json").toFile());
      Set<String> documented = new TreeSet<>();
      for (JsonNode entry : abi) {
        if (entry.get("type").asText().equals("event")) {
          documented.add(entry.get("name").asText() + "(" + String.join(",", types(entry.get("inputs"))) + ")");
          JsonNode first = entry.get("inputs").get(0);
          assertEquals("address", first.get("type").asText(), contract.name() + "." + entry.get("name"));
          assertTrue(first.get("indexed").asBoolean(),
              contract.name() + "." + entry.get("name") + ": the address is the topic");
        }
      }
      assertEquals(new TreeSet<>(contract.events()), documented, contract.name());
    }
  }

  private static String describe(String name, List<String> inputs, List<String> outputs, boolean nonPayable) {
    return name + "(" + String.join(",", inputs) + ")->(" + String.join(",", outputs) + ")"
        + (nonPayable ? "" : " payable");
  }

  private static List<String> types(JsonNode params) {
    List<String> out = new ArrayList<>();
    params.forEach(p -> out.add(p.get("type").asText()));
    return out;
  }
}
