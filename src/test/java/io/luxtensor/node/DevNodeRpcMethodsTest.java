package io.luxtensor.node;

import static io.luxtensor.testing.DevNodeClient.CHAIN_INFO;
import static io.luxtensor.testing.DevNodeClient.PINGED_TOPIC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.api.filter.FilterRegistry;
import io.luxtensor.api.jsonrpc.JsonRpcLimits;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.DevNodeClient;
import io.luxtensor.testing.IndependentProofVerifier;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.trie.SecureTrie;
import io.luxtensor.txpool.TxPoolConfig;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.admin.Admin;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthGetProof;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.utils.Numeric;

/**
 * The methods beyond the basics (issue 4 item 3), through web3j against an in-process dev node: block and
 * transaction lookups, logs, proofs, access lists, filters, the pool, web3 and net.
 */
class DevNodeRpcMethodsTest {
  private static final String NOWHERE = "0x" + "00".repeat(31) + "ff";
  private static final String BEEF = "0x000000000000000000000000000000000000beef";

  @Test
  void web3AndNetAnswer() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode(); DevNodeClient client = new DevNodeClient(node)) {
      Web3j web3 = client.web3();
      String helloWorld = "0x68656c6c6f20776f726c64";
      assertEquals(Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(helloWorld))),
          web3.web3Sha3(helloWorld).send().getResult(), "Keccak-256, as web3j computes it");
      assertEquals("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
          web3.web3Sha3("0x").send().getResult(), "Keccak-256 of nothing");
      assertFalse(web3.netListening().send().isListening(), "a dev node runs without p2p, so it accepts no peers");
      assertEquals(BigInteger.ZERO, web3.netPeerCount().send().getQuantity());
    }
  }

  @Test
  void blocksAndTransactionsByNumberHashAndIndex() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode(); DevNodeClient client = new DevNodeClient(node)) {
      Web3j web3 = client.web3();
      StoredBlock block = client.sendAndAwaitInclusion(client.signedPing(0, 0, (byte) 1));
      String hash = block.block().hash().toHex();
      DefaultBlockParameter number = DefaultBlockParameter.valueOf(BigInteger.valueOf(block.block().header().number()));
      String txHash = block.block().transactions().get(0).hash().toHex();

      assertEquals(BigInteger.ONE, web3.ethGetBlockTransactionCountByNumber(number).send().getTransactionCount());
      assertEquals(BigInteger.ONE, web3.ethGetBlockTransactionCountByHash(hash).send().getTransactionCount());
      assertEquals(BigInteger.ZERO, web3.ethGetBlockTransactionCountByNumber(DefaultBlockParameterName.EARLIEST).send()
          .getTransactionCount(), "the genesis block holds none");
      assertNull(web3.ethGetBlockTransactionCountByHash(NOWHERE).send().getResult());
      assertNull(web3.ethGetBlockTransactionCountByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(999)))
          .send().getResult());

      assertEquals(BigInteger.ZERO, web3.ethGetUncleCountByBlockNumber(number).send().getUncleCount());
      assertEquals(BigInteger.ZERO, web3.ethGetUncleCountByBlockHash(hash).send().getUncleCount());
      assertNull(web3.ethGetUncleCountByBlockHash(NOWHERE).send().getResult());
      assertNull(web3.ethGetUncleCountByBlockNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(999))).send()
          .getResult());

      var byNumber = web3.ethGetTransactionByBlockNumberAndIndex(number, BigInteger.ZERO).send().getTransaction()
          .orElseThrow();
      var byHash = web3.ethGetTransactionByBlockHashAndIndex(hash, BigInteger.ZERO).send().getTransaction()
          .orElseThrow();
      assertEquals(txHash, byNumber.getHash());
      assertEquals(txHash, byHash.getHash());
      assertEquals(client.account(0).getAddress(), byHash.getFrom());
      assertEquals(hash, byHash.getBlockHash());
      assertFalse(web3.ethGetTransactionByBlockHashAndIndex(hash, BigInteger.ONE).send().getTransaction().isPresent(),
          "past the last index");

      List<TransactionReceipt> receipts = web3.ethGetBlockReceipts(number).send().getBlockReceipts().orElseThrow();
      assertEquals(1, receipts.size());
      TransactionReceipt receipt = receipts.get(0);
      assertEquals(txHash, receipt.getTransactionHash());
      assertTrue(receipt.isStatusOK());
      assertEquals(1, receipt.getLogs().size());
      assertEquals(PINGED_TOPIC, receipt.getLogs().get(0).getTopics().get(0));
      assertEquals(web3.ethGetTransactionReceipt(txHash).send().getTransactionReceipt().orElseThrow().getGasUsed(),
          receipt.getGasUsed(), "the same receipt eth_getTransactionReceipt gives");
      assertFalse(web3.ethGetBlockReceipts(DefaultBlockParameter.valueOf(BigInteger.valueOf(999))).send()
          .getBlockReceipts().isPresent());
    }
  }

  @Test
  void logsByBlockHashRangeAddressAndTopics() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode(); DevNodeClient client = new DevNodeClient(node)) {
      Web3j web3 = client.web3();
      StoredBlock first = client.sendAndAwaitInclusion(client.signedPing(0, 0, (byte) 1));
      client.sendAndAwaitInclusion(client.signedTransfer(2, 0, BEEF, BigInteger.ONE));
      StoredBlock second = client.sendAndAwaitInclusion(client.signedPing(1, 0, (byte) 2));
      String alice = topicOf(client.account(0).getAddress());
      String bob = topicOf(client.account(1).getAddress());
      DefaultBlockParameter genesis = DefaultBlockParameterName.EARLIEST;
      DefaultBlockParameter latest = DefaultBlockParameterName.LATEST;

      List<Log> all = logs(web3, new EthFilter(genesis, latest, CHAIN_INFO));
      assertEquals(2, all.size());
      assertEquals(first.block().hash().toHex(), all.get(0).getBlockHash());
      assertEquals(second.block().hash().toHex(), all.get(1).getBlockHash());
      assertEquals(List.of(PINGED_TOPIC, alice), all.get(0).getTopics());
      assertTrue(all.get(0).getData().endsWith("01" + "0".repeat(63) + "1"), "note 1, count 1: " + all.get(0).getData());
      assertEquals(BigInteger.ZERO, all.get(0).getLogIndex());

      assertEquals(1, logs(web3, new EthFilter(first.block().hash().toHex())).size(), "by block hash");
      assertEquals(0, logs(web3, new EthFilter(genesis, latest, List.of(BEEF))).size(), "other address");
      assertEquals(2, logs(web3, new EthFilter(genesis, latest, List.of(BEEF, CHAIN_INFO))).size(), "any address");
      assertEquals(List.of(second.block().hash().toHex()), blockHashes(logs(web3,
          new EthFilter(genesis, latest, CHAIN_INFO).addNullTopic().addSingleTopic(bob))), "null is a wildcard");
      assertEquals(2, logs(web3, new EthFilter(genesis, latest, CHAIN_INFO).addSingleTopic(PINGED_TOPIC)
          .addOptionalTopics(alice, bob)).size(), "alternatives are OR");
      assertEquals(0, logs(web3, new EthFilter(genesis, latest, CHAIN_INFO).addSingleTopic(alice)).size(),
          "topic positions matter");
      assertEquals(0, logs(web3, new EthFilter(genesis, latest, CHAIN_INFO).addSingleTopic(PINGED_TOPIC)
          .addSingleTopic(alice).addNullTopic()).size(), "more positions than the log has topics");
      DefaultBlockParameter secondNumber = DefaultBlockParameter.valueOf(
          BigInteger.valueOf(second.block().header().number()));
      assertEquals(1, logs(web3, new EthFilter(secondNumber, secondNumber, CHAIN_INFO)).size(), "one block's range");
    }
  }

  @Test
  void proofsVerifyAgainstTheBlockStateRootWithAnIndependentVerifier() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode(); DevNodeClient client = new DevNodeClient(node)) {
      Web3j web3 = client.web3();
      StoredBlock block = client.sendAndAwaitInclusion(client.signedPing(0, 0, (byte) 1));
      client.sendAndAwaitInclusion(client.signedPing(0, 1, (byte) 2));
      byte[] stateRoot = block.block().header().stateRoot().toBytes();
      String atBlock = Numeric.toHexStringWithPrefix(BigInteger.valueOf(block.block().header().number()));
      String slotZero = "0x" + "00".repeat(32);

      EthGetProof.Proof contract = web3.ethGetProof(CHAIN_INFO, List.of(slotZero, "0x1"), atBlock).send().getProof();
      List<Object> account = accountFromProof(stateRoot, CHAIN_INFO, contract.getAccountProof());
      assertEquals(Numeric.decodeQuantity(contract.getNonce()), account.get(0));
      assertEquals(contract.getBalance(), account.get(1));
      assertEquals(contract.getStorageHash(), Numeric.toHexString((byte[]) account.get(2)));
      assertEquals(contract.getCodeHash(), Numeric.toHexString((byte[]) account.get(3)));
      byte[] storageRoot = Numeric.hexStringToByteArray(contract.getStorageHash());

      EthGetProof.StorageProof pingCount = contract.getStorageProof().get(0);
      assertEquals(slotZero, pingCount.getKey());
      assertEquals("0x1", pingCount.getValue(), "one ping at that block; the second came after");
      byte[] proven = IndependentProofVerifier.verify(storageRoot, new byte[32], pingCount.getProof()).orElseThrow();
      assertEquals(BigInteger.ONE, ((RlpString) RlpDecoder.decode(proven).getValues().get(0)).asPositiveBigInteger());
      assertArrayEquals(proven, SecureTrie.verifyProof(storageRoot, new byte[32], bytes(pingCount.getProof()))
          .orElseThrow(), "our trie's verifier agrees");

      EthGetProof.StorageProof unset = contract.getStorageProof().get(1);
      assertEquals("0x0", unset.getValue());
      byte[] slotOne = new byte[32];
      slotOne[31] = 1;
      assertTrue(IndependentProofVerifier.verify(storageRoot, slotOne, unset.getProof()).isEmpty(), "absent slot");

      EthGetProof.Proof alice = web3.ethGetProof(client.account(0).getAddress(), List.of(), "latest").send().getProof();
      List<Object> aliceAccount = accountFromProof(node.chain().head().latest().stateRoot().toBytes(),
          client.account(0).getAddress(), alice.getAccountProof());
      assertEquals(BigInteger.TWO, aliceAccount.get(0), "two pings sent");
      assertEquals(web3.ethGetBalance(client.account(0).getAddress(), DefaultBlockParameterName.LATEST).send()
          .getBalance(), aliceAccount.get(1));
      assertEquals(BigInteger.TWO, Numeric.decodeQuantity(alice.getNonce()));

      EthGetProof.Proof nobody = web3.ethGetProof(BEEF, List.of(slotZero), "latest").send().getProof();
      assertTrue(IndependentProofVerifier.verify(node.chain().head().latest().stateRoot().toBytes(),
          Numeric.hexStringToByteArray(BEEF), nobody.getAccountProof()).isEmpty(), "an absent account");
      assertEquals(BigInteger.ZERO, nobody.getBalance());
      assertEquals(List.of(), nobody.getStorageProof().get(0).getProof(), "the empty storage trie needs no nodes");
    }
  }

  @Test
  void anAccessListNamesThePingCounterAndItsGasIsWhatTheTransactionUses() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode(); DevNodeClient client = new DevNodeClient(node)) {
      String alice = client.account(0).getAddress();
      Map<?, ?> ping = result(client.call("eth_createAccessList", List.of(
          Map.of("from", alice, "to", CHAIN_INFO, "data", DevNodeClient.pingData((byte) 1)), "latest")));
      List<?> accessList = (List<?>) ping.get("accessList");
      assertEquals(List.of(Map.of("address", CHAIN_INFO, "storageKeys", List.of("0x" + "00".repeat(32)))), accessList);
      assertFalse(ping.containsKey("error"));
      BigInteger gasUsed = Numeric.decodeQuantity((String) ping.get("gasUsed"));

      List<AccessListObject> list = List.of(new AccessListObject(CHAIN_INFO, List.of("0x" + "00".repeat(32))));
      StoredBlock block = client.sendAndAwaitInclusion(client.signedPing(0, 0, (byte) 1, gasUsed, list));
      TransactionReceipt receipt = client.web3().ethGetTransactionReceipt(
          block.block().transactions().get(0).hash().toHex()).send().getTransactionReceipt().orElseThrow();
      assertTrue(receipt.isStatusOK(), "gasUsed is enough as a gas limit");
      assertEquals(gasUsed, receipt.getGasUsed(), "and exactly what the transaction with the list uses");

      Map<?, ?> transfer = result(client.call("eth_createAccessList", List.of(
          Map.of("from", alice, "to", BEEF, "value", "0x1"), "latest")));
      assertEquals(Map.of("accessList", List.of(), "gasUsed", "0x5208"), transfer);

      Map<?, ?> reverted = result(client.call("eth_createAccessList", List.of(
          Map.of("from", alice, "to", CHAIN_INFO, "data", "0x12345678"), "latest")));
      assertTrue(((String) reverted.get("error")).startsWith("execution reverted"), reverted.toString());
    }
  }

  @Test
  void filtersSeeNewBlocksLogsAndPendingTransactionsUntilUninstalled() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode(); DevNodeClient client = new DevNodeClient(node)) {
      Web3j web3 = client.web3();
      BigInteger blocks = web3.ethNewBlockFilter().send().getFilterId();
      BigInteger pings = web3.ethNewFilter(new EthFilter(DefaultBlockParameterName.EARLIEST,
          DefaultBlockParameterName.LATEST, CHAIN_INFO).addSingleTopic(PINGED_TOPIC)).send().getFilterId();
      BigInteger pending = web3.ethNewPendingTransactionFilter().send().getFilterId();
      assertEquals(List.of(), web3.ethGetFilterChanges(blocks).send().getLogs(), "nothing happened yet");

      StoredBlock block = client.sendAndAwaitInclusion(client.signedPing(0, 0, (byte) 7));
      String txHash = block.block().transactions().get(0).hash().toHex();

      assertEquals(List.of(block.block().hash().toHex()), hashes(web3.ethGetFilterChanges(blocks).send()));
      assertEquals(List.of(txHash), hashes(web3.ethGetFilterChanges(pending).send()));
      List<Log> logs = logObjects(web3.ethGetFilterChanges(pings).send());
      assertEquals(1, logs.size());
      assertEquals(txHash, logs.get(0).getTransactionHash());
      assertEquals(List.of(), web3.ethGetFilterChanges(pings).send().getLogs(), "each change is reported once");
      assertEquals(1, logObjects(web3.ethGetFilterLogs(pings).send()).size(), "but the filter's logs stay");

      client.sendAndAwaitInclusion(client.signedTransfer(0, 1, BEEF, BigInteger.ONE));
      assertEquals(1, hashes(web3.ethGetFilterChanges(blocks).send()).size(), "a block without pings");
      assertEquals(List.of(), web3.ethGetFilterChanges(pings).send().getLogs(), "has no logs for the log filter");

      assertTrue(web3.ethUninstallFilter(blocks).send().isUninstalled());
      assertFalse(web3.ethUninstallFilter(blocks).send().isUninstalled(), "already gone");
      var afterUninstall = web3.ethGetFilterChanges(blocks).send();
      assertEquals(-32000, afterUninstall.getError().getCode());
      assertEquals("filter not found", afterUninstall.getError().getMessage());
      assertEquals("filter not found", web3.ethGetFilterLogs(pending).send().getError().getMessage(),
          "eth_getFilterLogs is for log filters only");
    }
  }

  @Test
  void aFilterIdleForFiveMinutesByTheInjectedClockIsNotFound() throws Exception {
    AtomicLong clock = new AtomicLong(System.currentTimeMillis());
    try (LuxtensorNode node = TestNodes.devNode(new ChainService.Sealing.Instant(), JsonRpcLimits.DEFAULTS, clock::get);
        DevNodeClient client = new DevNodeClient(node)) {
      Web3j web3 = client.web3();
      BigInteger polled = web3.ethNewBlockFilter().send().getFilterId();
      BigInteger idle = web3.ethNewBlockFilter().send().getFilterId();

      clock.addAndGet(FilterRegistry.FILTER_IDLE_MS_MAX);
      assertFalse(web3.ethGetFilterChanges(polled).send().hasError(), "still alive at the limit");
      clock.addAndGet(1);
      var expired = web3.ethGetFilterChanges(idle).send();
      assertEquals(-32000, expired.getError().getCode());
      assertEquals("filter not found", expired.getError().getMessage());
      assertFalse(web3.ethGetFilterChanges(polled).send().hasError(), "the poll restarted its idle clock");
    }
  }

  @Test
  void thePoolIsShownInGethsShapes() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode(StorageConfig.memory(), new ChainService.Sealing.Manual(),
        TxPoolConfig.DEFAULT); DevNodeClient client = new DevNodeClient(node)) {
      Web3j web3 = client.web3();
      BigInteger pendingFilter = web3.ethNewPendingTransactionFilter().send().getFilterId();
      String executable = client.send(client.signedPing(0, 0, (byte) 1));
      String gapped = client.send(client.signedTransfer(0, 2, BEEF, BigInteger.TEN));
      String alice = client.account(0).getAddress();

      var status = web3.txPoolStatus().send();
      assertEquals(1, status.getPending());
      assertEquals(1, status.getQueued());

      var content = Admin.build(new HttpService("http://127.0.0.1:" + node.rpcPort())).txPoolContent().send()
          .getResult();
      assertEquals(executable, content.getPending().get(alice).get(BigInteger.ZERO).getHash(), "by sender, nonce");
      assertEquals(gapped, content.getQueued().get(alice).get(BigInteger.TWO).getHash());
      assertEquals(1, content.getPendingTransactions().size());
      assertNull(content.getPending().get(alice).get(BigInteger.ZERO).getBlockHash(), "not in a block yet");

      Map<?, ?> inspect = result(client.call("txpool_inspect", List.of()));
      String gasPrice = web3.ethGetTransactionByHash(gapped).send().getTransaction().orElseThrow().getGasPrice()
          .toString();
      assertEquals(Map.of(alice, Map.of("2", "0x000000000000000000000000000000000000bEEF: 10 wei + 21000 gas × "
          + gasPrice + " wei")), inspect.get("queued"));
      assertEquals(Map.of(alice, Map.of("0", "0x0000000000000000000000000000000000001000: 0 wei + 100000 gas × "
          + gasPrice + " wei")), inspect.get("pending"));

      assertEquals(List.of(executable, gapped), hashes(web3.ethGetFilterChanges(pendingFilter).send()),
          "the pending filter saw both, queued included");
      node.chain().seal().join();
      assertEquals(0, web3.txPoolStatus().send().getPending(), "sealed");
    }
  }

  private static Map<?, ?> result(Response<Object> response) {
    assertFalse(response.hasError(), () -> response.getError().getMessage());
    return (Map<?, ?>) response.getResult();
  }

  private static List<Log> logs(Web3j web3, EthFilter filter) throws Exception {
    return logObjects(web3.ethGetLogs(filter).send());
  }

  private static List<Log> logObjects(EthLog response) {
    assertFalse(response.hasError(), () -> response.getError().getMessage());
    return response.getLogs().stream().map(r -> (Log) ((EthLog.LogObject) r).get()).toList();
  }

  private static List<String> hashes(EthLog response) {
    assertFalse(response.hasError(), () -> response.getError().getMessage());
    return response.getLogs().stream().map(r -> ((EthLog.Hash) r).get()).toList();
  }

  private static List<String> blockHashes(List<Log> logs) {
    return logs.stream().map(Log::getBlockHash).toList();
  }

  private static String topicOf(String address) {
    return "0x" + "0".repeat(24) + address.substring(2);
  }

  private static List<byte[]> bytes(List<String> hex) {
    return hex.stream().map(Numeric::hexStringToByteArray).toList();
  }

  /** The account RLP [nonce, balance, storageRoot, codeHash] the proof shows under the root, checked two ways. */
  private static List<Object> accountFromProof(byte[] stateRoot, String address, List<String> proof) {
    byte[] key = Numeric.hexStringToByteArray(address);
    byte[] encoded = IndependentProofVerifier.verify(stateRoot, key, proof).orElseThrow();
    assertArrayEquals(encoded, SecureTrie.verifyProof(stateRoot, key, bytes(proof)).orElseThrow(),
        "our trie's verifier agrees");
    RlpList fields = (RlpList) RlpDecoder.decode(encoded).getValues().get(0);
    RlpString nonce = (RlpString) fields.getValues().get(0);
    RlpString balance = (RlpString) fields.getValues().get(1);
    return List.of(nonce.asPositiveBigInteger(), balance.asPositiveBigInteger(),
        ((RlpString) fields.getValues().get(2)).getBytes(), ((RlpString) fields.getValues().get(3)).getBytes());
  }
}
