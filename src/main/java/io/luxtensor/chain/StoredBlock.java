package io.luxtensor.chain;

import io.luxtensor.types.Address;
import io.luxtensor.types.Block;
import java.util.List;
import java.util.Objects;

/**
 * A block as the node keeps it: with the sender of each transaction, recovered once at import.
 *
 * @param block the block
 * @param senders the sender of each transaction, in order
 */
public record StoredBlock(Block block, List<Address> senders) {
  public StoredBlock {
    Objects.requireNonNull(block, "block");
    senders = List.copyOf(senders);
    if (senders.size() != block.transactions().size()) {
      throw new IllegalArgumentException(senders.size() + " senders for " + block.transactions().size() + " transactions");
    }
  }
}
