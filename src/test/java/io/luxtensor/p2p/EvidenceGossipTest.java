package io.luxtensor.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.luxtensor.chain.DevChain;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.p2p.NetworkedNodes.Node;
import io.luxtensor.p2p.message.DisconnectReason;
import io.luxtensor.p2p.message.Message.EvidenceMessage;
import io.luxtensor.p2p.message.Message.Status;
import io.luxtensor.p2p.transport.NodeKey;
import io.luxtensor.testing.SeededRandom;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.Hash;
import io.luxtensor.types.SignedVote;
import io.luxtensor.types.SlashingEvidence.DoubleVote;
import io.luxtensor.types.Vote;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Evidence of a slashable offence is passed on once checked, and evidence that proves nothing is not: its sender is
 * scored down until banned.
 */
class EvidenceGossipTest {
  private static final PrivateKey VALIDATOR = DevChain.validatorKeys().signingKey();
  private final NetworkedNodes nodes = new NetworkedNodes();

  @AfterEach
  void close() throws Exception {
    nodes.close();
  }

  @Test
  void validEvidenceIsRelayedAndEvidenceThatProvesNothingIsNot() throws Exception {
    Node node = nodes.start(true, List.of());
    RawPeer watcher = greeted(node, 1);
    RawPeer liar = greeted(node, 2);
    RawPeer witness = greeted(node, 3);

    // The same vote twice proves nothing; three of them (−20 each) ban the sender.
    for (long slot = 10; slot < 13; slot++) {
      SignedVote vote = vote(slot, (byte) 1);
      liar.send(new EvidenceMessage(new DoubleVote(vote, vote)));
    }
    assertEquals(DisconnectReason.BANNED, liar.awaitDisconnect().reason());

    EvidenceMessage doubleVote = new EvidenceMessage(new DoubleVote(vote(20, (byte) 1), vote(20, (byte) 2)));
    witness.send(doubleVote);
    assertEquals(doubleVote, watcher.awaitMessage(EvidenceMessage.class),
        "the first evidence the watcher hears of is the valid one: nothing of the liar's was passed on");
  }

  /** The dev validator's vote in {@code slot} for a head that {@code variant} tells apart. */
  private static SignedVote vote(long slot, byte variant) {
    Hash head = Hash.keccak(new byte[] {variant});
    return new Vote(slot, head, new Checkpoint(0, Hash.ZERO), new Checkpoint(slot, head))
        .sign(DevChain.CHAIN_ID, VALIDATOR);
  }

  private RawPeer greeted(Node node, long seed) throws Exception {
    RawPeer peer = new RawPeer(nodes.vertx(), new NodeKey(PrivateKey.random(SeededRandom.of(500 + seed))),
        node.address());
    Hash genesis = node.database().canonicalHash(0).orElseThrow();
    peer.send(new Status(Network.PROTOCOL_VERSION, DevChain.CHAIN_ID, genesis, 0, genesis, 0, genesis));
    peer.awaitMessage(Status.class);
    return peer;
  }
}
