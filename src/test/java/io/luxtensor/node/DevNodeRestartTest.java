package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.storage.StorageEngine;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.types.Address;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.Hash;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A persistent dev node (RocksDB) stopped and started again keeps its head, balances and receipts. */
class DevNodeRestartTest {
  private static final Address RECIPIENT = Address.fromHex("0x000000000000000000000000000000000000bEEF");

  @TempDir
  Path datadir;

  @Test
  void headBalancesAndReceiptsSurviveARestart() throws Exception {
    StorageConfig storage = StorageConfig.persistent(StorageEngine.ROCKSDB, datadir.resolve("db"));
    PrivateKey alice = DevChain.accounts(1).get(0).key();
    Transaction tx = new DynamicFeeTransaction(DevChain.CHAIN_ID, 0, BigInteger.ONE, BigInteger.valueOf(10_000_000_000L),
        21_000, Optional.of(RECIPIENT), Wei.ofLux("2.5"), Bytes.EMPTY, List.of(), null).sign(alice);

    Hash head;
    Hash genesis;
    try (LuxtensorNode node = TestNodes.devNode(storage, new ChainService.Sealing.Manual(), TxPoolConfig.DEFAULT)) {
      node.chain().submit(RecoveredTransaction.recover(tx)).get();
      StoredBlock block = node.chain().seal().get();
      assertEquals(1, block.block().transactions().size());
      head = block.block().hash();
      genesis = node.database().genesisHash().orElseThrow();
    }
    try (LuxtensorNode node = TestNodes.devNode(storage, new ChainService.Sealing.Manual(), TxPoolConfig.DEFAULT)) {
      assertEquals(genesis, node.database().genesisHash().orElseThrow(), "the stored chain is reopened");
      assertEquals(head, node.chain().head().latest().hash());
      var state = new NodeQueries(DevChain.CHAIN_ID, node.database(), node.chain()).state(node.chain().head().latest());
      assertEquals(Wei.ofLux("2.5"), state.account(RECIPIENT).balance());
      assertEquals(1, state.account(Address.of(alice.publicKey())).nonce());
      var location = node.database().transactionLocation(tx.hash()).orElseThrow();
      assertEquals(head, location.blockHash());
      assertTrue(node.database().receipts(head).orElseThrow().get(0).succeeded());
      StoredBlock next = node.chain().seal().get();
      assertEquals(head, next.block().header().parentHash(), "the chain continues from the stored head");
    }
  }
}
