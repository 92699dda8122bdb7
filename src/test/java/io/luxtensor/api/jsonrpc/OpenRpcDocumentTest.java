package io.luxtensor.api.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.api.jsonrpc.rpc.RpcDiscover;
import io.luxtensor.api.jsonrpc.dev.DevJsonRpcMethods;
import io.luxtensor.api.jsonrpc.dev.DevKeys;
import java.io.IOException;
import java.util.List;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** openrpc/openrpc.json lists exactly the methods JsonRpcMethods registers: code and document stay in step. */
class OpenRpcDocumentTest {

  @Test
  void documentAndRegistryNameTheSameMethods() throws IOException {
    JsonNode document = new ObjectMapper().readTree(Path.of("openrpc/openrpc.json").toFile());
    Set<String> documented = new TreeSet<>();
    document.get("methods").forEach(m -> documented.add(m.get("name").asText()));
    JsonRpcMethods.Context context = new JsonRpcMethods.Context(null, null, null, null, null, "test", null,
        JsonRpcLimits.DEFAULTS, null, null, null);
    Set<String> registered = JsonRpcMethods.create(context)
        .stream().map(JsonRpcMethod::name).collect(Collectors.toCollection(TreeSet::new));
    Set<String> devOnly = DevJsonRpcMethods.create(context, new DevKeys(List.of()), null).stream()
        .map(JsonRpcMethod::name).filter(name -> !registered.contains(name))
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> served = new TreeSet<>(registered);
    served.addAll(devOnly);
    assertEquals(served, documented);
    Set<String> markedDevOnly = new TreeSet<>();
    document.get("methods").forEach(m -> {
      if (m.path("x-luxtensor-dev-only").asBoolean(false)) {
        markedDevOnly.add(m.get("name").asText());
      }
    });
    assertEquals(devOnly, markedDevOnly, "dev-only methods are marked so in the document");
  }

  @Test
  void rpcDiscoverServesTheOneDocument() throws Exception {
    JsonNode document = new ObjectMapper().readTree(Path.of("openrpc/openrpc.json").toFile());
    Object served = new RpcDiscover().execute(new JsonRpcParams(null));
    assertEquals(document, served, "the classpath copy is the file at openrpc/openrpc.json");
  }
}
