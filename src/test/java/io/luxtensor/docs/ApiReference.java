package io.luxtensor.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The method reference of docs/api.md, rendered from the OpenRPC document, so the reference a user reads is the
 * document the node serves.
 */
final class ApiReference {
  static final String WRITE_COMMAND =
      "mvn -q test -Dtest=ApiReferenceTest -Dluxtensor.docs.write=true";
  static final String MARKER =
      "<!-- Generated from openrpc/openrpc.json by `" + WRITE_COMMAND + "`; edits below this line are lost. -->";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> NAMESPACES = namespaces();

  private ApiReference() {}

  private static Map<String, String> namespaces() {
    Map<String, String> titles = new LinkedHashMap<>();
    titles.put("eth", "eth: chain, state, transactions, logs, filters");
    titles.put("lux", "lux: LuxTensor's own");
    titles.put("mt", "mt: ModernTensor's AI tasks");
    titles.put("txpool", "txpool: the transaction pool");
    titles.put("net", "net: the network");
    titles.put("web3", "web3: the client");
    titles.put("rpc", "rpc: discovery");
    titles.put("dev", "Dev node only (`luxtensor dev`)");
    return titles;
  }

  /** The generated part of docs/api.md: the marker line, then the reference. */
  static String render(JsonNode openRpc) {
    Map<String, List<JsonNode>> sections = new LinkedHashMap<>();
    NAMESPACES.keySet().forEach(namespace -> sections.put(namespace, new ArrayList<>()));
    StreamSupport.stream(openRpc.path("methods").spliterator(), false)
        .sorted(Comparator.comparing((JsonNode method) -> method.path("name").asText()))
        .forEach(method -> sections.get(sectionOf(method)).add(method));

    StringBuilder out = new StringBuilder();
    out.append(MARKER).append("\n\n## Method reference\n\n");
    out.append("Every method the node serves, with its parameters, result and an example exchange. Parameters")
        .append(" marked optional may be left out from the end of `params`.\n\n");
    out.append("| method | what |\n| --- | --- |\n");
    sections.values().stream()
        .flatMap(List::stream)
        .forEach(method -> out.append("| [`").append(name(method)).append("`](#").append(anchor(name(method)))
            .append(") | ").append(cell(firstSentence(method.path("summary").asText()))).append(" |\n"));
    sections.forEach((namespace, methods) -> {
      if (methods.isEmpty()) {
        return;
      }
      out.append("\n## ").append(NAMESPACES.get(namespace)).append('\n');
      methods.forEach(method -> renderMethod(method, out));
    });
    return out.toString();
  }

  private static String sectionOf(JsonNode method) {
    if (method.path("x-luxtensor-dev-only").asBoolean(false)) {
      return "dev";
    }
    String name = name(method);
    String namespace = name.substring(0, indexOfSeparator(name)).toLowerCase(Locale.ROOT);
    if (!NAMESPACES.containsKey(namespace)) {
      throw new IllegalArgumentException(
          name + ": namespace " + namespace + " has no section in ApiReference; add one");
    }
    return namespace;
  }

  private static int indexOfSeparator(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) == '_' || name.charAt(i) == '.') {
        return i;
      }
    }
    throw new IllegalArgumentException(name + ": a method name is namespace_method");
  }

  private static void renderMethod(JsonNode method, StringBuilder out) {
    out.append("\n### ").append(name(method)).append("\n\n");
    out.append(flatten(method.path("summary").asText())).append('\n');
    if (method.has("description")) {
      out.append('\n').append(flatten(method.path("description").asText())).append('\n');
    }
    JsonNode params = method.path("params");
    if (params.isEmpty()) {
      out.append("\nParameters: none.\n");
    } else {
      out.append("\n| # | parameter | type | |\n| --- | --- | --- | --- |\n");
      for (int i = 0; i < params.size(); i++) {
        JsonNode param = params.get(i);
        String note = param.path("required").asBoolean(false) ? "required" : "optional";
        if (param.has("description")) {
          note += "; " + flatten(param.path("description").asText());
        }
        out.append("| ").append(i).append(" | ").append(cell(param.path("name").asText())).append(" | ")
            .append(cell(type(param.path("schema")))).append(" | ").append(cell(note)).append(" |\n");
      }
    }
    JsonNode result = method.path("result");
    out.append("\nResult: ").append(result.path("name").asText()).append(", ")
        .append(type(result.path("schema"))).append(".\n");
    JsonNode example = method.path("examples").path(0);
    if (!example.isMissingNode()) {
      out.append("\n```json\n").append(request(name(method), example)).append('\n')
          .append(response(example)).append("\n```\n");
    }
  }

  private static String request(String method, JsonNode example) {
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
    ArrayNode params = request.putArray("params");
    example.path("params").forEach(param -> params.add(param.path("value")));
    return request.toString();
  }

  private static String response(JsonNode example) {
    ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1);
    response.set("result", example.path("result").path("value"));
    return response.toString();
  }

  /** A schema in a few words: its title where it has one, else its shape. */
  static String type(JsonNode schema) {
    for (String alternatives : List.of("anyOf", "oneOf")) {
      if (schema.has(alternatives)) {
        return StreamSupport.stream(schema.path(alternatives).spliterator(), false)
            .map(ApiReference::type)
            .distinct()
            .collect(Collectors.joining(" or "));
      }
    }
    if (schema.has("enum")) {
      String values = StreamSupport.stream(schema.path("enum").spliterator(), false)
          .map(value -> "`" + value.asText() + "`")
          .collect(Collectors.joining(", "));
      return schema.has("title") ? schema.path("title").asText() + " (" + values + ")" : values;
    }
    String kind = schema.path("type").asText("");
    if (kind.equals("array")) {
      return "array of " + type(schema.path("items"));
    }
    if (schema.has("title")) {
      return schema.path("title").asText();
    }
    if (kind.equals("object") && schema.has("properties")) {
      List<String> fields = new ArrayList<>();
      schema.path("properties").fieldNames().forEachRemaining(field -> fields.add("`" + field + "`"));
      return "object with " + String.join(", ", fields);
    }
    if (kind.equals("string") && schema.has("pattern")) {
      return "string matching `" + schema.path("pattern").asText() + "`";
    }
    return kind.isEmpty() ? "any JSON value" : kind;
  }

  /** GitHub's heading anchor: lower case, punctuation other than - and _ dropped. */
  static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_ -]", "").replace(' ', '-');
  }

  private static String name(JsonNode method) {
    return method.path("name").asText();
  }

  private static String firstSentence(String text) {
    String[] sentences = flatten(text).split("(?<=\\.) (?=[A-Z])", 2);
    return sentences[0];
  }

  private static String flatten(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
