package io.luxtensor.p2p.message;

import io.luxtensor.consensus.FinalityProof;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockBody;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.SlashingEvidence;
import io.luxtensor.types.Transaction;
import java.util.List;
import java.util.Optional;

/**
 * A message between nodes. Requests carry an id their response repeats, so a node may have several requests in
 * flight to one peer and match each answer.
 */
public sealed interface Message {
  /** Responses to one request hold at most this many headers: about 700 bytes each, so well under a frame. */
  int HEADERS_MAX = 512;
  /** Bodies per request: sync's batch, the 128 blocks, and at most a frame of full blocks. */
  int BODIES_MAX = 128;
  /** Transactions per gossip message: a batch of the pool's arrivals. */
  int TRANSACTIONS_MAX = 1024;
  /** Peers per exchange: enough to find the network, too few to flood a table. */
  int PEERS_MAX = 32;
  /** A disconnect's explanation, for the other side's log. */
  int REASON_CHARS_MAX = 200;
  /** Trie node hashes per state request. */
  int TRIE_NODE_HASHES_MAX = 512;
  /** Trie nodes per state response: a few hundred bytes each, so a response stays well under a frame. */
  int TRIE_NODES_MAX = 8192;
  /** The largest trie node: a branch of 16 hash references and an account value is about 650 bytes. */
  int TRIE_NODE_BYTES_MAX = 1024;

  MessageType type();

  /**
   * What a node says of itself when a connection opens, and again when its head moves: peers pick sync targets from
   * it, and a node on another chain is dropped at once.
   */
  record Status(int protocolVersion, long chainId, Hash genesisHash, long headNumber, Hash headHash,
      long finalizedNumber, Hash finalizedHash) implements Message {
    @Override
    public MessageType type() {
      return MessageType.STATUS;
    }
  }

  /** Sent before closing, with why. */
  record Disconnect(DisconnectReason reason, String detail) implements Message {
    public Disconnect {
      if (detail.length() > REASON_CHARS_MAX) {
        detail = detail.substring(0, REASON_CHARS_MAX);
      }
    }

    @Override
    public MessageType type() {
      return MessageType.DISCONNECT;
    }
  }

  record Ping(long nonce) implements Message {
    @Override
    public MessageType type() {
      return MessageType.PING;
    }
  }

  record Pong(long nonce) implements Message {
    @Override
    public MessageType type() {
      return MessageType.PONG;
    }
  }

  /** Canonical headers {@code from}, {@code from + 1}, ... at most {@code count} of them. */
  record GetHeaders(long requestId, long from, int count) implements Message {
    public GetHeaders {
      if (count < 1 || count > HEADERS_MAX) {
        throw new IllegalArgumentException("a header request asks for 1 to " + HEADERS_MAX + " headers, not " + count);
      }
    }

    @Override
    public MessageType type() {
      return MessageType.GET_HEADERS;
    }
  }

  /** The headers asked for, in order; fewer (or none) if the peer has fewer. */
  record Headers(long requestId, List<BlockHeader> headers) implements Message {
    public Headers {
      headers = List.copyOf(headers);
    }

    @Override
    public MessageType type() {
      return MessageType.HEADERS;
    }
  }

  record GetBodies(long requestId, List<Hash> blockHashes) implements Message {
    public GetBodies {
      blockHashes = List.copyOf(blockHashes);
      if (blockHashes.isEmpty() || blockHashes.size() > BODIES_MAX) {
        throw new IllegalArgumentException("a body request asks for 1 to " + BODIES_MAX + " bodies, not "
            + blockHashes.size());
      }
    }

    @Override
    public MessageType type() {
      return MessageType.GET_BODIES;
    }
  }

  /** The bodies asked for, in the order asked, stopping at the first the peer does not have. */
  record Bodies(long requestId, List<BlockBody> bodies) implements Message {
    public Bodies {
      bodies = List.copyOf(bodies);
    }

    @Override
    public MessageType type() {
      return MessageType.BODIES;
    }
  }

  record NewBlock(Block block) implements Message {
    @Override
    public MessageType type() {
      return MessageType.NEW_BLOCK;
    }
  }

  record NewTransactions(List<Transaction> transactions) implements Message {
    public NewTransactions {
      transactions = List.copyOf(transactions);
    }

    @Override
    public MessageType type() {
      return MessageType.NEW_TRANSACTIONS;
    }
  }

  record VoteMessage(SignedVote vote) implements Message {
    @Override
    public MessageType type() {
      return MessageType.VOTE;
    }
  }

  record EvidenceMessage(SlashingEvidence evidence) implements Message {
    @Override
    public MessageType type() {
      return MessageType.EVIDENCE;
    }
  }

  record GetPeers() implements Message {
    @Override
    public MessageType type() {
      return MessageType.GET_PEERS;
    }
  }

  /** Addresses of peers this node knows, as {@code lux://} strings. */
  record Peers(List<String> addresses) implements Message {
    public Peers {
      addresses = List.copyOf(addresses);
    }

    @Override
    public MessageType type() {
      return MessageType.PEERS;
    }
  }

  /** The proof that this node's newest provable finalized block is final, for a node starting by state sync. */
  record GetFinalityProof(long requestId) implements Message {
    @Override
    public MessageType type() {
      return MessageType.GET_FINALITY_PROOF;
    }
  }

  /** The proof asked for; empty if the node has none (nothing finalized beyond genesis, or its votes are pruned). */
  record FinalityProofMessage(long requestId, Optional<FinalityProof> proof) implements Message {
    @Override
    public MessageType type() {
      return MessageType.FINALITY_PROOF;
    }
  }

  /** The state trie nodes with these hashes, and as many nodes below them as fit one answer. */
  record GetTrieNodes(long requestId, List<Hash> hashes) implements Message {
    public GetTrieNodes {
      hashes = List.copyOf(hashes);
      if (hashes.isEmpty() || hashes.size() > TRIE_NODE_HASHES_MAX) {
        throw new IllegalArgumentException("a trie node request asks for 1 to " + TRIE_NODE_HASHES_MAX
            + " nodes, not " + hashes.size());
      }
    }

    @Override
    public MessageType type() {
      return MessageType.GET_TRIE_NODES;
    }
  }

  /**
   * Encoded trie nodes: those asked for that the peer has, then nodes below them, each after the node referring to
   * it (breadth first). Fewer, or none, if the peer lacks them or its answer is full.
   */
  record TrieNodes(long requestId, List<byte[]> nodes) implements Message {
    public TrieNodes {
      nodes = List.copyOf(nodes);
    }

    @Override
    public MessageType type() {
      return MessageType.TRIE_NODES;
    }
  }
}
