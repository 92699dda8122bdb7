package io.luxtensor.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md ends with the method reference rendered from openrpc/openrpc.json; with
 * {@code -Dluxtensor.docs.write=true} this test rewrites it instead of checking it.
 */
class ApiReferenceTest {
  private static final Path API_DOC = Path.of("docs/api.md");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theReferenceInTheDocIsTheOneRenderedFromTheOpenRpcDocument() throws IOException {
    String doc = Files.readString(API_DOC);
    int marker = doc.indexOf(ApiReference.MARKER);
    String prose = marker < 0 ? doc.stripTrailing() + "\n\n" : doc.substring(0, marker);
    String rendered = ApiReference.render(JSON.readTree(Path.of("openrpc/openrpc.json").toFile()));
    if (Boolean.getBoolean("luxtensor.docs.write")) {
      Files.writeString(API_DOC, prose + rendered);
      return;
    }
    assertTrue(marker >= 0, "docs/api.md lacks the generated reference; write it with: " + ApiReference.WRITE_COMMAND);
    assertEquals(
        rendered,
        doc.substring(marker),
        "docs/api.md's method reference differs from openrpc/openrpc.json; regenerate it with: "
            + ApiReference.WRITE_COMMAND);
  }

  @Test
  void everyMethodServedHasItsOwnHeadingAndIndexEntry() throws IOException {
    String doc = Files.readString(API_DOC);
    for (JsonNode method : JSON.readTree(Path.of("openrpc/openrpc.json").toFile()).path("methods")) {
      String name = method.path("name").asText();
      assertTrue(doc.contains("\n### " + name + "\n"), name + " has no heading in docs/api.md");
      assertTrue(doc.contains("[`" + name + "`](#" + ApiReference.anchor(name) + ")"), name + " is not indexed");
    }
  }

  @Test
  void aMethodIsRenderedWithItsParametersResultAndExampleExchange() throws IOException {
    JsonNode document = JSON.readTree("""
        {"methods": [{
          "name": "eth_getBalance",
          "summary": "Returns the balance of the account of given address. More words.",
          "params": [
            {"name": "Address", "required": true, "schema": {"title": "hex encoded address", "type": "string"}},
            {"name": "Block", "required": false, "description": "default: 'latest'", "schema": {"anyOf": [
              {"title": "Block number", "type": "string"},
              {"title": "Block tag", "type": "string", "enum": ["latest", "safe"]}]}}],
          "result": {"name": "Balance", "schema": {"type": "string", "pattern": "^0x[0-9a-f]+$"}},
          "examples": [{"params": [{"name": "Address", "value": "0xfe3b"}, {"name": "Block", "value": "latest"}],
                        "result": {"name": "Balance", "value": "0x1"}}]}]}
        """);

    String rendered = ApiReference.render(document);

    assertTrue(rendered.startsWith(ApiReference.MARKER), rendered);
    assertTrue(rendered.contains("| [`eth_getBalance`](#eth_getbalance) | Returns the balance of the account of given"
        + " address. |\n"), rendered);
    assertTrue(rendered.contains("\n### eth_getBalance\n"), rendered);
    assertTrue(rendered.contains("| 0 | Address | hex encoded address | required |\n"), rendered);
    assertTrue(rendered.contains(
        "| 1 | Block | Block number or Block tag (`latest`, `safe`) | optional; default: 'latest' |\n"), rendered);
    assertTrue(rendered.contains("Result: Balance, string matching `^0x[0-9a-f]+$`.\n"), rendered);
    assertTrue(rendered.contains(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBalance\",\"params\":[\"0xfe3b\",\"latest\"]}\n"
            + "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}\n"), rendered);
  }

  @Test
  void aMethodOutsideTheKnownNamespacesIsRefusedByName() throws IOException {
    JsonNode document = JSON.readTree("""
        {"methods": [{"name": "debug_traceBlock", "summary": "s", "params": [], "result": {"name": "r", "schema": {}}}]}
        """);

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> ApiReference.render(document));

    assertTrue(refused.getMessage().startsWith("debug_traceBlock"), refused.getMessage());
  }

  @Test
  void anchorsAreGitHubs() {
    assertEquals("rpcdiscover", ApiReference.anchor("rpc.discover"));
    assertEquals("eth_signtypeddata_v4", ApiReference.anchor("eth_signTypedData_v4"));
  }
}
