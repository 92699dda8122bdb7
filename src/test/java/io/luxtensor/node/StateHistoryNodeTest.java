package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.consensus.Validator;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.execution.BlockExecutor;
import io.luxtensor.execution.TransactionProcessor;
import io.luxtensor.execution.system.SystemContracts;
import io.luxtensor.node.ChainService.Sealing;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.storage.KeyValueStore;
import io.luxtensor.storage.KeyValueStores;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.SeededRandom;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthGetBalance;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * A dev node that keeps the states of its latest three blocks, through web3j: the kept states answer as an archive
 * node would, an older one gets an error that says which blocks are kept, and blocks and receipts stay whole.
 */
class StateHistoryNodeTest {
  private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);
  private static final Address RECIPIENT = Address.fromHex("0x000000000000000000000000000000000000bEEF");

  private final LuxtensorNode node = TestNodes.devNode(StorageConfig.memory().withStateHistory(3), new Sealing.Manual(),
      TestNodes.poolWithMinTip(0));
  private final Web3j web3 = Web3j.build(new HttpService("http://127.0.0.1:" + node.rpcPort()));
  private final PrivateKey sender = DevChain.accounts(1).get(0).key();

  @AfterEach
  void stop() {
    web3.shutdown();
    node.close();
  }

  @Test
  void theLatestStatesAnswerAndAnOlderOneIsRefusedWithTheWindow() throws Exception {
    for (int nonce = 0; nonce < 6; nonce++) {
      byte[] raw = new DynamicFeeTransaction(DevChain.CHAIN_ID, nonce, GWEI, GWEI.multiply(BigInteger.TEN), 21_000,
          Optional.of(RECIPIENT), Wei.of(1_000), Bytes.EMPTY, List.of(), null).sign(sender).encode();
      assertNull(web3.ethSendRawTransaction(Numeric.toHexString(raw)).send().getError());
      node.chain().seal().get();
    }
    assertEquals(6, web3.ethBlockNumber().send().getBlockNumber().longValueExact());

    for (long block = 4; block <= 6; block++) {
      assertEquals(BigInteger.valueOf(1_000 * block), balanceAt(block).getBalance(), "block " + block);
    }
    assertEquals(BigInteger.valueOf(6_000), web3.ethGetBalance(RECIPIENT.toHex(), DefaultBlockParameterName.LATEST)
        .send().getBalance());

    for (long block : new long[] {0, 1, 3}) {
      EthGetBalance refused = balanceAt(block);
      assertEquals(-32000, refused.getError().getCode(), "block " + block);
      assertEquals("the state of block " + block + " is no longer kept: this node keeps the states of its latest 3"
          + " blocks, 4 to 6 (a dev node in memory runs with --state-history 0 to keep every state)",
          refused.getError().getMessage());
    }
    String graphQl = "{\"query\": \"{ block(number: 1) { account(address: \\\"" + RECIPIENT.toHex()
        + "\\\") { balance } } }\"}";
    HttpResponse<String> graphQlAnswer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + node.rpcPort() + "/graphql"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(graphQl)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals("the state of block 1 is no longer kept: this node keeps the states of its latest 3 blocks, 4 to 6"
        + " (a dev node in memory runs with --state-history 0 to keep every state)",
        new ObjectMapper().readTree(graphQlAnswer.body()).at("/errors/0/message").asText(), graphQlAnswer.body());
    // Blocks, transactions and receipts are not state: every one is still served.
    for (long block = 1; block <= 6; block++) {
      var answer = web3.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(block)), true).send();
      String hash = ((EthBlock.TransactionObject)
          answer.getBlock().getTransactions().get(0)).getHash();
      assertTrue(web3.ethGetTransactionReceipt(hash).send().getTransactionReceipt().orElseThrow().isStatusOK());
    }
    assertEquals(Optional.of(3), node.chain().stateHistory().stream().boxed().findFirst());
    // The older states' nodes are gone from the store, not only refused: their roots first.
    ChainDatabase database = node.database();
    for (long block = 0; block <= 6; block++) {
      BlockHeader header = database.header(database.canonicalHash(block).orElseThrow()).orElseThrow();
      assertEquals(block >= 4, database.trieNodes().get(header.stateRoot().toBytes()).isPresent(), "block " + block);
    }
  }

  @Test
  void aChainWithSeveralValidatorsRefusesAStateHistory() {
    List<ValidatorKeys> keys = List.of(ValidatorKeys.derivedFrom(PrivateKey.random(SeededRandom.of(1))),
        ValidatorKeys.derivedFrom(PrivateKey.random(SeededRandom.of(2))));
    GenesisSpec genesis = DevChain.genesis(new DevChain.Settings(DevChain.CHAIN_ID, 1, Wei.ofLux("100"), 250, 0),
        keys.stream().map(k -> new Validator(k.address(), DevChain.VALIDATOR_STAKE, k.vrfPublicKey())).toList());
    try (KeyValueStore store = KeyValueStores.open(StorageConfig.memory())) {
      ChainDatabase database = new ChainDatabase(store);
      ChainInitializer.initialize(database, genesis, true);
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new ChainService(
          genesis.parameters(), new ValidatorSet(genesis.validators()), database,
          new BlockExecutor(new TransactionProcessor(SystemContracts.standard())), keys, TxPoolConfig.DEFAULT,
          new Sealing.EverySlot(), 128, () -> 0L));
      assertEquals("a chain with several validators keeps every state: its fork choice may go back to any"
          + " unfinalized block, so a state history of 128 blocks is refused", refused.getMessage());
    }
  }

  private EthGetBalance balanceAt(long block) throws Exception {
    return web3.ethGetBalance(RECIPIENT.toHex(), DefaultBlockParameter.valueOf(BigInteger.valueOf(block))).send();
  }
}
