package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Transaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Suggests a priority fee from what recent blocks paid: the 60th percentile of effective tips over the last
 * {@link #BLOCKS} blocks (Geth's oracle uses the same percentile), or {@link #DEFAULT_TIP} when they hold none.
 */
public final class GasPriceOracle {
  /** Blocks looked back over: recent enough to follow demand, enough to have a sample. */
  static final int BLOCKS = 20;
  static final int PERCENTILE = 60;
  /** 1 gwei, the suggestion of Hardhat and Geth's floor when blocks are empty. */
  static final BigInteger DEFAULT_TIP = BigInteger.valueOf(1_000_000_000L);

  private final BlockchainQueries chain;

  public GasPriceOracle(BlockchainQueries chain) {
    this.chain = chain;
  }

  public BigInteger suggestedTip() {
    List<BigInteger> tips = new ArrayList<>();
    BlockHeader header = chain.latest();
    for (int i = 0; i < BLOCKS && header != null; i++) {
      Optional<StoredBlock> block = chain.block(header.hash());
      if (block.isPresent()) {
        for (Transaction tx : block.get().block().transactions()) {
          tips.add(tx.effectiveGasPrice(header.baseFeePerGas()).subtract(header.baseFeePerGas()));
        }
      }
      header = header.number() == 0 ? null : chain.header(header.parentHash()).orElse(null);
    }
    if (tips.isEmpty()) {
      return DEFAULT_TIP;
    }
    tips.sort(null);
    return tips.get((tips.size() - 1) * PERCENTILE / 100);
  }
}
