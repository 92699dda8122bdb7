package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.p2p.NetworkConfig;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.sync.SyncMode;
import io.luxtensor.testing.ApiCalls;
import io.luxtensor.testing.Await;
import io.luxtensor.testing.PrometheusText;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.testing.TransferBlocks;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthGetBalance;
import org.web3j.protocol.http.HttpService;

/**
 * A node started with {@code --sync-mode snap} on a chain of 100,000 accounts: it proves the checkpoint final, fetches
 * the checkpoint's state instead of replaying the blocks, follows the head from there, and answers eth_getBalance
 * for every account as the validator that built the chain does.
 */
class SnapSyncTest {
  private static final int ACCOUNTS = 100_000;
  private static final int TRANSFERS_PER_BLOCK = 1_000;
  private static final int SENDERS = 100;
  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private static final GenesisSpec GENESIS = DevChain.genesis(new DevChain.Settings(DevChain.CHAIN_ID, SENDERS,
      DevChain.BALANCE_DEFAULT, 0, 1_700_000_000L));

  @TempDir
  Path directory;

  @Test
  void aSnapNodeEndsOnTheSameStateAndAnswersBalancesLikeTheValidator() throws Exception {
    List<Address> accounts = new ArrayList<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      accounts.add(Address.wrap(Arrays.copyOfRange(Hash.keccak(BigInteger.valueOf(i).toByteArray()).toBytes(), 12, 32)));
    }
    try (LuxtensorNode validator = start("validator", Optional.of(DevChain.validatorKeys()), SyncMode.FULL)) {
      TransferBlocks blocks = new TransferBlocks(validator.chain(),
          DevChain.accounts(SENDERS).stream().map(DevChain.DevAccount::key).toList());
      for (int from = 0; from < ACCOUNTS; from += TRANSFERS_PER_BLOCK) {
        blocks.seal(accounts.subList(from, from + TRANSFERS_PER_BLOCK));
      }
      for (int i = 0; i < 3; i++) {
        blocks.seal(List.of());
      }
      BlockHeader head = validator.chain().head().latest();
      long finalized = validator.chain().head().finalized().number();
      assertTrue(finalized >= ACCOUNTS / TRANSFERS_PER_BLOCK,
          "the blocks that fund the accounts are final");

      try (LuxtensorNode snap = start("snap", Optional.empty(), SyncMode.SNAP)) {
        ApiCalls api = new ApiCalls(snap.rpcPort());
        JsonNode waiting = api.rpc("eth_syncing", "[]").json().path("result");
        assertEquals("0x0", waiting.path("currentBlock").asText(),
            "a node waiting for state sync is syncing from genesis, not 'false': " + waiting);
        snap.network().orElseThrow().addPeer(validator.network().orElseThrow().address());
        Await.until("the snap node reaches the validator's head", DEADLINE,
            () -> snap.chain().head().latest().equals(head),
            () -> "at block " + snap.chain().head().latest().number() + " of " + head.number());
        assertEquals(head.stateRoot(), snap.chain().head().latest().stateRoot());
        long imported = snap.network().orElseThrow().syncCounters().blocksImported();
        assertTrue(imported <= head.number() - finalized + 1,
            imported + " blocks imported: the snap node replays only the blocks after its checkpoint");
        assertEquals(balances(validator, accounts), balances(snap, accounts));
        assertEquals(BooleanNode.FALSE, api.rpc("eth_syncing", "[]").json().path("result"));
        PrometheusText scrape = PrometheusText.parse(api.get("/metrics").body());
        assertEquals(0, scrape.require("luxtensor_state_sync_active"));
        assertTrue(scrape.require("luxtensor_state_sync_accounts") >= ACCOUNTS, "accounts came by state sync");
        assertTrue(scrape.require("luxtensor_state_sync_checkpoint") >= finalized - 1);
        assertEquals(0, scrape.require("luxtensor_state_sync_pending_trie_nodes"));
        long checkpoint = (long) scrape.require("luxtensor_state_sync_checkpoint");
        String account = "\"" + accounts.getFirst().toHex() + "\"";
        JsonNode beforeCheckpoint = api.rpc("eth_getBalance",
            "[" + account + ",\"0x" + Long.toHexString(checkpoint - 60) + "\"]").json().path("error");
        assertEquals(-32000, beforeCheckpoint.path("code").asInt(), beforeCheckpoint.toString());
        assertTrue(beforeCheckpoint.path("message").asText().startsWith("state not available: missing trie node"),
            "a block whose header the snap node has but whose state it never fetched: " + beforeCheckpoint);
        // The backfill fetches the blocks before the checkpoint meanwhile: block 1 is not stored yet, or stored
        // without its state; either way the node says so rather than answer a balance.
        JsonNode early = api.rpc("eth_getBalance", "[" + account + ",\"0x1\"]").json().path("error");
        String earlyMessage = early.path("message").asText();
        assertTrue(earlyMessage.equals("header not found")
            || earlyMessage.startsWith("state not available: missing trie node"), "block 1: " + early);
      }
    }
  }

  /** Every account's balance at the head, asked over JSON-RPC in batches as a dApp's client would. */
  private static List<BigInteger> balances(LuxtensorNode node, List<Address> accounts) throws Exception {
    Web3j web3 = Web3j.build(new HttpService("http://127.0.0.1:" + node.rpcPort()));
    try {
      List<BigInteger> balances = new ArrayList<>();
      for (int from = 0; from < accounts.size(); from += 1_000) {
        var batch = web3.newBatch();
        for (Address account : accounts.subList(from, Math.min(accounts.size(), from + 1_000))) {
          batch.add(web3.ethGetBalance(account.toHex(), DefaultBlockParameterName.LATEST));
        }
        BatchResponse response = batch.send();
        for (Response<?> reply : response.getResponses()) {
          if (reply.hasError()) {
            throw new AssertionError("eth_getBalance failed: " + reply.getError().getMessage());
          }
          balances.add(((EthGetBalance) reply).getBalance());
        }
      }
      return balances;
    } finally {
      web3.shutdown();
    }
  }

  private LuxtensorNode start(String name, Optional<ValidatorKeys> keys, SyncMode mode) {
    Path datadir = directory.resolve(name);
    NetworkConfig network = NetworkConfig.defaults("127.0.0.1", 0, List.of()).withSyncMode(mode);
    return LuxtensorNode.start(new LuxtensorNode.Options(StorageConfig.memory(), GENESIS, false, keys.stream().toList(),
        new ChainService.Sealing.Manual(), TestNodes.LOCAL_API, TxPoolConfig.DEFAULT, false, "test", List.of(),
        Optional.of(P2pSettings.inDatadir(datadir, network))), System::currentTimeMillis);
  }
}
