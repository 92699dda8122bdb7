package io.luxtensor.p2p.message;

import io.luxtensor.node.ChainService;
import io.luxtensor.p2p.message.Message.Bodies;
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
import io.luxtensor.testing.TestChains;
import io.luxtensor.chain.DevChain;
import io.luxtensor.types.Block;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.SlashingEvidence;
import io.luxtensor.types.Vote;
import io.luxtensor.types.BlockBody;
import io.luxtensor.types.Hash;
import io.luxtensor.types.SignedVote;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** One message of each type, around a real block of the dev chain with transactions and a vote. */
final class MessageExamples {
  private static final Block BLOCK;
  private static final SignedVote VOTE;

  static {
    try (ChainService validator = TestChains.validator(TestChains.memoryStore())) {
      List<SignedVote> votes = new CopyOnWriteArrayList<>();
      validator.addVoteListener(votes::add);
      TestChains.seal(validator, List.of(TestChains.transfer(0, 0, 1)));
      BLOCK = TestChains.seal(validator, List.of(TestChains.transfer(0, 1, 2), TestChains.transfer(1, 0, 3))).block();
      VOTE = votes.getLast();
    }
  }

  private MessageExamples() {}

  static Block block() {
    return BLOCK;
  }

  static List<Message> all() {
    Hash hash = Hash.keccak(new byte[] {7});
    return List.of(
        new Status(1, 31337, hash, 5000, BLOCK.hash(), 4998, hash),
        new Disconnect(DisconnectReason.WRONG_GENESIS, "genesis 0x12 is not ours"),
        new Ping(Long.MAX_VALUE), new Pong(0),
        new GetHeaders(9, 1, Message.HEADERS_MAX), new Headers(9, List.of(BLOCK.header(), BLOCK.header())),
        new Headers(10, List.of()),
        new GetBodies(11, List.of(BLOCK.hash(), hash)), new Bodies(11, List.of(BlockBody.of(BLOCK))),
        new NewBlock(BLOCK), new NewTransactions(BLOCK.transactions()), new VoteMessage(VOTE),
        new EvidenceMessage(new SlashingEvidence.DoubleVote(VOTE, new Vote(VOTE.vote().slot(), hash,
            VOTE.vote().source(), new Checkpoint(VOTE.vote().target().slot(), hash))
            .sign(DevChain.CHAIN_ID, DevChain.validatorKeys().signingKey()))),
        new GetPeers(), new Peers(List.of("lux://" + "ab".repeat(64) + "@127.0.0.1:30303")),
        new Message.GetFinalityProof(11), new Message.FinalityProofMessage(11, java.util.Optional.empty()),
        new Message.FinalityProofMessage(12, java.util.Optional.of(
            new io.luxtensor.consensus.FinalityProof(BLOCK.header(), List.of(VOTE)))),
        new Message.GetTrieNodes(13, List.of(io.luxtensor.types.Hash.ZERO)),
        new Message.TrieNodes(13, List.of(new byte[] {(byte) 0xc2, (byte) 0x80, (byte) 0x80})));
  }
}
