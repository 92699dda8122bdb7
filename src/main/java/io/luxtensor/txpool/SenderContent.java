package io.luxtensor.txpool;

import io.luxtensor.types.Address;
import java.util.List;

/**
 * One sender's pooled transactions (txpool_content, txpool_contentFrom), each list in nonce order.
 *
 * @param pending the executable run from the account nonce
 * @param queued the transactions behind a nonce gap
 */
public record SenderContent(Address sender, List<ValidatedTransaction> pending, List<ValidatedTransaction> queued) {
  public SenderContent {
    pending = List.copyOf(pending);
    queued = List.copyOf(queued);
  }
}
