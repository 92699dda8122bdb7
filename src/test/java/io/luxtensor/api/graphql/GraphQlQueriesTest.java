package io.luxtensor.api.graphql;

import static io.luxtensor.api.graphql.DevTransactions.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.consensus.Validator;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.system.ChainInfoContract;
import io.luxtensor.node.ChainService.Sealing;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.types.Block;
import io.luxtensor.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every query against a dev node that sealed two blocks (block 1: an EIP-1559 transfer, a legacy transfer and a
 * ChainInfo ping; block 2: one more transfer), each answer checked against the same node's JSON-RPC answer.
 * Blocks are sealed by hand, so the pending test sees its transactions in the pool.
 */
class GraphQlQueriesTest {
  private static final String CHAIN_INFO = ChainInfoContract.ADDRESS.toHex();
  private static final Hash NOTE = Hash.keccak(new byte[] {42});

  private final LuxtensorNode node = TestNodes.devNode(StorageConfig.memory(), new Sealing.Manual(),
      TxPoolConfig.DEFAULT);
  private final GraphQlHttp http = new GraphQlHttp(node.rpcPort());

  @AfterEach
  void stop() {
    node.close();
  }

  /** The hashes of block 1's transactions (dynamic-fee transfer, legacy transfer, ping) and block 2's transfer. */
  private record Sent(String dynamic, String legacy, String ping, String second) {}

  private Sent sealTwoBlocks() throws Exception {
    String dynamic = send(DevTransactions.transfer(0, 0, 1_000));
    String legacy = send(DevTransactions.legacyTransfer(1, 0, 2_000));
    String ping = send(DevTransactions.ping(2, 0, NOTE));
    node.chain().seal().get();
    String second = send(DevTransactions.transfer(0, 1, 3_000));
    node.chain().seal().get();
    return new Sent(dynamic, legacy, ping, second);
  }

  @Test
  void blocksByNumberAndHashAreJsonRpcsBlocks() throws Exception {
    Sent sent = sealTwoBlocks();
    JsonNode rpc = http.rpc("eth_getBlockByNumber", "0x1", false);
    JsonNode block = http.data("""
        { block(number: 1) { number hash parent { hash } nonce transactionsRoot transactionCount stateRoot
            receiptsRoot miner { address } extraData gasLimit gasUsed baseFeePerGas nextBaseFeePerGas timestamp
            logsBloom mixHash difficulty ommerCount ommers { hash } ommerAt(index: 0) { hash } ommerHash
            transactions { hash } transactionAt(index: 2) { hash } rawHeader raw withdrawalsRoot withdrawals { index }
            blobGasUsed excessBlobGas slot vrfProof justified { slot blockHash block { number } }
            finalized { slot blockHash } } }""").get("block");
    for (String[] field : new String[][] {{"number", "number"}, {"hash", "hash"}, {"nonce", "nonce"},
        {"transactionsRoot", "transactionsRoot"}, {"stateRoot", "stateRoot"}, {"receiptsRoot", "receiptsRoot"},
        {"extraData", "extraData"}, {"gasLimit", "gasLimit"}, {"gasUsed", "gasUsed"},
        {"baseFeePerGas", "baseFeePerGas"}, {"timestamp", "timestamp"}, {"logsBloom", "logsBloom"},
        {"mixHash", "mixHash"}, {"difficulty", "difficulty"}, {"ommerHash", "sha3Uncles"}, {"slot", "slot"},
        {"vrfProof", "vrfProof"}}) {
      assertEquals(rpc.get(field[1]).asText(), block.get(field[0]).asText(), field[0]);
    }
    assertEquals(rpc.get("parentHash").asText(), block.get("parent").get("hash").asText());
    assertEquals(rpc.get("miner").asText(), block.get("miner").get("address").asText());
    assertEquals("0x3", block.get("transactionCount").asText());
    assertEquals(texts(rpc.get("transactions")), texts(block.get("transactions"), "hash"), "in block order");
    assertEquals(Set.of(sent.dynamic(), sent.legacy(), sent.ping()),
        Set.copyOf(texts(block.get("transactions"), "hash")));
    assertEquals(rpc.get("transactions").get(2).asText(), block.get("transactionAt").get("hash").asText());
    assertEquals("0x0", block.get("ommerCount").asText());
    assertEquals(0, block.get("ommers").size());
    assertTrue(block.get("ommerAt").isNull());
    assertTrue(block.get("withdrawalsRoot").isNull() && block.get("withdrawals").isNull());
    assertTrue(block.get("blobGasUsed").isNull() && block.get("excessBlobGas").isNull());
    assertEquals(rpc.get("justified").get("blockHash").asText(), block.get("justified").get("blockHash").asText());
    assertEquals(rpc.get("justified").get("slot").asText(), block.get("justified").get("slot").asText());
    assertEquals(rpc.get("finalized").get("blockHash").asText(), block.get("finalized").get("blockHash").asText());
    assertEquals(rpc.get("finalized").get("slot").asText(), block.get("finalized").get("slot").asText());
    Block decoded = Block.decode(Hex.decode(block.get("raw").asText()));
    assertEquals(rpc.get("hash").asText(), decoded.hash().toHex(), "raw is the block's encoding");
    assertEquals(rpc.get("hash").asText(), Hash.keccak(Hex.decode(block.get("rawHeader").asText())).toHex());
    assertEquals(http.rpc("eth_getBlockByNumber", "0x2", false).get("baseFeePerGas").asText(),
        block.get("nextBaseFeePerGas").asText());

    String hash = rpc.get("hash").asText();
    assertEquals("0x1", http.data("{ block(hash: \"" + hash + "\") { number } }").get("block").get("number").asText());
    assertEquals("0x2", http.data("{ block { number } }").get("block").get("number").asText(), "latest by default");
    assertTrue(http.data("{ block(number: 99) { hash } }").get("block").isNull());
    assertTrue(http.data("{ block(hash: \"0x" + "00".repeat(32) + "\") { hash } }").get("block").isNull());
    assertEquals("only one of number or hash must be specified",
        http.query("{ block(number: 1, hash: \"" + hash + "\") { number } }").error());
  }

