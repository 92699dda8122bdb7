package io.luxtensor.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.chain.DevChain;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.p2p.NetworkedNodes.Offline;
import io.luxtensor.p2p.message.Message.Bodies;
import io.luxtensor.p2p.message.Message.GetBodies;
import io.luxtensor.p2p.message.MessageCodec;
import io.luxtensor.p2p.transport.TransportLimits;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.testing.TestChains;
import io.luxtensor.types.BlockBody;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a node serves its peers from storage, and where it stops an answer. */
class ChainDataServerTest {
  private static final int BLOCKS = 4;
  private static final int TRANSACTIONS_PER_BLOCK = 8;
  private static final int DATA_BYTES = 100_000;
  private final NetworkedNodes network = new NetworkedNodes();

  @AfterEach
  void close() throws Exception {
    network.close();
  }

  @Test
  void aBodiesAnswerStopsAtTheFirstBlockThatReachesTheByteBudgetAndFitsAFrame() {
    Offline node = network.create(true);
    PrivateKey sender = DevChain.accounts(1).getFirst().key();
    List<Hash> hashes = new ArrayList<>();
    long nonce = 0;
    for (int block = 0; block < BLOCKS; block++) {
      List<Transaction> transactions = new ArrayList<>();
      for (int i = 0; i < TRANSACTIONS_PER_BLOCK; i++) {
        transactions.add(withData(sender, nonce++));
      }
      hashes.add(TestChains.seal(node.chain(), transactions).block().hash());
    }
    int bodyBytes = bodyBytes(new ChainDataServer(node.database()).bodies(new GetBodies(1, hashes.subList(0, 1))));
    int expected = (ChainDataServer.RESPONSE_BYTES_SOFT_MAX + bodyBytes - 1) / bodyBytes;
    assertTrue(expected < BLOCKS, "the blocks exceed the budget, " + bodyBytes + " bytes each");

    Bodies answer = new ChainDataServer(node.database()).bodies(new GetBodies(7, hashes));

    assertEquals(7, answer.requestId());
    assertEquals(expected, answer.bodies().size(), "bodies up to and including the one that reaches the budget");
    assertEquals(hashes.subList(0, expected).stream().map(hash -> firstTransaction(node, hash)).toList(),
        answer.bodies().stream().map(body -> body.transactions().getFirst().hash()).toList(),
        "the first blocks asked, in order");
    int bytes = answer.bodies().stream().mapToInt(ChainDataServerTest::bodyBytes).sum();
    assertTrue(bytes >= ChainDataServer.RESPONSE_BYTES_SOFT_MAX && bytes - bodyBytes
        < ChainDataServer.RESPONSE_BYTES_SOFT_MAX, bytes + " bytes in the answer");
    assertTrue(MessageCodec.encode(answer).length <= TransportLimits.PAYLOAD_BYTES_MAX, "the answer fits a frame");
  }

  /** A transaction of 100 KB: call data is what makes blocks large. */
  private static Transaction withData(PrivateKey key, long nonce) {
    byte[] data = new byte[DATA_BYTES];
    Arrays.fill(data, (byte) 1);
    return new DynamicFeeTransaction(DevChain.CHAIN_ID, nonce, BigInteger.ONE, BigInteger.valueOf(10_000_000_000L),
        21_000 + 16 * DATA_BYTES, Optional.of(TestChains.RECIPIENT), Wei.of(0), Bytes.of(data), List.of(), null)
        .sign(key);
  }

  private static Hash firstTransaction(Offline node, Hash block) {
    return node.database().block(block).orElseThrow().block().transactions().getFirst().hash();
  }

  private static int bodyBytes(BlockBody body) {
    return Rlp.encode(body.toRlp()).length;
  }

  private static int bodyBytes(Bodies answer) {
    return bodyBytes(answer.bodies().getFirst());
  }
}
