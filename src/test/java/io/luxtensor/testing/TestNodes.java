package io.luxtensor.testing;

import io.luxtensor.api.http.ApiSafety;
import io.luxtensor.api.http.ApiServerConfig;
import io.luxtensor.chain.DevChain;
import io.luxtensor.node.ChainService;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.txpool.TxPoolConfig;
import java.math.BigInteger;
import java.util.function.LongSupplier;

/** Real nodes on loopback for tests: the dev chain, a free port, in memory or in a given store. */
public final class TestNodes {
  private TestNodes() {}

  public static LuxtensorNode devNode(StorageConfig storage, ChainService.Sealing sealing, TxPoolConfig pool) {
    return devNode(storage, sealing, pool, 0);
  }

  /** A dev node whose slots last {@code blockTimeMillis} (0: a millisecond, for instant sealing). */
  public static LuxtensorNode devNode(StorageConfig storage, ChainService.Sealing sealing, TxPoolConfig pool,
      long blockTimeMillis) {
    return LuxtensorNode.start(new LuxtensorNode.Options(storage,
        DevChain.genesis(new DevChain.Settings(DevChain.CHAIN_ID, DevChain.ACCOUNTS_DEFAULT, DevChain.BALANCE_DEFAULT,
            blockTimeMillis, System.currentTimeMillis() / 1000)),
        false, DevChain.validatorKeys(), sealing, ApiServerConfig.defaults().withAddress("127.0.0.1", 0), pool, false,
        "test"), System::currentTimeMillis);
  }

  public static LuxtensorNode devNode() {
    return devNode(StorageConfig.memory(), new ChainService.Sealing.Instant(), TxPoolConfig.DEFAULT);
  }

  /** An instant-sealing dev node in memory whose API has {@code safety}, on the clock {@code clockMillis}. */
  public static LuxtensorNode devNode(ApiSafety safety, LongSupplier clockMillis) {
    return LuxtensorNode.start(new LuxtensorNode.Options(StorageConfig.memory(),
        DevChain.genesis(new DevChain.Settings(DevChain.CHAIN_ID, DevChain.ACCOUNTS_DEFAULT, DevChain.BALANCE_DEFAULT,
            0, clockMillis.getAsLong() / 1000)),
        false, DevChain.validatorKeys(), new ChainService.Sealing.Instant(),
        ApiServerConfig.defaults().withAddress("127.0.0.1", 0).withSafety(safety), TxPoolConfig.DEFAULT, false,
        "test"), clockMillis);
  }

  /** A pool that refuses tips below 1 wei, so "transaction underpriced" can be provoked. */
  public static TxPoolConfig poolWithMinTip(long wei) {
    TxPoolConfig d = TxPoolConfig.DEFAULT;
    return new TxPoolConfig(d.poolTransactionsMax(), d.senderTransactionsMax(), d.transactionSizeBytesMax(),
        d.poolSizeBytesMax(), BigInteger.valueOf(wei));
  }
}