  @Test
  void blocksReturnsTheCanonicalRangeUpToTheHead() throws Exception {
    sealTwoBlocks();
    List<String> canonical = new ArrayList<>();
    for (String number : List.of("0x0", "0x1", "0x2")) {
      canonical.add(http.rpc("eth_getBlockByNumber", number, false).get("hash").asText());
    }
    assertEquals(canonical, texts(http.data("{ blocks(from: 0) { hash } }").get("blocks"), "hash"));
    assertEquals(canonical.subList(1, 2),
        texts(http.data("{ blocks(from: 1, to: 1) { hash } }").get("blocks"), "hash"));
    assertEquals(canonical.subList(1, 3),
        texts(http.data("{ blocks(from: \"1\", to: \"0x32\") { hash } }").get("blocks"), "hash"),
        "a range past the head stops at the head; Long takes decimal and hex strings");
    assertEquals(0, http.data("{ blocks(from: 2, to: 1) { hash } }").get("blocks").size());
  }

  @Test
  void transactionsAreJsonRpcsTransactionsWithTheirReceipts() throws Exception {
    Sent sent = sealTwoBlocks();
    for (String hash : List.of(sent.dynamic(), sent.legacy(), sent.ping())) {
      JsonNode rpc = http.rpc("eth_getTransactionByHash", hash);
      JsonNode receipt = http.rpc("eth_getTransactionReceipt", hash);
      JsonNode tx = http.data("""
          { transaction(hash: "%s") { hash nonce index from { address } to { address } value gasPrice maxFeePerGas
              maxPriorityFeePerGas maxFeePerBlobGas effectiveTip gas inputData block { hash number } status gasUsed
              cumulativeGasUsed effectiveGasPrice blobGasUsed blobGasPrice createdContract { address }
              logs { index topics data account { address } transaction { hash } }
              r s v yParity type accessList { address storageKeys } raw rawReceipt blobVersionedHashes } }"""
          .formatted(hash)).get("transaction");
      for (String[] field : new String[][] {{"hash", "hash"}, {"nonce", "nonce"}, {"index", "transactionIndex"},
          {"value", "value"}, {"gasPrice", "gasPrice"}, {"gas", "gas"}, {"inputData", "input"}, {"r", "r"},
          {"s", "s"}, {"v", "v"}, {"type", "type"}}) {
        assertEquals(rpc.get(field[1]).asText(), tx.get(field[0]).asText(), hash + " " + field[0]);
      }
      assertEquals(rpc.get("from").asText(), tx.get("from").get("address").asText());
      assertEquals(rpc.get("to").asText(), tx.get("to").get("address").asText());
      assertEquals(rpc.get("blockHash").asText(), tx.get("block").get("hash").asText());
      assertEquals(text(rpc, "maxFeePerGas"), text(tx, "maxFeePerGas"));
      assertEquals(text(rpc, "maxPriorityFeePerGas"), text(tx, "maxPriorityFeePerGas"));
      assertEquals(text(rpc, "yParity"), text(tx, "yParity"));
      assertEquals(receipt.get("status").asText(), tx.get("status").asText());
      assertEquals(receipt.get("gasUsed").asText(), tx.get("gasUsed").asText());
      assertEquals(receipt.get("cumulativeGasUsed").asText(), tx.get("cumulativeGasUsed").asText());
      assertEquals(receipt.get("effectiveGasPrice").asText(), tx.get("effectiveGasPrice").asText());
      JsonNode block = http.rpc("eth_getBlockByHash", rpc.get("blockHash").asText(), false);
      assertEquals(Hex.encodeQuantity(Hex.decodeQuantity(receipt.get("effectiveGasPrice").asText())
          .subtract(Hex.decodeQuantity(block.get("baseFeePerGas").asText()))), tx.get("effectiveTip").asText());
      assertEquals(receipt.get("logs").size(), tx.get("logs").size());
      for (int i = 0; i < receipt.get("logs").size(); i++) {
        JsonNode expected = receipt.get("logs").get(i);
        JsonNode log = tx.get("logs").get(i);
        assertEquals(expected.get("logIndex").asText(), log.get("index").asText());
        assertEquals(expected.get("address").asText(), log.get("account").get("address").asText());
        assertEquals(texts(expected.get("topics")), texts(log.get("topics")));
        assertEquals(expected.get("data").asText(), log.get("data").asText());
        assertEquals(hash, log.get("transaction").get("hash").asText());
      }
      assertEquals(hash, Hash.keccak(Hex.decode(tx.get("raw").asText())).toHex(), "raw is the signed encoding");
      assertTrue(tx.get("rawReceipt").asText().length() > 2);
      for (String absent : List.of("maxFeePerBlobGas", "blobGasUsed", "blobGasPrice", "createdContract",
          "blobVersionedHashes")) {
        assertTrue(tx.get(absent).isNull(), absent);
      }
    }
    assertEquals(1, http.data("{ transaction(hash: \"" + sent.ping() + "\") { logs { index } } }")
        .get("transaction").get("logs").size(), "the ping emitted Pinged");
    assertTrue(http.data("{ transaction(hash: \"0x" + "00".repeat(32) + "\") { hash } }").get("transaction")
        .isNull());
  }

