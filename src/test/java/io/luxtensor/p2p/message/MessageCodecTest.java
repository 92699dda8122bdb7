package io.luxtensor.p2p.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.chain.BlockRoots;
import io.luxtensor.p2p.message.Message.Headers;
import io.luxtensor.p2p.message.Message.NewBlock;
import io.luxtensor.p2p.message.Message.Ping;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpItem;
import io.luxtensor.rlp.RlpList;
import io.luxtensor.rlp.RlpString;
import io.luxtensor.types.Block;
import io.luxtensor.types.BlockBody;
import io.luxtensor.types.Hash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every message survives encoding; anything else in a payload is refused with a decoding error, never more. */
class MessageCodecTest {
  @Test
  void everyMessageTypeRoundTrips() {
    List<MessageType> covered = new ArrayList<>();
    for (Message message : MessageExamples.all()) {
      byte[] payload = MessageCodec.encode(message);
      Message decoded = MessageCodec.decode(message.type(), payload);
      assertArrayEquals(payload, MessageCodec.encode(decoded), message.type().name());
      covered.add(message.type());
    }
    for (MessageType type : MessageType.values()) {
      assertTrue(covered.contains(type), type + " has no example");
      assertEquals(type, MessageType.ofCode(type.code()).orElseThrow());
    }
    assertTrue(MessageType.ofCode(0x7f).isEmpty());
    Block block = MessageExamples.block();
    assertEquals(block, ((NewBlock) MessageCodec.decode(MessageType.NEW_BLOCK, block.encode())).block());
  }

  @Test
  void aBodyMatchesOnlyItsOwnHeader() {
    BlockBody body = BlockBody.of(MessageExamples.block());
    assertTrue(BlockRoots.matches(MessageExamples.block().header(), body));
    BlockBody missingATransaction = new BlockBody(MessageExamples.block().transactions().subList(1, 2), body.votes(), body.evidence());
    assertTrue(!BlockRoots.matches(MessageExamples.block().header(), missingATransaction));
    BlockBody withoutVotes = new BlockBody(body.transactions(), List.of(), body.evidence());
    assertTrue(!BlockRoots.matches(MessageExamples.block().header(), withoutVotes));
  }

  @Test
  void listsLongerThanTheirLimitAreRefusedBeforeTheirItemsAreRead() {
    List<RlpItem> hashes = new ArrayList<>(Collections.nCopies(Message.BODIES_MAX + 1,
        RlpString.of(Hash.ZERO.toBytes())));
    byte[] tooMany = Rlp.encode(RlpList.of(RlpString.of(1), new RlpList(hashes)));
    MessageDecodingException e = assertThrows(MessageDecodingException.class,
        () -> MessageCodec.decode(MessageType.GET_BODIES, tooMany));
    assertTrue(e.getMessage().contains("more than the 128"), e.getMessage());
    byte[] manyHeaders = Rlp.encode(RlpList.of(RlpString.of(1), new RlpList(Collections.nCopies(
        Message.HEADERS_MAX + 1, RlpList.of()))));
    assertThrows(MessageDecodingException.class, () -> MessageCodec.decode(MessageType.HEADERS, manyHeaders));
    byte[] zeroHeaders = Rlp.encode(RlpList.of(RlpString.of(1), RlpString.of(1), RlpString.of(0)));
    assertThrows(MessageDecodingException.class, () -> MessageCodec.decode(MessageType.GET_HEADERS, zeroHeaders));
  }

  @Test
  void trailingBytesNonCanonicalNumbersAndUnknownReasonsAreRefused() {
    byte[] ping = MessageCodec.encode(new Ping(5));
    byte[] trailing = java.util.Arrays.copyOf(ping, ping.length + 1);
    assertThrows(MessageDecodingException.class, () -> MessageCodec.decode(MessageType.PING, trailing));
    byte[] leadingZero = Rlp.encode(RlpList.of(RlpString.of(new byte[] {0, 5})));
    assertThrows(MessageDecodingException.class, () -> MessageCodec.decode(MessageType.PING, leadingZero));
    byte[] unknownReason = Rlp.encode(RlpList.of(RlpString.of(99), RlpString.of(new byte[0])));
    assertThrows(MessageDecodingException.class, () -> MessageCodec.decode(MessageType.DISCONNECT, unknownReason));
    byte[] notUtf8 = Rlp.encode(RlpList.of(RlpString.of(new byte[] {(byte) 0xc3, 0x28})));
    assertThrows(MessageDecodingException.class, () -> MessageCodec.decode(MessageType.PEERS, notUtf8));
  }

}
