package io.luxtensor.api.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.introspection.IntrospectionQuery;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.testing.TestNodes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The schema the node serves is the top-level graphql/schema.graphqls: EIP-1767 unchanged plus LuxTensor's
 * extensions, and every field of it has a fetcher.
 */
class GraphQlSchemaTest {
  private static final Path TOP_LEVEL = Path.of("graphql/schema.graphqls");
  /** Object types no field ever returns, so they need no fetchers; each with the reason. */
  private static final Map<String, String> NEVER_RETURNED = Map.of(
      "SyncState", "syncing is null: a single node is always at its own head",
      "Withdrawal", "withdrawals is null: LuxTensor has no beacon-chain withdrawals");

  @Test
  void theClasspathCopyIsTheTopLevelFile() throws IOException {
    assertEquals(Files.readString(TOP_LEVEL), SchemaResource.text());
  }

  @Test
  void theEthereumPartIsEip1767Unchanged() throws IOException {
    String eip1767;
    try (InputStream in = getClass().getResourceAsStream("/execution-apis/schema.graphqls")) {
      eip1767 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(Files.readString(TOP_LEVEL).contains(eip1767), "graphql/schema.graphqls contains EIP-1767 verbatim");
  }

  @Test
  void theServedSchemaIsTheTopLevelFile() throws Exception {
    GraphQLSchema fromFile = UnExecutableSchemaGenerator.makeUnExecutableSchema(
        new SchemaParser().parse(Files.readString(TOP_LEVEL)));
    ExecutionResult expected = GraphQL.newGraphQL(fromFile).build().execute(IntrospectionQuery.INTROSPECTION_QUERY);
    assertTrue(expected.getErrors().isEmpty(), expected.getErrors().toString());
    try (LuxtensorNode node = TestNodes.devNode()) {
      GraphQlHttp.Answer served = new GraphQlHttp(node.rpcPort()).query(IntrospectionQuery.INTROSPECTION_QUERY);
      assertEquals(null, served.error(), "introspection passes the depth and complexity limits");
      JsonNode expectedData = GraphQlHttp.JSON.valueToTree(expected.getData());
      assertEquals(expectedData, served.data());
      assertTrue(served.data().toString().contains("\"name\":\"vrfProof\""), "with the LuxTensor extensions");
    }
  }

  @Test
  void everyFieldHasAFetcher() {
    GraphQLSchema schema = LuxtensorGraphQl.schema(new LuxtensorGraphQl.Sources(null, null, null, null, null, null),
        GraphQlLimits.defaults(), Runnable::run);
    List<String> missing = new ArrayList<>();
    for (GraphQLObjectType type : schema.getAllTypesAsList().stream()
        .filter(t -> t instanceof GraphQLObjectType && !t.getName().startsWith("__"))
        .map(GraphQLObjectType.class::cast).toList()) {
      if (NEVER_RETURNED.containsKey(type.getName())) {
        continue;
      }
      for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
        if (!schema.getCodeRegistry().hasDataFetcher(FieldCoordinates.coordinates(type, field))) {
          missing.add(type.getName() + "." + field.getName());
        }
      }
    }
    assertEquals(List.of(), missing);
  }
}
