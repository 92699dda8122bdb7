package io.luxtensor.testing;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.chain.BlockImporter;
import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.execution.BlockExecutor;
import io.luxtensor.execution.TransactionProcessor;
import io.luxtensor.execution.system.SystemContracts;
import io.luxtensor.node.ChainInitializer;
import io.luxtensor.node.ChainService;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.storage.KeyValueStore;
import io.luxtensor.storage.KeyValueStores;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.types.Address;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Chain services on the dev chain with a fixed genesis, in memory, without an API: a validator that seals on demand
 * and followers that import its blocks. Blocks take 1 ms slots from the real clock, which only orders them.
 */
public final class TestChains {
  /** A fixed genesis time, so every chain built here is the same chain. */
  public static final GenesisSpec GENESIS = DevChain.genesis(new DevChain.Settings(DevChain.CHAIN_ID,
      DevChain.ACCOUNTS_DEFAULT, DevChain.BALANCE_DEFAULT, 0, 1_700_000_000L));
  /** The funded dev accounts' keys, derived once: each derivation from the mnemonic costs milliseconds. */
  private static final List<PrivateKey> DEV_KEYS = DevChain.accounts(DevChain.ACCOUNTS_DEFAULT).stream()
      .map(DevChain.DevAccount::key).toList();
  public static final Address RECIPIENT = Address.fromHex("0x000000000000000000000000000000000000bEEF");

  private TestChains() {}

  /** The dev validator's chain service, sealing only when asked. */
  public static ChainService validator(KeyValueStore store) {
    return validator(store, GENESIS, TxPoolConfig.DEFAULT);
  }

  /** The dev validator's chain service on another dev genesis (e.g. with more funded accounts) and pool. */
  public static ChainService validator(KeyValueStore store, GenesisSpec genesis, TxPoolConfig pool) {
    return service(store, genesis, Optional.of(DevChain.validatorKeys()), pool);
  }

  /** A chain service without a validator key: it only imports. */
  public static ChainService follower(KeyValueStore store) {
    return follower(store, GENESIS);
  }

  public static ChainService follower(KeyValueStore store, GenesisSpec genesis) {
    return service(store, genesis, Optional.empty(), TxPoolConfig.DEFAULT);
  }

  public static KeyValueStore memoryStore() {
    return KeyValueStores.open(StorageConfig.memory());
  }

  private static ChainService service(KeyValueStore store, GenesisSpec spec, Optional<ValidatorKeys> keys,
      TxPoolConfig pool) {
    ChainDatabase database = new ChainDatabase(store);
    GenesisSpec genesis = ChainInitializer.initialize(database, spec, true);
    return new ChainService(genesis.parameters(), new ValidatorSet(genesis.validators()), database,
        new BlockExecutor(new TransactionProcessor(SystemContracts.standard())), keys.stream().toList(), pool,
        new ChainService.Sealing.Manual(), StorageConfig.ARCHIVE, System::currentTimeMillis);
  }

  /** A transfer of {@code wei} to {@link #RECIPIENT} from dev account {@code account} with {@code nonce}. */
  public static Transaction transfer(int account, long nonce, long wei) {
    return new DynamicFeeTransaction(DevChain.CHAIN_ID, nonce, BigInteger.ONE, BigInteger.valueOf(10_000_000_000L),
        21_000, Optional.of(RECIPIENT), Wei.of(wei), Bytes.EMPTY, List.of(), null)
        .sign(DEV_KEYS.get(account));
  }

  /** Submits the transactions to {@code validator}, then seals one block holding them. */
  public static StoredBlock seal(ChainService validator, List<Transaction> transactions) {
    try {
      for (Transaction tx : transactions) {
        validator.submit(RecoveredTransaction.recover(tx)).get();
      }
      StoredBlock sealed = validator.seal().get();
      // Sealed faster than a block a millisecond, the slots run ahead of the clock, and importers refuse a block
      // more than BlockImporter.CLOCK_DISPARITY_MILLIS_MAX ahead: the chain is kept within a tenth of that.
      long slotStart = GENESIS.parameters().slotStartMillis(sealed.block().header().slot());
      while (slotStart - System.currentTimeMillis() > BlockImporter.CLOCK_DISPARITY_MILLIS_MAX / 10) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
      return sealed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("sealing failed", e.getCause());
    }
  }
}
