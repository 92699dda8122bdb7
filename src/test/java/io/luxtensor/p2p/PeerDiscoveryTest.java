package io.luxtensor.p2p;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.p2p.NetworkedNodes.Node;
import io.luxtensor.p2p.NetworkedNodes.Offline;
import io.luxtensor.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes find peers beyond their bootnodes by asking their peers (GetPeers/Peers), and remember them across a
 * restart in their peer table.
 */
class PeerDiscoveryTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private final NetworkedNodes network = new NetworkedNodes();

  @TempDir
  Path directory;

  @AfterEach
  void close() throws Exception {
    network.close();
  }

  @Test
  void aNodeMeetsItsBootnodesPeersAndFindsThemAgainAfterARestart() throws Exception {
    Node validator = network.start(true, List.of());
    Node bootnode = network.start(false, List.of(validator.address()));
    Path table = directory.resolve("peers.txt");
    Offline newcomer = network.create(false);
    Node joined = network.start(newcomer, NetworkConfig.defaults("127.0.0.1", 0, List.of(bootnode.address()))
        .withPeerTable(table));

    Await.until("the newcomer, told only of the bootnode, also connects to the validator", DEADLINE,
        () -> joined.network().peerCount() == 2 && validator.network().peerCount() == 2,
        () -> "newcomer " + joined.network().peerCount() + " peers, validator " + validator.network().peerCount());

    joined.network().close();
    List<String> remembered = Files.readAllLines(table);
    assertTrue(remembered.contains(validator.address().toString()), "the peer table holds what exchange taught: "
        + remembered);
    assertTrue(remembered.contains(bootnode.address().toString()), remembered.toString());
    Await.until("the validator sees the newcomer leave", DEADLINE, () -> validator.network().peerCount() == 1);

    Node restarted = network.start(newcomer, NetworkConfig.defaults("127.0.0.1", 0, List.of()).withPeerTable(table));
    Await.until("restarted without bootnodes, it dials the peers it remembered", DEADLINE,
        () -> restarted.network().peerCount() == 2 && validator.network().peerCount() == 2,
        () -> "restarted " + restarted.network().peerCount() + " peers");
  }
}