  @Test
  void accountsAreJsonRpcsAccountsAtEachBlock() throws Exception {
    sealTwoBlocks();
    String alice = address(0).toHex();
    String slotZero = "0x" + "00".repeat(32);
    JsonNode data = http.data("""
        { latest: account(address: "%1$s") { address balance transactionCount code }
          atOne: account(address: "%1$s", block: 1) { balance transactionCount }
          chainInfo: account(address: "%2$s") { storage(slot: "%3$s") code }
          block(number: 1) { account(address: "%1$s") { balance } miner { address balance } } }"""
        .formatted(alice, CHAIN_INFO, slotZero));
    assertEquals(alice, data.get("latest").get("address").asText());
    assertEquals(http.rpc("eth_getBalance", alice, "latest").asText(), data.get("latest").get("balance").asText());
    assertEquals(http.rpc("eth_getTransactionCount", alice, "latest").asText(),
        data.get("latest").get("transactionCount").asText());
    assertEquals("0x2", data.get("latest").get("transactionCount").asText());
    assertEquals(http.rpc("eth_getCode", alice, "latest").asText(), data.get("latest").get("code").asText());
    assertEquals(http.rpc("eth_getBalance", alice, "0x1").asText(), data.get("atOne").get("balance").asText());
    assertEquals("0x1", data.get("atOne").get("transactionCount").asText());
    assertEquals(http.rpc("eth_getBalance", alice, "0x1").asText(),
        data.get("block").get("account").get("balance").asText());
    assertEquals(http.rpc("eth_getStorageAt", CHAIN_INFO, "0x0", "latest").asText(),
        data.get("chainInfo").get("storage").asText());
    assertEquals("0x" + "00".repeat(31) + "01", data.get("chainInfo").get("storage").asText(), "one ping");
    JsonNode miner = data.get("block").get("miner");
    assertEquals(http.rpc("eth_getBalance", miner.get("address").asText(), "latest").asText(),
        miner.get("balance").asText(), "miner's account is at the head by default, as in Geth");
    assertEquals("block #99 not found",
        http.query("{ account(address: \"" + alice + "\", block: 99) { balance } }").error());
  }

