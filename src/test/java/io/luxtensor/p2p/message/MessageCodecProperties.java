package io.luxtensor.p2p.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.p2p.message.Message.Ping;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Fuzzing the decoders: any payload decodes to a message of its type or is refused with a decoding error. */
class MessageCodecProperties {
  @Property(tries = 1000)
  void randomPayloadsDecodeOrFailWithADecodingError(@ForAll("types") MessageType type, @ForAll byte[] payload) {
    decodeOrRefuse(type, payload);
  }

  @Property(tries = 1000)
  void mutatedMessagesDecodeOrFailWithADecodingError(@ForAll("types") MessageType type,
      @ForAll("mutations") int[] mutation) {
    Message example = MessageExamples.all().stream().filter(m -> m.type() == type).findFirst().orElse(new Ping(1));
    byte[] payload = MessageCodec.encode(example);
    int at = Math.floorMod(mutation[0], payload.length);
    payload[at] ^= (byte) (mutation[1] | 1);
    decodeOrRefuse(type, payload);
  }

  private static void decodeOrRefuse(MessageType type, byte[] payload) {
    try {
      Message message = MessageCodec.decode(type, payload);
      assertEquals(type, message.type());
    } catch (MessageDecodingException refused) {
      assertTrue(refused.getMessage().startsWith(type.name()), refused.getMessage());
    }
  }

  @Provide
  Arbitrary<MessageType> types() {
    return Arbitraries.of(MessageType.class);
  }

  @Provide
  Arbitrary<int[]> mutations() {
    return Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(2);
  }
}
