package io.luxtensor.p2p;

import io.luxtensor.consensus.FinalityProof;
import io.luxtensor.p2p.message.Message;
import io.luxtensor.p2p.message.Message.Bodies;
import io.luxtensor.p2p.message.Message.FinalityProofMessage;
import io.luxtensor.p2p.message.Message.GetBodies;
import io.luxtensor.p2p.message.Message.GetFinalityProof;
import io.luxtensor.p2p.message.Message.GetHeaders;
import io.luxtensor.p2p.message.Message.GetTrieNodes;
import io.luxtensor.p2p.message.Message.Headers;
import io.luxtensor.p2p.message.Message.TrieNodes;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.trie.NodeReferences;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockBody;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.Hash;
import io.luxtensor.types.SignedVote;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Answers peers' header, body, finality proof and trie node requests from storage. Reads block on disk, so callers
 * run it on a worker, never on an event loop. A response stops early at a byte budget, well under a frame's cap, and
 * at the first block this node lacks: the asker takes the rest from elsewhere.
 */
final class ChainDataServer {
  /**
   * Geth's soft response limit: a response of this many bytes plus its encoding overhead fits a frame eight times
   * over. An answer of 8 MB (some 70 full blocks) held up the asker's import for a second while it was served,
   * opened and decoded; at 2 MB the first blocks are recovered and imported while the rest are still on their way.
   */
  static final int RESPONSE_BYTES_SOFT_MAX = 2 * 1024 * 1024;
  /** A state answer stops here: a few thousand nodes, checked and stored by the asker in tens of milliseconds. */
  static final int TRIE_RESPONSE_BYTES_MAX = 2 * 1024 * 1024;
  /** How far past a finalized block its finalizing votes are looked for: they are carried within a few slots. */
  static final int FINALITY_VOTES_SCAN_BLOCKS = 64;

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
      bytes += Rlp.encodedLength(body.get().toRlp());
    }
    return new Bodies(request.requestId(), bodies);
  }

  /**
   * The proof that the finalized block the head's header claims is final: the votes, carried in the blocks after it,
   * that link it to the next slot's checkpoint. The link with the most voters is sent; the asker checks the stake.
   */
  FinalityProofMessage finalityProof(GetFinalityProof request) {
    Optional<BlockHeader> head = database.headHash().flatMap(database::header);
    Optional<BlockHeader> finalized = head.map(BlockHeader::finalized).filter(c -> c.slot() > 0)
        .flatMap(c -> database.header(c.blockHash()));
    if (finalized.isEmpty()) {
      return new FinalityProofMessage(request.requestId(), Optional.empty());
    }
    Checkpoint source = new Checkpoint(finalized.get().slot(), finalized.get().hash());
    Map<Checkpoint, Map<Address, SignedVote>> byTarget = new TreeMap<>(
        Comparator.comparingLong(Checkpoint::slot).thenComparing(Checkpoint::blockHash));
    long last = Math.min(head.get().number(), finalized.get().number() + FINALITY_VOTES_SCAN_BLOCKS);
    for (long number = finalized.get().number() + 1; number <= last; number++) {
      database.canonicalHash(number).flatMap(database::block).ifPresent(stored -> stored.block().votes().stream()
          .filter(v -> v.vote().source().equals(source) && v.vote().target().slot() == source.slot() + 1)
          .forEach(v -> byTarget.computeIfAbsent(v.vote().target(), t -> new TreeMap<>())
              .putIfAbsent(v.validator(), v)));
    }
    return new FinalityProofMessage(request.requestId(), byTarget.values().stream()
        .max(Comparator.comparingInt(Map::size))
        .map(votes -> new FinalityProof(finalized.get(),
            votes.values().stream().limit(FinalityProof.VOTES_MAX).toList())));
  }

  /**
   * The trie nodes asked for, then the nodes below them, breadth first (each after the node that refers to it), up
   * to the response budget: a node walking a trie down from its root gets a whole subtree per round trip.
   */
  TrieNodes trieNodes(GetTrieNodes request) {
    ArrayDeque<Hash> queue = new ArrayDeque<>(request.hashes());
    List<byte[]> nodes = new ArrayList<>();
    long bytes = 0;
    while (!queue.isEmpty() && nodes.size() < Message.TRIE_NODES_MAX && bytes < TRIE_RESPONSE_BYTES_MAX) {
      Optional<byte[]> node = database.trieNodes().get(queue.pollFirst().toBytes());
      if (node.isEmpty()) {
        continue;
      }
      nodes.add(node.get());
      bytes += node.get().length;
      NodeReferences.of(node.get()).childHashes().forEach(child -> queue.addLast(Hash.wrap(child)));
    }
    return new TrieNodes(request.requestId(), nodes);
  }
}