  @Test
  void logsAreTheReceiptsLogs() throws Exception {
    Sent sent = sealTwoBlocks();
    JsonNode expected = http.rpc("eth_getTransactionReceipt", sent.ping()).get("logs").get(0);
    String carolTopic = "0x" + "00".repeat(12) + address(2).toHex().substring(2);
    JsonNode logs = http.data("""
        { logs(filter: { fromBlock: 0, addresses: ["%s"], topics: [["%s"], ["%s"]] }) {
            index topics data account { address } transaction { hash block { number } } } }"""
        .formatted(CHAIN_INFO, DevTransactions.pingedTopic().toHex(), carolTopic)).get("logs");
    assertEquals(1, logs.size());
    JsonNode log = logs.get(0);
    assertEquals(expected.get("logIndex").asText(), log.get("index").asText());
    assertEquals(texts(expected.get("topics")), texts(log.get("topics")));
    assertEquals(expected.get("data").asText(), log.get("data").asText());
    assertEquals(expected.get("address").asText(), log.get("account").get("address").asText());
    assertEquals(sent.ping(), log.get("transaction").get("hash").asText());
    assertEquals(expected.get("blockNumber").asText(), log.get("transaction").get("block").get("number").asText());

    assertEquals(1, http.data("{ logs(filter: { fromBlock: 0, topics: [[], []] }) { index } }").get("logs").size(),
        "empty alternatives match any topic");
    String aliceTopic = "0x" + "00".repeat(12) + address(0).toHex().substring(2);
    assertEquals(0, http.data("{ logs(filter: { fromBlock: 0, topics: [[], [\"" + aliceTopic + "\"]] }) { index } }")
        .get("logs").size(), "alice never pinged");
    assertEquals(0, http.data("{ logs(filter: { fromBlock: 2, toBlock: 2 }) { index } }").get("logs").size(),
        "block 2 holds only a transfer");
    assertEquals(0, http.data("{ logs(filter: {}) { index } }").get("logs").size(), "the head by default");
    assertEquals(1, http.data("{ block(number: 1) { logs(filter: {}) { index } } }").get("block").get("logs").size());
    assertEquals(0, http.data("{ block(number: 1) { logs(filter: { addresses: [\"" + address(0).toHex()
        + "\"] }) { index } } }").get("block").get("logs").size());
    assertEquals("invalid block range: fromBlock 2 is after toBlock 1",
        http.query("{ logs(filter: { fromBlock: 2, toBlock: 1 }) { index } }").error());
  }

  @Test
  void feesChainIdAndSyncingAreJsonRpcs() throws Exception {
    sealTwoBlocks();
    JsonNode data = http.data("{ gasPrice maxPriorityFeePerGas chainID syncing { currentBlock } }");
    assertEquals(http.rpc("eth_gasPrice").asText(), data.get("gasPrice").asText());
    assertEquals(http.rpc("eth_maxPriorityFeePerGas").asText(), data.get("maxPriorityFeePerGas").asText());
    assertEquals(http.rpc("eth_chainId").asText(), data.get("chainID").asText());
    assertEquals("0x7a69", data.get("chainID").asText());
    assertTrue(http.rpc("eth_syncing").isBoolean() && !http.rpc("eth_syncing").asBoolean());
    assertTrue(data.get("syncing").isNull(), "not syncing, as eth_syncing says false");
  }

  @Test
  void pendingShowsThePoolUntilABlockIsSealed() throws Exception {
    String alice = address(0).toHex();
    String first = send(DevTransactions.transfer(0, 0, 1));
    String second = send(DevTransactions.transfer(0, 1, 1));
    send(DevTransactions.transfer(1, 5, 1));
    String query = """
        { pending { transactionCount transactions { hash index block { number } status logs { index } from { address } }
            account(address: "%1$s") { transactionCount balance } }
          account(address: "%1$s") { transactionCount } }""".formatted(alice);
    JsonNode data = http.data(query);
    JsonNode pending = data.get("pending");
    assertEquals("0x2", pending.get("transactionCount").asText(), "bob's nonce-gapped transaction is queued");
    assertEquals(List.of(first, second), texts(pending.get("transactions"), "hash"));
    for (JsonNode tx : pending.get("transactions")) {
      assertTrue(tx.get("index").isNull() && tx.get("block").isNull() && tx.get("status").isNull());
      assertTrue(tx.get("logs").isNull());
      assertEquals(alice, tx.get("from").get("address").asText());
    }
    assertEquals(http.rpc("eth_getTransactionCount", alice, "pending").asText(),
        pending.get("account").get("transactionCount").asText());
    assertEquals("0x2", pending.get("account").get("transactionCount").asText());
    assertEquals("0x0", data.get("account").get("transactionCount").asText());
    assertEquals(http.rpc("eth_getBalance", alice, "latest").asText(), pending.get("account").get("balance").asText());
    JsonNode pendingTx = http.data("{ transaction(hash: \"" + first + "\") { hash index block { number } gasPrice } }")
        .get("transaction");
    assertEquals(first, pendingTx.get("hash").asText());
    assertTrue(pendingTx.get("block").isNull() && pendingTx.get("index").isNull());
    assertEquals(http.rpc("eth_getTransactionByHash", first).get("gasPrice").asText(),
        pendingTx.get("gasPrice").asText());

    node.chain().seal().get();
    assertEquals("0x0", http.data(query).get("pending").get("transactionCount").asText());
  }

