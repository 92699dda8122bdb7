package io.luxtensor.api.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.api.jsonrpc.rpc.RpcDiscover;
import java.io.IOException;
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
    Set<String> registered = JsonRpcMethods.create(new JsonRpcMethods.Context(null, null, null, null, null, "test",
            null, JsonRpcLimits.DEFAULTS))
        .stream().map(JsonRpcMethod::name).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(registered, documented);
  }

  @Test
  void rpcDiscoverServesTheOneDocument() throws Exception {
    JsonNode document = new ObjectMapper().readTree(Path.of("openrpc/openrpc.json").toFile());
    Object served = new RpcDiscover().execute(new JsonRpcParams(null));
    assertEquals(document, served, "the classpath copy is the file at openrpc/openrpc.json");
  }
}
