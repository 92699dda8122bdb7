package io.luxtensor.testing;

import io.luxtensor.api.http.ApiSafety;
import io.luxtensor.api.http.ApiServerConfig;
import io.luxtensor.api.jsonrpc.JsonRpcLimits;
import io.luxtensor.chain.DevChain;
import io.luxtensor.crypto.PrivateKey;
import java.util.List;
import java.util.Optional;
import io.luxtensor.node.ChainService;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.txpool.TxPoolConfig;
import java.math.BigInteger;
import java.util.function.LongSupplier;

/** Real nodes on loopback for tests: the dev chain, a free port, in memory or in a given store. */
public final class TestNodes {
  private static final List<PrivateKey> DEV_KEYS =
      DevChain.accounts(DevChain.ACCOUNTS_DEFAULT).stream().map(DevChain.DevAccount::key).toList();

  public static final ApiServerConfig LOCAL_API = ApiServerConfig.defaults().withAddress("127.0.0.1", 0);

  private TestNodes() {}

  public static LuxtensorNode devNode() {
    return devNode(StorageConfig.memory(), new ChainService.Sealing.Instant(), TxPoolConfig.DEFAULT);
  }

  public static LuxtensorNode devNode(StorageConfig storage, ChainService.Sealing sealing, TxPoolConfig pool) {
    return devNode(storage, sealing, pool, 0);
  }

  /** A dev node whose slots last {@code blockTimeMillis} (0: a millisecond, for instant sealing). */
  public static LuxtensorNode devNode(StorageConfig storage, ChainService.Sealing sealing, TxPoolConfig pool,
      long blockTimeMillis) {
    return start(storage, sealing, LOCAL_API, pool, blockTimeMillis, System::currentTimeMillis);
  }

  /** A dev node on {@code storage} whose blocks take their 1 ms slots from {@code clockMillis}. */
  public static LuxtensorNode devNode(StorageConfig storage, ChainService.Sealing sealing, LongSupplier clockMillis) {
    return start(storage, sealing, LOCAL_API, TxPoolConfig.DEFAULT, 0, clockMillis);
  }

  /**
   * A dev node with the given JSON-RPC limits and clock: filters expire by it, and blocks take their slots from it
   * (with 1 ms slots, advancing it only moves the next block's slot forward).
   */
  public static LuxtensorNode devNode(ChainService.Sealing sealing, JsonRpcLimits limits, LongSupplier clockMillis) {
    return start(StorageConfig.memory(), sealing, LOCAL_API.withRpcLimits(limits), TxPoolConfig.DEFAULT, 0,
        clockMillis);
  }

  /** An instant-sealing dev node in memory whose API has {@code safety}, on the clock {@code clockMillis}. */
  public static LuxtensorNode devNode(ApiSafety safety, LongSupplier clockMillis) {
    return start(StorageConfig.memory(), new ChainService.Sealing.Instant(), LOCAL_API.withSafety(safety),
        TxPoolConfig.DEFAULT, 0, clockMillis);
  }

  /** An instant-sealing dev node in memory with this API configuration (e.g. endpoints on their own listeners). */
  public static LuxtensorNode devNode(ApiServerConfig api) {
    return start(StorageConfig.memory(), new ChainService.Sealing.Instant(), api, TxPoolConfig.DEFAULT, 0,
        System::currentTimeMillis);
  }

  private static LuxtensorNode start(StorageConfig storage, ChainService.Sealing sealing, ApiServerConfig api,
      TxPoolConfig pool, long blockTimeMillis, LongSupplier clockMillis) {
    return LuxtensorNode.start(new LuxtensorNode.Options(storage,
        DevChain.genesis(new DevChain.Settings(DevChain.CHAIN_ID, DevChain.ACCOUNTS_DEFAULT, DevChain.BALANCE_DEFAULT,
            blockTimeMillis, clockMillis.getAsLong() / 1000)),
        false, List.of(DevChain.validatorKeys()), sealing, api, pool, false, "test", DEV_KEYS, Optional.empty()),
        clockMillis);
  }

  /** A pool that refuses tips below 1 wei, so "transaction underpriced" can be provoked. */
  public static TxPoolConfig poolWithMinTip(long wei) {
    TxPoolConfig d = TxPoolConfig.DEFAULT;
    return new TxPoolConfig(d.poolTransactionsMax(), d.senderTransactionsMax(), d.transactionSizeBytesMax(),
        d.poolSizeBytesMax(), BigInteger.valueOf(wei));
  }
}
