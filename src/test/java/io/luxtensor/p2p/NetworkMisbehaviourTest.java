package io.luxtensor.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.chain.DevChain;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.p2p.NetworkedNodes.Node;
import io.luxtensor.p2p.message.DisconnectReason;
import io.luxtensor.p2p.message.Message.Disconnect;
import io.luxtensor.p2p.message.Message.Ping;
import io.luxtensor.p2p.message.Message.Pong;
import io.luxtensor.p2p.message.Message.Status;
import io.luxtensor.p2p.message.MessageCodec;
import io.luxtensor.p2p.message.MessageDecodingException;
import io.luxtensor.p2p.message.MessageType;
import io.luxtensor.p2p.transport.NodeAddress;
import io.luxtensor.p2p.transport.NodeKey;
import io.luxtensor.sync.SyncConfig;
import io.luxtensor.sync.SyncMode;
import io.luxtensor.testing.Await;
import io.luxtensor.testing.SeededRandom;
import io.luxtensor.types.Hash;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Peers that speak the transport correctly but the protocol badly: another chain, garbage payloads, unknown message
 * types, messages out of order, floods. Each is dropped with the reason it earned, the worst are banned, and the
 * node keeps serving honest peers.
 */
class NetworkMisbehaviourTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);
  private final NetworkedNodes nodes = new NetworkedNodes();
  private final AtomicLong keySeeds = new AtomicLong(1_000);
  private Node node;

  @BeforeEach
  void startNode() {
    node = nodes.start(true, List.of());
  }

  @AfterEach
  void close() throws Exception {
    nodes.close();
  }

  @Test
  void aPeerOfAnotherChainIsToldWhyAndDropped() throws Exception {
    Status honest = honestStatus();
    assertDroppedFor(DisconnectReason.WRONG_CHAIN, new Status(honest.protocolVersion(), honest.chainId() + 1,
        honest.genesisHash(), 0, honest.genesisHash(), 0, honest.genesisHash()));
    Hash otherGenesis = Hash.keccak(new byte[] {1});
    assertDroppedFor(DisconnectReason.WRONG_GENESIS, new Status(honest.protocolVersion(), honest.chainId(),
        otherGenesis, 0, otherGenesis, 0, otherGenesis));
    assertDroppedFor(DisconnectReason.WRONG_PROTOCOL_VERSION, new Status(Network.PROTOCOL_VERSION + 1,
        honest.chainId(), honest.genesisHash(), 0, honest.genesisHash(), 0, honest.genesisHash()));
    assertEquals(0, node.network().peerCount(), "none of them stays connected");
    assertServesHonestPeers();
  }

  @Test
  void aStatusWhoseFinalityIsAheadOfItsHeadIsInvalidData() throws Exception {
    Status honest = honestStatus();
    RawPeer peer = connect();
    peer.send(new Status(honest.protocolVersion(), honest.chainId(), honest.genesisHash(), 1, honest.genesisHash(),
        5, honest.genesisHash()));
    Disconnect goodbye = peer.awaitDisconnect();
    assertEquals(DisconnectReason.BANNED, goodbye.reason(), "a status no honest node sends is invalid data");
    assertTrue(goodbye.detail().contains("finalized"), goodbye.detail());
    assertBanned(peer);
  }

  @Test
  void unknownMessageTypesAreABreachAndBan() throws Exception {
    for (int code : new int[] {0x12, 0x42, 0xff}) {
      RawPeer peer = connect();
      peer.send(honestStatus());
      peer.sendRaw(code, new byte[] {(byte) 0xc0});
      Disconnect goodbye = peer.awaitDisconnect();
      assertEquals(DisconnectReason.BANNED, goodbye.reason(), "code " + code + ": " + goodbye);
      assertTrue(goodbye.detail().contains("unknown message type " + code), goodbye.detail());
      assertBanned(peer);
    }
    assertServesHonestPeers();
  }

  @Test
  void aMessageBeforeTheStatusIsABreach() throws Exception {
    RawPeer peer = connect();
    peer.send(new Ping(7));
    Disconnect goodbye = peer.awaitDisconnect();
    assertTrue(goodbye.detail().contains("before its status"), goodbye.toString());
    assertBanned(peer);
  }

  @Test
  void aBannedPeerIsRefusedWhenItComesBack() throws Exception {
    long seed = keySeeds.incrementAndGet();
    RawPeer peer = connect(seed);
    peer.sendRaw(0x42, new byte[0]);
    peer.awaitDisconnect();
    assertBanned(peer);

    RawPeer again = connect(seed);
    assertEquals(DisconnectReason.BANNED, again.awaitDisconnect().reason(), "the same key, reconnecting");
  }

  /**
   * Random payloads under every message type: each either decodes (and the peer stays) or does not (and the peer
   * is dropped for invalid data). Either way the node's chain is untouched and it still serves honest peers.
   */
  @Test
  void randomPayloadsUnderEveryTypeDropThePeerOrDecode() throws Exception {
    SecureRandom random = SeededRandom.of(42);
    long headBefore = node.chain().head().latest().number();
    int dropped = 0;
    for (MessageType type : MessageType.values()) {
      if (type == MessageType.STATUS || type == MessageType.DISCONNECT) {
        continue;
      }
      for (int attempt = 0; attempt < 3; attempt++) {
        byte[] payload = new byte[1 + random.nextInt(attempt == 0 ? 4 : 300)];
        random.nextBytes(payload);
        RawPeer peer = connect();
        peer.send(honestStatus());
        peer.sendRaw(type.code(), payload);
        if (decodes(type, payload)) {
          peer.send(new Ping(attempt));
          assertEquals(new Pong(attempt), peer.awaitMessage(Pong.class), type + " decoded, so the peer stays");
        } else {
          Disconnect goodbye = peer.awaitDisconnect();
          assertEquals(DisconnectReason.BANNED, goodbye.reason(), type + " " + goodbye);
          dropped++;
        }
        peer.close();
      }
    }
    assertTrue(dropped > 20, "most random payloads do not decode, and those peers were dropped: " + dropped);
    assertEquals(headBefore, node.chain().head().latest().number(), "nothing random reached the chain");
    assertServesHonestPeers();
  }

  @Test
  void aFloodOfMessagesIsCutOff() throws Exception {
    RawPeer peer = connect();
    peer.send(honestStatus());
    long sent = 0;
    while (!peer.isClosed() && sent < 50 * Peer.MESSAGES_BURST) {
      peer.send(new Ping(sent++));
      if (sent % 1_000 == 0) {
        peer.awaitPongOrClose(sent - 1);
      }
    }
    Disconnect goodbye = peer.awaitDisconnect();
    assertTrue(goodbye.detail().contains("messages a second"), goodbye.toString());
    assertTrue(sent > Peer.MESSAGES_BURST, "the burst allowance came first: " + sent);
    assertServesHonestPeers();
  }

  @Test
  void pingsAreAnsweredWithTheirNonce() throws Exception {
    RawPeer peer = connect();
    peer.send(honestStatus());
    for (long nonce : new long[] {0, 1, Long.MAX_VALUE}) {
      peer.send(new Ping(nonce));
      assertEquals(new Pong(nonce), peer.awaitMessage(Pong.class));
    }
    assertFalse(node.network().isBanned(peer.peerId()));
  }

  @Test
  void aPeerBeyondTheInboundLimitIsToldThereIsNoRoom() throws Exception {
    Node small = nodes.start(nodes.create(false), new NetworkConfig("127.0.0.1", 0, List.of(), 1, 1,
        Optional.empty(), SyncConfig.BODIES, NetworkConfig.FOLLOW_DISTANCE_DEFAULT, SyncMode.FULL, true));
    RawPeer first = connect(keySeeds.incrementAndGet(), small.address());
    first.send(honestStatus());
    first.awaitMessage(Status.class);
    RawPeer second = connect(keySeeds.incrementAndGet(), small.address());
    assertEquals(DisconnectReason.TOO_MANY_PEERS, second.awaitDisconnect().reason());
    assertFalse(small.network().isBanned(second.peerId()), "being refused for room is no offence");
    first.send(new Ping(5));
    assertEquals(new Pong(5), first.awaitMessage(Pong.class), "the peer in the slot is served as before");
  }

  private void assertDroppedFor(DisconnectReason reason, Status status) throws Exception {
    RawPeer peer = connect();
    peer.send(status);
    assertEquals(reason, peer.awaitDisconnect().reason());
    assertFalse(node.network().isBanned(peer.peerId()), "another chain is not misbehaviour: " + reason);
  }

  private void assertBanned(RawPeer peer) {
    Await.until("the peer is banned", DEADLINE, () -> node.network().isBanned(peer.peerId()));
  }

  private void assertServesHonestPeers() throws Exception {
    RawPeer honest = connect();
    honest.send(honestStatus());
    Status theirs = honest.awaitMessage(Status.class);
    assertEquals(DevChain.CHAIN_ID, theirs.chainId());
    honest.send(new Ping(99));
    assertEquals(new Pong(99), honest.awaitMessage(Pong.class), "the node still answers an honest peer");
    honest.close();
  }

  private Status honestStatus() {
    Hash genesis = node.database().canonicalHash(0).orElseThrow();
    return new Status(Network.PROTOCOL_VERSION, DevChain.CHAIN_ID, genesis, 0, genesis, 0, genesis);
  }

  private static boolean decodes(MessageType type, byte[] payload) {
    try {
      MessageCodec.decode(type, payload);
      return true;
    } catch (MessageDecodingException e) {
      return false;
    }
  }

  private RawPeer connect() throws Exception {
    return connect(keySeeds.incrementAndGet());
  }

  private RawPeer connect(long seed) throws Exception {
    return connect(seed, node.address());
  }

  private RawPeer connect(long seed, NodeAddress target) throws Exception {
    return new RawPeer(nodes.vertx(), new NodeKey(PrivateKey.random(SeededRandom.of(seed))), target);
  }
}
