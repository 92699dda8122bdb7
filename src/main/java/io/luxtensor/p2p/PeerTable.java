package io.luxtensor.p2p;

import io.luxtensor.p2p.transport.NodeAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The addresses a node learned, kept in a file of one {@code lux://} address a line so that a restarted node finds
 * the network without its bootnodes. A damaged line is skipped with a warning: the table is a hint, never a reason not
 * to start.
 */
final class PeerTable {
  private static final System.Logger LOG = System.getLogger(PeerTable.class.getName());
  private final Optional<Path> file;

  PeerTable(Optional<Path> file) {
    this.file = file;
  }

  List<NodeAddress> load() {
    if (file.isEmpty() || !Files.exists(file.get())) {
      return List.of();
    }
    List<NodeAddress> addresses = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file.get(), StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          addresses.add(NodeAddress.parse(line.strip()));
        } catch (IllegalArgumentException e) {
          LOG.log(System.Logger.Level.WARNING, "skipping a bad line of " + file.get() + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot read the peer table " + file.get() + ": " + e.getMessage());
    }
    return addresses;
  }

  /** Replaces the table with {@code addresses}, atomically so a crash never leaves half a file. */
  void save(List<NodeAddress> addresses) {
    if (file.isEmpty()) {
      return;
    }
    Path target = file.get();
    try {
      Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
      Files.write(temporary, addresses.stream().map(NodeAddress::toString).toList(), StandardCharsets.UTF_8);
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot write the peer table " + target + ": " + e.getMessage());
    }
  }
}
