package io.luxtensor.types;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.rlp.RlpDecodingException;
import io.luxtensor.rlp.RlpItem;
import io.luxtensor.rlp.RlpList;
import io.luxtensor.rlp.RlpString;
import java.util.ArrayList;
import java.util.List;

/**
 * An event log emitted by a transaction.
 *
 * @param address the emitting contract
 * @param topics up to four indexed topics
 * @param data the non-indexed payload
 */
public record Log(Address address, List<Hash> topics, Bytes data) {
  /** The EVM's LOG0..LOG4: a log has at most four topics. */
  public static final int TOPICS_MAX = 4;

  public Log {
    topics = List.copyOf(topics);
    if (topics.size() > TOPICS_MAX) {
      throw new IllegalArgumentException("a log has at most 4 topics, got " + topics.size());
    }
  }

  public RlpList toRlp() {
    List<RlpItem> topicItems = new ArrayList<>(topics.size());
    topics.forEach(t -> topicItems.add(RlpString.of(t.toBytes())));
    return RlpList.of(RlpString.of(address.toBytes()), new RlpList(topicItems), RlpString.of(data.toArray()));
  }

  public static Log fromRlp(RlpItem item) {
    RlpList fields = item.asList("log").expectSize("log", 3);
    Address address = Address.wrap(fields.get(0).asString("log address").asBytes("log address", Address.LENGTH));
    RlpList topicItems = fields.get(1).asList("log topics");
    List<Hash> topics = new ArrayList<>(topicItems.size());
    for (RlpItem topic : topicItems.items()) {
      topics.add(Hash.wrap(topic.asString("log topic").asBytes("log topic", Hash.LENGTH)));
    }
    if (topics.size() > TOPICS_MAX) {
      throw new RlpDecodingException("log has " + topics.size() + " topics, at most 4 allowed");
    }
    return new Log(address, topics, Bytes.of(fields.get(2).asString("log data").bytes()));
  }
}
