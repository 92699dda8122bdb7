package io.luxtensor.api.filter;

import io.luxtensor.chain.StoredBlock;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Log;
import io.luxtensor.types.Receipt;
import java.util.ArrayList;
import java.util.List;

/**
 * A log with where it was emitted, what eth_getLogs and log filters answer with.
 *
 * @param log the log
 * @param header the block it is in
 * @param transactionHash the transaction that emitted it
 * @param transactionIndex that transaction's position in the block
 * @param logIndex the log's position among all the block's logs
 */
public record LocatedLog(Log log, BlockHeader header, Hash transactionHash, int transactionIndex, int logIndex) {

  /** The logs of {@code block} that {@code criteria} matches, in block order. */
  public static List<LocatedLog> matching(StoredBlock block, List<Receipt> receipts, LogCriteria criteria) {
    List<LocatedLog> out = new ArrayList<>();
    BlockHeader header = block.block().header();
    int logIndex = 0;
    for (int tx = 0; tx < receipts.size(); tx++) {
      Hash transactionHash = null;
      for (Log log : receipts.get(tx).logs()) {
        if (criteria.matches(log)) {
          if (transactionHash == null) {
            transactionHash = block.block().transactions().get(tx).hash();
          }
          out.add(new LocatedLog(log, header, transactionHash, tx, logIndex));
        }
        logIndex++;
      }
    }
    return out;
  }
}
