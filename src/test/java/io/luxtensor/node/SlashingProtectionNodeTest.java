package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.consensus.SlashingProtection;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.storage.Column;
import io.luxtensor.storage.KeyValueStore;
import io.luxtensor.storage.KeyValueStores;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.storage.StorageEngine;
import io.luxtensor.storage.WriteBatch;
import io.luxtensor.testing.DevNodeClient;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.types.Address;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.Response;

/**
 * The validator's slashing protection lives in the node's database, is written in the batch of every block it seals,
 * and after a restart keeps it from signing any slot it already signed.
 */
class SlashingProtectionNodeTest {
  private static final Address VALIDATOR = DevChain.validatorKeys().address();
  /** The record says the validator signed this far ahead of the chain (1 ms slots: 1000 s). */
  private static final long SLOTS_AHEAD = 1_000_000;

  @TempDir
  Path datadir;

  private final AtomicLong clock = new AtomicLong(System.currentTimeMillis());

  @Test
  void everySealedBlockAdvancesTheRecordInTheSameCommit() throws Exception {
    StorageConfig storage = StorageConfig.persistent(StorageEngine.ROCKSDB, datadir.resolve("db"));
    long headSlot;
    try (LuxtensorNode node = TestNodes.devNode(storage, new ChainService.Sealing.Manual(), clock::get)) {
      node.chain().seal().get();
      clock.addAndGet(5);
      StoredBlock second = node.chain().seal().get();
      headSlot = second.block().header().slot();
      SlashingProtection signed = node.database().slashingProtection(VALIDATOR);
      assertEquals(headSlot, signed.lastBlockSlot());
      assertEquals(headSlot, signed.lastVoteTarget());
    }
    try (LuxtensorNode node = TestNodes.devNode(storage, new ChainService.Sealing.Manual(), clock::get)) {
      assertEquals(headSlot, node.database().slashingProtection(VALIDATOR).lastBlockSlot(), "it survives a restart");
    }
  }

  @Test
  void aRestartedNodeRefusesToSignSlotsItsRecordSaysItSigned() throws Exception {
    StorageConfig storage = StorageConfig.persistent(StorageEngine.ROCKSDB, datadir.resolve("db"));
    long headSlot;
    try (LuxtensorNode node = TestNodes.devNode(storage, new ChainService.Sealing.Manual(), clock::get)) {
      headSlot = node.chain().seal().get().block().header().slot();
    }
    // As if the validator had run on, signing far ahead, before its database came back from a backup.
    try (KeyValueStore store = KeyValueStores.open(storage); WriteBatch batch = store.newBatch()) {
      new ChainDatabase(store).writeSlashingProtection(batch, VALIDATOR,
          new SlashingProtection(headSlot + SLOTS_AHEAD, headSlot, headSlot + SLOTS_AHEAD));
      batch.commit();
    }

    try (LuxtensorNode node = TestNodes.devNode(storage, new ChainService.Sealing.Manual(), clock::get);
        DevNodeClient client = new DevNodeClient(node)) {
      ExecutionException refused = assertThrows(ExecutionException.class, () -> node.chain().seal().get());
      SigningRefusedException cause = assertInstanceOf(SigningRefusedException.class, refused.getCause());
      assertEquals(SlashingProtection.Refusal.BLOCK_SLOT_ALREADY_SIGNED, cause.refusal());
      Response<Object> mined = client.call("evm_mine", List.of());
      assertTrue(mined.hasError(), "evm_mine reports the refusal");
      assertEquals(-32000, mined.getError().getCode());
      assertTrue(mined.getError().getMessage().startsWith("slashing protection: validator "),
          mined.getError().getMessage());
      assertEquals(headSlot, node.chain().head().latest().slot(), "nothing was sealed");

      clock.addAndGet(SLOTS_AHEAD + 10);
      StoredBlock sealed = node.chain().seal().get();

      assertTrue(sealed.block().header().slot() > headSlot + SLOTS_AHEAD, "past the record, it signs again");
    }
  }

  @Test
  void aDamagedRecordStopsTheNodeRatherThanSigningBlind() throws Exception {
    StorageConfig storage = StorageConfig.persistent(StorageEngine.ROCKSDB, datadir.resolve("db"));
    try (LuxtensorNode node = TestNodes.devNode(storage, new ChainService.Sealing.Manual(), clock::get)) {
      node.chain().seal().get();
    }
    try (KeyValueStore store = KeyValueStores.open(storage); WriteBatch batch = store.newBatch()) {
      batch.put(Column.CONSENSUS, slashingProtectionKey(), new byte[] {1, 2, 3});
      batch.commit();
    }

    IllegalStateException damaged = assertThrows(IllegalStateException.class,
        () -> TestNodes.devNode(storage, new ChainService.Sealing.Manual(), clock::get).close());

    assertTrue(damaged.getMessage().contains("the database is damaged"), damaged.getMessage());
  }

  @Test
  void aRecordSetWithoutTheKeysHistorySaysSoAfterARestartAndOlderRecordsReadAsKnown() throws Exception {
    StorageConfig storage = StorageConfig.persistent(StorageEngine.ROCKSDB, datadir.resolve("db"));
    SlashingProtection restored = SlashingProtection.withoutHistory(100, 16);
    try (KeyValueStore store = KeyValueStores.open(storage); WriteBatch batch = store.newBatch()) {
      new ChainDatabase(store).writeSlashingProtection(batch, VALIDATOR, restored);
      batch.commit();
    }
    try (KeyValueStore store = KeyValueStores.open(storage)) {
      assertEquals(restored, new ChainDatabase(store).slashingProtection(VALIDATOR));
    }

    // A record as versions before the flag wrote it: three watermarks, 24 bytes.
    try (KeyValueStore store = KeyValueStores.open(storage); WriteBatch batch = store.newBatch()) {
      batch.put(Column.CONSENSUS, slashingProtectionKey(),
          ByteBuffer.allocate(24).putLong(7).putLong(5).putLong(6).array());
      batch.commit();
    }
    try (KeyValueStore store = KeyValueStores.open(storage)) {
      assertEquals(new SlashingProtection(7, 5, 6), new ChainDatabase(store).slashingProtection(VALIDATOR));
    }
  }

  /** The record's key as ChainDatabase documents it: "slashingProtection" || validator address. */
  private static byte[] slashingProtectionKey() {
    byte[] prefix = "slashingProtection".getBytes(StandardCharsets.US_ASCII);
    byte[] key = new byte[prefix.length + Address.LENGTH];
    System.arraycopy(prefix, 0, key, 0, prefix.length);
    System.arraycopy(VALIDATOR.toBytes(), 0, key, prefix.length, Address.LENGTH);
    return key;
  }
}
