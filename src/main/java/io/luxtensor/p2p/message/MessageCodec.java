package io.luxtensor.p2p.message;

import io.luxtensor.consensus.FinalityProof;
import io.luxtensor.p2p.message.Message.Bodies;
import io.luxtensor.p2p.message.Message.FinalityProofMessage;
import io.luxtensor.p2p.message.Message.GetFinalityProof;
import io.luxtensor.p2p.message.Message.GetTrieNodes;
import io.luxtensor.p2p.message.Message.TrieNodes;
import io.luxtensor.p2p.message.Message.Disconnect;
import io.luxtensor.p2p.message.Message.EvidenceMessage;
import io.luxtensor.p2p.message.Message.GetBodies;
import io.luxtensor.p2p.message.Message.GetHeaders;
import io.luxtensor.p2p.message.Message.GetPeers;
import io.luxtensor.p2p.message.Message.Headers;
import io.luxtensor.p2p.message.Message.NewBlock;
import io.luxtensor.p2p.message.Message.NewTransactions;
import io.luxtensor.p2p.message.Message.Peers;
import io.luxtensor.p2p.message.Message.Ping;
import io.luxtensor.p2p.message.Message.Pong;
import io.luxtensor.p2p.message.Message.Status;
import io.luxtensor.p2p.message.Message.VoteMessage;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpDecodingException;
import io.luxtensor.rlp.RlpItem;
import io.luxtensor.rlp.RlpList;
import io.luxtensor.rlp.RlpString;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockBody;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.SlashingEvidence;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.TransactionDecodingException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Encodes messages as RLP payloads and decodes them strictly: canonical RLP, exact field counts, every list within
 * its {@link Message} limit checked before its items are decoded. Anything else is a {@link MessageDecodingException}.
 */
public final class MessageCodec {
  /** Longest {@code lux://} address: 6 + 128 hex digits + '@' + a host name of 253 + ':' + 5 digits, rounded up. */
  static final int ADDRESS_BYTES_MAX = 400;

  private MessageCodec() {}

  public static byte[] encode(Message message) {
    return Rlp.encode(switch (message) {
      case Status s -> RlpList.of(RlpString.of(s.protocolVersion()), RlpString.of(s.chainId()),
          hash(s.genesisHash()), RlpString.of(s.headNumber()), hash(s.headHash()), RlpString.of(s.finalizedNumber()),
          hash(s.finalizedHash()));
      case Disconnect d -> RlpList.of(RlpString.of(d.reason().code()),
          RlpString.of(d.detail().getBytes(StandardCharsets.UTF_8)));
      case Ping p -> RlpList.of(RlpString.of(p.nonce()));
      case Pong p -> RlpList.of(RlpString.of(p.nonce()));
      case GetHeaders g -> RlpList.of(RlpString.of(g.requestId()), RlpString.of(g.from()), RlpString.of(g.count()));
      case Headers h -> RlpList.of(RlpString.of(h.requestId()), list(h.headers(), BlockHeader::toRlp));
      case GetBodies g -> RlpList.of(RlpString.of(g.requestId()), list(g.blockHashes(), MessageCodec::hash));
      case Bodies b -> RlpList.of(RlpString.of(b.requestId()), list(b.bodies(), BlockBody::toRlp));
      case NewBlock n -> Rlp.decode(n.block().encode());
      case NewTransactions n -> list(n.transactions(), Transaction::toBlockBodyItem);
      case VoteMessage v -> v.vote().toRlp();
      case EvidenceMessage e -> e.evidence().toRlp();
      case GetPeers g -> RlpList.of();
      case Peers p -> list(p.addresses(), a -> RlpString.of(a.getBytes(StandardCharsets.UTF_8)));
      case GetFinalityProof g -> RlpList.of(RlpString.of(g.requestId()));
      case FinalityProofMessage f -> RlpList.of(RlpString.of(f.requestId()), f.proof()
          .map(proof -> RlpList.of(proof.checkpoint().toRlp(), list(proof.votes(), SignedVote::toRlp)))
          .orElse(RlpList.of()));
      case GetTrieNodes g -> RlpList.of(RlpString.of(g.requestId()), list(g.hashes(), MessageCodec::hash));
      case TrieNodes t -> RlpList.of(RlpString.of(t.requestId()), list(t.nodes(), node -> RlpString.of(node)));
    });
  }

