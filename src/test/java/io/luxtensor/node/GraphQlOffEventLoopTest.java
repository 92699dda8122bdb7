package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import graphql.execution.preparsed.NoOpPreparsedDocumentProvider;
import io.luxtensor.api.ActiveValidators;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.PendingTransactions;
import io.luxtensor.api.graphql.GraphQlEndpoint;
import io.luxtensor.api.graphql.GraphQlLimits;
import io.luxtensor.api.graphql.LuxtensorGraphQl;
import io.luxtensor.api.http.ApiServer;
import io.luxtensor.api.http.ApiServerConfig;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.bytes.Hex;
import io.luxtensor.chain.DevChain;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.execution.StatelessTransactionValidator;
import io.luxtensor.execution.TransactionProcessor;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.execution.system.AiTasksContract;
import io.luxtensor.execution.system.SubnetRegistryContract;
import io.luxtensor.execution.system.SystemContracts;
import io.luxtensor.node.ChainService.Sealing;
import io.luxtensor.state.StateReader;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.AbiCalls;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.types.Address;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import io.vertx.core.Vertx;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * GraphQL reads storage and waits on the pool only on the API worker pool, never on an event loop: a real node's
 * chain and pool, decorated to record the thread of every call that may block, behind a real HTTP listener; the
 * reads are run again with parsing on the calling thread, which checks that each Query field offloads its own.
 */
class GraphQlOffEventLoopTest {
  /** The published head and the chain id are in memory; everything else may read storage or wait. */
  private static final Set<String> IN_MEMORY = Set.of("chainId", "latest", "safe", "finalized");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> threadsByCall = new ConcurrentHashMap<>();

