package io.luxtensor.node;

import io.luxtensor.p2p.NetworkConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a node joins the peer-to-peer network, and where its identity lives.
 *
 * @param network listener, bootnodes, peer limits and sync
 * @param nodeKeyFile the node's secp256k1 key (created on first start): its peer id and {@code lux://} address
 */
public record P2pSettings(NetworkConfig network, Path nodeKeyFile) {
  public P2pSettings {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(nodeKeyFile, "nodeKeyFile");
  }

  /** The defaults for a data directory: key in DATADIR/nodekey, learned peers in DATADIR/peers.txt. */
  public static P2pSettings inDatadir(Path datadir, NetworkConfig network) {
    return new P2pSettings(network.withPeerTable(datadir.resolve("peers.txt")), datadir.resolve("nodekey"));
  }
}