  /** @throws MessageDecodingException if {@code payload} is not a valid message of {@code type} */
  public static Message decode(MessageType type, byte[] payload) {
    try {
      return switch (type) {
        case STATUS -> {
          RlpList f = fields(payload, "status", 7);
          yield new Status(integer(f.get(0), "protocolVersion"), f.get(1).asString("chainId").asLong("chainId"),
              hash(f.get(2), "genesisHash"), number(f.get(3), "headNumber"), hash(f.get(4), "headHash"),
              number(f.get(5), "finalizedNumber"), hash(f.get(6), "finalizedHash"));
        }
        case DISCONNECT -> {
          RlpList f = fields(payload, "disconnect", 2);
          long code = number(f.get(0), "reason");
          DisconnectReason reason = DisconnectReason.ofCode(code)
              .orElseThrow(() -> new MessageDecodingException("disconnect: unknown reason code " + code));
          yield new Disconnect(reason, text(f.get(1), "detail", Message.REASON_CHARS_MAX * 4));
        }
        case PING -> new Ping(number(fields(payload, "ping", 1).get(0), "nonce"));
        case PONG -> new Pong(number(fields(payload, "pong", 1).get(0), "nonce"));
        case GET_HEADERS -> {
          RlpList f = fields(payload, "getHeaders", 3);
          yield new GetHeaders(number(f.get(0), "requestId"), number(f.get(1), "from"), integer(f.get(2), "count"));
        }
        case HEADERS -> {
          RlpList f = fields(payload, "headers", 2);
          yield new Headers(number(f.get(0), "requestId"),
              items(f.get(1), "headers", Message.HEADERS_MAX, BlockHeader::fromRlp));
        }
        case GET_BODIES -> {
          RlpList f = fields(payload, "getBodies", 2);
          yield new GetBodies(number(f.get(0), "requestId"),
              items(f.get(1), "blockHashes", Message.BODIES_MAX, i -> hash(i, "blockHash")));
        }
        case BODIES -> {
          RlpList f = fields(payload, "bodies", 2);
          yield new Bodies(number(f.get(0), "requestId"), items(f.get(1), "bodies", Message.BODIES_MAX,
              BlockBody::fromRlp));
        }
        case NEW_BLOCK -> new NewBlock(Block.decode(payload));
        case NEW_TRANSACTIONS -> new NewTransactions(items(Rlp.decode(payload), "transactions",
            Message.TRANSACTIONS_MAX, Transaction::fromBlockBodyItem));
        case VOTE -> new VoteMessage(SignedVote.fromRlp(Rlp.decode(payload)));
        case EVIDENCE -> new EvidenceMessage(SlashingEvidence.fromRlp(Rlp.decode(payload)));
        case GET_PEERS -> {
          fields(payload, "getPeers", 0);
          yield new GetPeers();
        }
        case PEERS -> new Peers(items(Rlp.decode(payload), "peers", Message.PEERS_MAX,
            i -> text(i, "address", ADDRESS_BYTES_MAX)));
        case GET_FINALITY_PROOF -> new GetFinalityProof(number(fields(payload, "getFinalityProof", 1).get(0),
            "requestId"));
        case FINALITY_PROOF -> {
          RlpList f = fields(payload, "finalityProof", 2);
          RlpList proof = f.get(1).asList("proof");
          yield new FinalityProofMessage(number(f.get(0), "requestId"), proof.size() == 0 ? Optional.empty()
              : Optional.of(new FinalityProof(BlockHeader.fromRlp(proof.expectSize("proof", 2).get(0)),
                  items(proof.get(1), "votes", FinalityProof.VOTES_MAX, SignedVote::fromRlp))));
        }
        case GET_TRIE_NODES -> {
          RlpList f = fields(payload, "getTrieNodes", 2);
          yield new GetTrieNodes(number(f.get(0), "requestId"),
              items(f.get(1), "hashes", Message.TRIE_NODE_HASHES_MAX, i -> hash(i, "hash")));
        }
        case TRIE_NODES -> {
          RlpList f = fields(payload, "trieNodes", 2);
          yield new TrieNodes(number(f.get(0), "requestId"), items(f.get(1), "nodes", Message.TRIE_NODES_MAX,
              i -> bytes(i, "node", Message.TRIE_NODE_BYTES_MAX)));
        }
      };
    } catch (RlpDecodingException | TransactionDecodingException | IllegalArgumentException
        | MessageDecodingException e) {
      throw new MessageDecodingException(type + ": " + e.getMessage(), e);
    }
  }

  private static RlpList fields(byte[] payload, String what, int count) {
    return Rlp.decodeList(payload, what).expectSize(what, count);
  }

  private static <T> RlpList list(List<T> values, Function<T, RlpItem> encoding) {
    List<RlpItem> items = new ArrayList<>(values.size());
    values.forEach(v -> items.add(encoding.apply(v)));
    return new RlpList(items);
  }

  private static <T> List<T> items(RlpItem item, String what, int max, Function<RlpItem, T> decoding) {
    RlpList list = item.asList(what);
    if (list.size() > max) {
      throw new MessageDecodingException(what + ": " + list.size() + " items, more than the " + max + " allowed");
    }
    List<T> out = new ArrayList<>(list.size());
    list.items().forEach(i -> out.add(decoding.apply(i)));
    return out;
  }

  private static RlpString hash(Hash hash) {
    return RlpString.of(hash.toBytes());
  }

  private static Hash hash(RlpItem item, String field) {
    return Hash.wrap(item.asString(field).asBytes(field, Hash.LENGTH));
  }

  /** A non-negative number that fits a long. */
  private static long number(RlpItem item, String field) {
    long value = item.asString(field).asLong(field);
    if (value < 0) {
      throw new MessageDecodingException(field + ": " + Long.toUnsignedString(value) + " is out of range");
    }
    return value;
  }

  private static int integer(RlpItem item, String field) {
    long value = number(item, field);
    if (value > Integer.MAX_VALUE) {
      throw new MessageDecodingException(field + ": " + value + " is out of range");
    }
    return (int) value;
  }

  private static byte[] bytes(RlpItem item, String field, int bytesMax) {
    byte[] bytes = item.asString(field).bytes();
    if (bytes.length > bytesMax) {
      throw new MessageDecodingException(field + ": " + bytes.length + " bytes, more than " + bytesMax);
    }
    return bytes;
  }

  private static String text(RlpItem item, String field, int bytesMax) {
    byte[] bytes = bytes(item, field, bytesMax);
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new MessageDecodingException(field + ": not UTF-8");
    }
  }
}