  @Test
  void everyStorageReadAndPoolCallRunsOnAWorker() throws Exception {
    try (LuxtensorNode node = TestNodes.devNode(StorageConfig.memory(), new Sealing.Manual(), TxPoolConfig.DEFAULT)) {
      node.chain().submit(RecoveredTransaction.recover(transfer(0))).get();
      node.chain().submit(RecoveredTransaction.recover(transaction(1, SubnetRegistryContract.ADDRESS, Wei.ofLux("100"),
          AbiCalls.calldata("registerSubnet(string,uint256[])", List.of(AbiType.STRING, AbiType.UINT256_ARRAY),
              List.of("vision", List.of()))))).get();
      node.chain().seal().get();
      node.chain().submit(RecoveredTransaction.recover(transaction(2, AiTasksContract.ADDRESS, Wei.ofLux("1"),
          AbiCalls.calldata("submitTask(uint16,bytes32,bytes32,string,uint64)", List.of(AbiType.UINT16,
              AbiType.BYTES32, AbiType.BYTES32, AbiType.STRING, AbiType.UINT64), List.of(BigInteger.ZERO,
              new byte[32], new byte[32], "ipfs://input", BigInteger.TEN))))).get();
      node.chain().seal().get();
      Vertx vertx = Vertx.vertx();
      try {
        BlockchainQueries chain = recording(BlockchainQueries.class,
            new NodeQueries(DevChain.CHAIN_ID, node.database(), node.chain()));
        PendingTransactions pool = recording(PendingTransactions.class, node.chain());
        LuxtensorGraphQl.Sources sources = new LuxtensorGraphQl.Sources(chain, pool,
            new StateCallSimulator(node.genesis().parameters(), node.database().trieNodes(),
                node.database().headFlatState(), new TransactionProcessor(SystemContracts.standard())),
            new StatelessTransactionValidator(DevChain.CHAIN_ID, false),
            new ActiveValidators(chain, node.genesis().parameters(), new ValidatorSet(node.genesis().validators()),
                node.genesis().validatorsStake()),
            node.genesis().parameters().minBaseFeePerGas());
        ApiServer server = new ApiServer(vertx, ApiServerConfig.defaults().withAddress("127.0.0.1", 0),
            List.of(new GraphQlEndpoint(sources, GraphQlLimits.defaults(), ApiServerConfig.BODY_BYTES_MAX)));
        int port = server.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        String alice = DevChain.accounts(1).get(0).address().toHex();

        String reads = """
            { block { number raw rawHeader parent { hash } miner { balance }
                transactions { hash status gasUsed raw rawReceipt from { balance transactionCount } logs { index } }
                account(address: "%1$s") { balance storage(slot: "0x%2$s") }
                call(data: { to: "%1$s" }) { status } logs(filter: {}) { index }
                justified { block { number } } }
              blocks(from: 0) { hash } logs(filter: { fromBlock: 0 }) { index }
              transaction(hash: "0x%2$s") { hash } account(address: "%1$s", block: 0) { balance }
              pending { transactionCount transactions { hash } account(address: "%1$s") { transactionCount }
                estimateGas(data: { to: "%1$s" }) }
              gasPrice maxPriorityFeePerGas chainID finality { safe { number } finalized { number } }
              subnets { neurons { stake weights { uid } } } subnet(netuid: 0, block: 0) { neuronCount }
              task(id: "0x%2$s") { id } tasks(limit: 1) { total tasks { results { miner } } } }"""
            .formatted(alice, "00".repeat(32));
        JsonNode query = post(port, reads);
        assertFalse(query.has("errors"), query.toString());
        assertEquals("0x1", query.at("/data/tasks/total").asText(), "a task's results were read");
        JsonNode mutation = post(port, "mutation { sendRawTransaction(data: \""
            + Hex.encode(transfer(3).encode()) + "\") }");
        assertFalse(mutation.has("errors"), mutation.toString());
        server.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), executedWhereParsed(sources, reads).getErrors());
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
    }
    // state() returns a StateSnapshot (a final class, which a proxy cannot wrap): its reads are attributed to the
    // thread that asked for it.
    for (String call : List.of("block", "receipts", "state", "canonicalHash", "header", "transactionLocation",
        "submit", "pending", "nextNonce", "executable")) {
      assertTrue(threadsByCall.containsKey(call), call + " was exercised: " + threadsByCall.keySet());
    }
    threadsByCall.forEach((call, thread) -> assertTrue(thread.startsWith("luxtensor-api"),
        call + " ran on " + thread + ", not on an API worker"));
  }

  /**
   * Runs {@code query} with parsing on the calling thread. Over HTTP, parsing on a worker hands the execution to it,
   * so every fetcher would run there even without its own offload; here, as when a parse finishes before
   * graphql-java waits on it, only each field's offload keeps its reads off the calling thread (which stands for
   * the event loop).
   */
  private static ExecutionResult executedWhereParsed(LuxtensorGraphQl.Sources sources, String query) {
    ExecutorService workers = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("luxtensor-api-", 0).factory());
    try {
      return LuxtensorGraphQl.create(sources, GraphQlLimits.defaults(), workers)
          .transform(graphQl -> graphQl.preparsedDocumentProvider(NoOpPreparsedDocumentProvider.INSTANCE))
          .execute(query);
    } finally {
      workers.shutdownNow();
    }
  }

  private static Transaction transfer(long nonce) {
    return transaction(nonce, Address.ZERO, Wei.of(1), new byte[0]);
  }

  /** A transaction from the dev account, with gas enough for any system contract's function. */
  private static Transaction transaction(long nonce, Address to, Wei value, byte[] calldata) {
    return new DynamicFeeTransaction(DevChain.CHAIN_ID, nonce, BigInteger.valueOf(1_000_000_000L),
        BigInteger.valueOf(10_000_000_000L), 300_000, Optional.of(to), value, Bytes.of(calldata), List.of(), null)
        .sign(DevChain.accounts(1).get(0).key());
  }

  /** {@code target} behind a proxy that records the thread of each call that may block (and of state reads). */
  private <T> T recording(Class<T> type, T target) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (!IN_MEMORY.contains(method.getName())) {
        threadsByCall.merge(method.getName(), Thread.currentThread().getName(), GraphQlOffEventLoopTest::notWorker);
      }
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      return method.getReturnType() == StateReader.class ? recordingState((StateReader) result) : result;
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private StateReader recordingState(StateReader state) {
    return (StateReader) Proxy.newProxyInstance(StateReader.class.getClassLoader(), new Class<?>[] {StateReader.class},
        (proxy, method, args) -> {
          threadsByCall.merge("StateReader." + method.getName(), Thread.currentThread().getName(),
              GraphQlOffEventLoopTest::notWorker);
          try {
            return method.invoke(state, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** Keeps the offending thread if any call of this name ran off the workers. */
  private static String notWorker(String first, String second) {
    return first.startsWith("luxtensor-api") ? second : first;
  }

  private static JsonNode post(int port, String query) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
            .header("Content-Type", "application/graphql").POST(HttpRequest.BodyPublishers.ofString(query)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }
}