  @Test
  void validatorSetAndFinalityAreTheGenesisValidatorsAndJsonRpcsTags() throws Exception {
    sealTwoBlocks();
    JsonNode data = http.data("""
        { validatorSet { validators { address stake vrfPublicKey } totalStake }
          finality { safe { number hash } finalized { number hash } } }""");
    List<Validator> genesis = node.genesis().validators();
    JsonNode validators = data.get("validatorSet").get("validators");
    assertEquals(genesis.size(), validators.size());
    for (int i = 0; i < genesis.size(); i++) {
      assertEquals(genesis.get(i).address().toHex(), validators.get(i).get("address").asText());
      assertEquals(Hex.encodeQuantity(genesis.get(i).stake().value()), validators.get(i).get("stake").asText());
      assertEquals(genesis.get(i).vrfPublicKey().toHex(), validators.get(i).get("vrfPublicKey").asText());
    }
    assertEquals(Hex.encodeQuantity(genesis.stream().map(v -> v.stake().value()).reduce(BigInteger.ZERO,
        BigInteger::add)),
        data.get("validatorSet").get("totalStake").asText());
    for (String tag : List.of("safe", "finalized")) {
      JsonNode rpc = http.rpc("eth_getBlockByNumber", tag, false);
      assertEquals(rpc.get("hash").asText(), data.get("finality").get(tag).get("hash").asText(), tag);
      assertEquals(rpc.get("number").asText(), data.get("finality").get(tag).get("number").asText(), tag);
    }
    assertEquals("0x2", data.get("finality").get("safe").get("number").asText(), "one validator justifies at once");
    assertEquals("0x1", data.get("finality").get("finalized").get("number").asText());
  }

  @Test
  void callsAndEstimatesAreJsonRpcs() throws Exception {
    sealTwoBlocks();
    String chainIdCall = Hex.encode(Abi.selector("chainId()"));
    String alice = address(0).toHex();
    JsonNode data = http.data("""
        { block { call(data: { to: "%1$s", data: "%2$s" }) { data status gasUsed }
            estimateGas(data: { from: "%3$s", to: "%4$s", value: "0x1" })
            reverted: call(data: { to: "%1$s", data: "0x12345678" }) { data status } }
          pending { estimateGas(data: { from: "%3$s", to: "%4$s", value: 1 })
            call(data: { to: "%1$s", data: "%2$s" }) { data } } }"""
        .formatted(CHAIN_INFO, chainIdCall, alice, DevTransactions.RECIPIENT.toHex()));
    JsonNode block = data.get("block");
    assertEquals(http.rpc("eth_call", Map.of("to", CHAIN_INFO, "data", chainIdCall), "latest").asText(),
        block.get("call").get("data").asText());
    assertEquals("0x1", block.get("call").get("status").asText());
    assertEquals(http.rpc("eth_estimateGas", Map.of("from", alice, "to", DevTransactions.RECIPIENT.toHex(),
        "value", "0x1")).asText(), block.get("estimateGas").asText());
    assertEquals("0x5208", block.get("estimateGas").asText());
    assertEquals("0x0", block.get("reverted").get("status").asText(), "a revert is a result, as in Geth");
    assertTrue(block.get("reverted").get("data").asText().startsWith("0x08c379a0"), "Error(string) payload");
    assertEquals("0x5208", data.get("pending").get("estimateGas").asText());
    assertEquals(block.get("call").get("data").asText(), data.get("pending").get("call").get("data").asText());
    String revert = http.query("{ block { estimateGas(data: { to: \"" + CHAIN_INFO + "\", data: \"0x12345678\" }) } }")
        .error();
    assertNotNull(revert);
    assertTrue(revert.startsWith("execution reverted: "), revert);
  }

  private String send(String raw) throws Exception {
    return http.rpc("eth_sendRawTransaction", raw).asText();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(item -> out.add(item.asText()));
    return out;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(item -> out.add(item.get(field).asText()));
    return out;
  }

  /** A field's text, or null when absent or null (JSON-RPC omits what GraphQL answers as null). */
  private static String text(JsonNode object, String field) {
    JsonNode value = object.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
