package io.luxtensor.p2p;

import io.luxtensor.p2p.transport.NodeAddress;
import io.luxtensor.sync.SyncConfig;
import io.luxtensor.sync.SyncMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a node joins the network.
 *
 * @param host the interface to listen on
 * @param port the TCP port to listen on; 0 takes any free one (tests)
 * @param bootnodes peers dialed at start and whenever the node has too few
 * @param inboundPeersMax the most peers that dialed in
 * @param outboundPeersMax the most peers this node dialed
 * @param peerTable where the addresses learned from peers are kept across restarts; none keeps them in memory only
 * @param sync how blocks are downloaded when the node is behind
 * @param followDistance how many blocks behind its peers' finalized block the node may fall before it syncs
 * @param syncMode how a node still at genesis gets the chain: replaying every block, or from a finalized state
 * @param discovery whether the node learns peers from its peers (peer exchange); without, it keeps to its bootnodes
 *     and to the peers that dial it, as a private network of static peers does
 */
public record NetworkConfig(String host, int port, List<NodeAddress> bootnodes, int inboundPeersMax,
    int outboundPeersMax, Optional<Path> peerTable, SyncConfig sync, int followDistance,
    SyncMode syncMode, boolean discovery) {
  public static final int PORT_DEFAULT = 30303;
  /** Geth's default of 50 peers, split about two inbound to one outbound as Geth does. */
  public static final int INBOUND_PEERS_MAX_DEFAULT = 34;
  public static final int OUTBOUND_PEERS_MAX_DEFAULT = 16;
  /** A block or two of lag is gossip in flight, not a reason to sync. */
  public static final int FOLLOW_DISTANCE_DEFAULT = 2;

  public NetworkConfig {
    Objects.requireNonNull(host, "host");
    bootnodes = List.copyOf(bootnodes);
    Objects.requireNonNull(peerTable, "peerTable");
    Objects.requireNonNull(sync, "sync");
    Objects.requireNonNull(syncMode, "syncMode");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("p2p port must be 0-65535, got " + port);
    }
    if (inboundPeersMax < 0 || outboundPeersMax < 0 || inboundPeersMax + outboundPeersMax < 1) {
      throw new IllegalArgumentException("peer limits must not be negative and allow one peer, got inbound "
          + inboundPeersMax + ", outbound " + outboundPeersMax);
    }
    if (followDistance < 0) {
      throw new IllegalArgumentException("follow distance must not be negative, got " + followDistance);
    }
  }

  /** Listening on {@code host:port} with the default limits and sync. */
  public static NetworkConfig defaults(String host, int port, List<NodeAddress> bootnodes) {
    return new NetworkConfig(host, port, bootnodes, INBOUND_PEERS_MAX_DEFAULT, OUTBOUND_PEERS_MAX_DEFAULT,
        Optional.empty(), SyncConfig.BODIES, FOLLOW_DISTANCE_DEFAULT, SyncMode.FULL, true);
  }

  public NetworkConfig withPeerTable(Path file) {
    return new NetworkConfig(host, port, bootnodes, inboundPeersMax, outboundPeersMax, Optional.of(file), sync,
        followDistance, syncMode, discovery);
  }

  public NetworkConfig withSync(SyncConfig config) {
    return new NetworkConfig(host, port, bootnodes, inboundPeersMax, outboundPeersMax, peerTable, config,
        followDistance, syncMode, discovery);
  }

  public NetworkConfig withSyncMode(SyncMode mode) {
    return new NetworkConfig(host, port, bootnodes, inboundPeersMax, outboundPeersMax, peerTable, sync,
        followDistance, mode, discovery);
  }

  public NetworkConfig withDiscovery(boolean on) {
    return new NetworkConfig(host, port, bootnodes, inboundPeersMax, outboundPeersMax, peerTable, sync,
        followDistance, syncMode, on);
  }

  public int peersMax() {
    return inboundPeersMax + outboundPeersMax;
  }
}
