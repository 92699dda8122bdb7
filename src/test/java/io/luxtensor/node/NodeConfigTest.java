package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.api.graphql.GraphQlLimits;
import io.luxtensor.api.ws.WebSocketConfig;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.p2p.NetworkConfig;
import io.luxtensor.p2p.transport.NodeAddress;
import io.luxtensor.sync.SyncConfig;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class NodeConfigTest {

  /** The shipped config.json spells out the defaults, so it documents them: it must parse to exactly them. */
  @Test
  void theShippedConfigParsesToTheDefaults() throws Exception {
    NodeConfig config = NodeConfig.parse(Files.readString(Path.of("config.json")), Path.of("."));
    assertEquals(WebSocketConfig.defaults(), config.api().webSocket());
    assertEquals(GraphQlLimits.defaults(), config.api().graphQl());
    assertTrue(config.validatorKeystore().isPresent());
  }

  @Test
  void webSocketAndGraphQlLimitsAreConfigurable() {
    NodeConfig config = NodeConfig.parse("""
        {"webSocket": {"connectionsMax": 3, "outboundBytesMax": 1024},
         "graphql": {"queryDepthMax": 4, "blocksRangeMax": 7}}""", Path.of("."));
    assertEquals(new WebSocketConfig(3, WebSocketConfig.SUBSCRIPTIONS_PER_CONNECTION_MAX, 1024),
        config.api().webSocket());
    assertEquals(4, config.api().graphQl().queryDepthMax());
    assertEquals(7, config.api().graphQl().blocksRangeMax());
  }

  @Test
  void aValidatorsBlockFillBoundIsOptionalAndPositive() {
    assertEquals(OptionalLong.empty(), NodeConfig.parse("{}", Path.of(".")).blockFillMillisMax());
    assertEquals(OptionalLong.of(40),
        NodeConfig.parse("{\"validator\": {\"blockFillMillisMax\": 40}}", Path.of(".")).blockFillMillisMax());
    assertEquals("validator.blockFillMillisMax: 0 leaves no time for transactions; at least 1",
        assertThrows(ConfigException.class, () -> NodeConfig.parse(
            "{\"validator\": {\"blockFillMillisMax\": 0}}", Path.of("."))).getMessage());
    assertEquals("validator.blockFillMillisMax: expected a non-negative whole number",
        assertThrows(ConfigException.class, () -> NodeConfig.parse(
            "{\"validator\": {\"blockFillMillisMax\": \"40ms\"}}", Path.of("."))).getMessage());
  }

  @Test
  void unknownOrMalformedKeysNameThemselves() {
    assertEquals("webSocket.bogus: unknown key (known: connectionsMax, host, outboundBytesMax, port, subscriptionsPerConnectionMax)",
        assertThrows(ConfigException.class, () -> NodeConfig.parse("{\"webSocket\": {\"bogus\": 1}}", Path.of(".")))
            .getMessage());
    assertTrue(assertThrows(ConfigException.class,
        () -> NodeConfig.parse("{\"graphql\": {\"queryDepthMax\": 0}}", Path.of("."))).getMessage()
        .startsWith("graphql:"));
  }

  @Test
  void p2pIsOnByDefaultWithItsKeyAndPeerTableInTheDatadir() throws Exception {
    NodeConfig shipped = NodeConfig.parse(Files.readString(Path.of("config.json")), Path.of("/srv/node"));
    P2pSettings p2p = shipped.p2p().orElseThrow();
    assertEquals(NetworkConfig.PORT_DEFAULT, p2p.network().port());
    assertEquals(Path.of("/srv/node/data/nodekey"), p2p.nodeKeyFile());
    assertEquals(Optional.of(Path.of("/srv/node/data/peers.txt")), p2p.network().peerTable());
    assertEquals(NodeConfig.parse("{}", Path.of("/srv/node")).p2p(), shipped.p2p(),
        "the shipped file spells out the defaults");
  }

  @Test
  void p2pCanBeTurnedOffOrPointedAtBootnodes() {
    assertTrue(NodeConfig.parse("{\"p2p\": {\"enabled\": false}}", Path.of(".")).p2p().isEmpty());
    String bootnode = "lux://" + "ab".repeat(64) + "@10.0.0.7:30303";
    ConfigException notOnCurve = assertThrows(ConfigException.class, () -> NodeConfig.parse(
        "{\"p2p\": {\"bootnodes\": [\"" + bootnode + "\"]}}", Path.of(".")));
    assertTrue(notOnCurve.getMessage().startsWith("p2p.bootnodes: "), notOnCurve.getMessage());
    String valid = new NodeAddress(PrivateKey.fromScalar(BigInteger.TWO).publicKey(), "10.0.0.7", 30304).toString();
    NodeConfig config = NodeConfig.parse("{\"p2p\": {\"port\": 30304, \"inboundPeersMax\": 3, \"bootnodes\": [\""
        + valid + "\"], \"nodeKeyFile\": \"keys/node\"}}", Path.of("/srv"));
    P2pSettings p2p = config.p2p().orElseThrow();
    assertEquals(List.of(NodeAddress.parse(valid)), p2p.network().bootnodes());
    assertEquals(3, p2p.network().inboundPeersMax());
    assertEquals(30304, p2p.network().port());
    assertEquals(Path.of("/srv/keys/node"), p2p.nodeKeyFile());
    assertEquals("p2p.port: expected a non-negative whole number", assertThrows(ConfigException.class,
        () -> NodeConfig.parse("{\"p2p\": {\"port\": \"x\"}}", Path.of("."))).getMessage());
    assertEquals("p2p: p2p port must be 0-65535, got 70000", assertThrows(ConfigException.class,
        () -> NodeConfig.parse("{\"p2p\": {\"port\": 70000}}", Path.of("."))).getMessage());
    assertEquals("p2p.port: 4294967296 is too large (at most 2147483647)", assertThrows(ConfigException.class,
        () -> NodeConfig.parse("{\"p2p\": {\"port\": 4294967296}}", Path.of("."))).getMessage(),
        "2^32 would have wrapped to port 0, a random port");
  }

  @Test
  void syncLimitsAndTheFollowDistanceAreSettable() {
    NetworkConfig network = NodeConfig.parse("{\"p2p\": {\"followDistance\": 8, \"sync\": {\"batchSize\": 32, "
        + "\"peersMax\": 8, \"requestsPerPeerMax\": 3, \"retriesMax\": 5, \"timeoutMsMin\": 2000, "
        + "\"timeoutMsMax\": 30000}}}", Path.of(".")).p2p().orElseThrow().network();
    assertEquals(8, network.followDistance());
    SyncConfig sync = network.sync();
    assertEquals(List.of(32, 8, 3, 5), List.of(sync.batchSize(), sync.peersMax(), sync.requestsPerPeerMax(),
        sync.retriesMax()));
    assertEquals(List.of(2000L, 30000L, 5000L), List.of(sync.timeoutMsMin(), sync.timeoutMsMax(),
        sync.timeoutMsInitial()));
    assertTrue(sync.aheadBatchesMax() >= 8 * 3, "the pipeline is deep enough for every peer's requests");
    assertEquals(SyncConfig.BODIES, NodeConfig.parse("{}", Path.of(".")).p2p().orElseThrow().network().sync(),
        "the documented defaults when the section is absent");

    assertEquals("p2p: batch size must be 1..128 for bodies, got 500", assertThrows(ConfigException.class,
        () -> NodeConfig.parse("{\"p2p\": {\"sync\": {\"batchSize\": 500}}}", Path.of("."))).getMessage());
    assertTrue(assertThrows(ConfigException.class, () -> NodeConfig.parse(
        "{\"p2p\": {\"sync\": {\"peers\": 2}}}", Path.of("."))).getMessage()
        .startsWith("p2p.sync.peers: unknown key (known: batchSize, peersMax,"));
    assertEquals("p2p.sync: expected an object", assertThrows(ConfigException.class,
        () -> NodeConfig.parse("{\"p2p\": {\"sync\": 4}}", Path.of("."))).getMessage());
  }
}
