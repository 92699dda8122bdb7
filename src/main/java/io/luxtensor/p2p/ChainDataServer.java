package io.luxtensor.p2p;

import io.luxtensor.p2p.message.Message.Bodies;
import io.luxtensor.p2p.message.Message.GetBodies;
import io.luxtensor.p2p.message.Message.GetHeaders;
import io.luxtensor.p2p.message.Message.Headers;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.types.BlockBody;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers peers' header and body requests from storage. Reads block on disk, so callers run it on a worker, never on
 * an event loop. A response stops early at a byte budget, well under a frame's cap, and at the first block this node
 * lacks: the asker takes the rest from elsewhere.
 */
final class ChainDataServer {
  /** Half a frame: a response of this many bytes plus its encoding overhead always fits one frame. */
  static final int RESPONSE_BYTES_SOFT_MAX = 8 * 1024 * 1024;

  private final ChainDatabase database;

  ChainDataServer(ChainDatabase database) {
    this.database = database;
  }

  /** Canonical headers from {@code request.from()}, in order. */
  Headers headers(GetHeaders request) {
    List<BlockHeader> headers = new ArrayList<>();
    long bytes = 0;
    for (long number = request.from(); number < request.from() + request.count()
        && bytes < RESPONSE_BYTES_SOFT_MAX; number++) {
      Optional<BlockHeader> header = database.canonicalHash(number).flatMap(database::header);
      if (header.isEmpty()) {
        break;
      }
      headers.add(header.get());
      bytes += header.get().encode().length;
    }
    return new Headers(request.requestId(), headers);
  }

  /** The bodies of the blocks asked for, in the order asked. */
  Bodies bodies(GetBodies request) {
    List<BlockBody> bodies = new ArrayList<>();
    long bytes = 0;
    for (Hash hash : request.blockHashes()) {
      if (bytes >= RESPONSE_BYTES_SOFT_MAX) {
        break;
      }
      Optional<BlockBody> body = database.block(hash).map(stored -> BlockBody.of(stored.block()));
      if (body.isEmpty()) {
        break;
      }
      bodies.add(body.get());
      bytes += Rlp.encode(body.get().toRlp()).length;
    }
    return new Bodies(request.requestId(), bodies);
  }
}
