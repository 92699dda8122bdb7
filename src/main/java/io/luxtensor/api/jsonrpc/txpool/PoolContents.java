package io.luxtensor.api.jsonrpc.txpool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.txpool.SenderContent;
import io.luxtensor.txpool.ValidatedTransaction;
import java.util.List;
import java.util.function.Function;

/**
 * Geth's txpool shape: {@code {"pending": {sender: {nonce: entry}}, "queued": {...}}}, senders in address order
 * (lowercase hex), nonces as decimal strings in nonce order; a sender appears only under the states it has.
 */
final class PoolContents {
  private PoolContents() {}

  static ObjectNode render(List<SenderContent> senders, Function<ValidatedTransaction, JsonNode> entry) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ObjectNode pending = out.putObject("pending");
    ObjectNode queued = out.putObject("queued");
    for (SenderContent sender : senders) {
      add(pending, sender, sender.pending(), entry);
      add(queued, sender, sender.queued(), entry);
    }
    return out;
  }

  private static void add(ObjectNode state, SenderContent sender, List<ValidatedTransaction> transactions,
      Function<ValidatedTransaction, JsonNode> entry) {
    if (transactions.isEmpty()) {
      return;
    }
    ObjectNode byNonce = state.putObject(sender.sender().toHex());
    transactions.forEach(tx -> byNonce.set(Long.toUnsignedString(tx.nonce()), entry.apply(tx)));
  }
}
