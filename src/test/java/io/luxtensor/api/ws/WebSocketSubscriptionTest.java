package io.luxtensor.api.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.bytes.Hex;
import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.system.ChainInfoContract;
import io.luxtensor.node.ChainService;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.testing.TextMessages;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.types.Address;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import io.reactivex.disposables.Disposable;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.websocket.WebSocketService;
import org.web3j.protocol.websocket.events.LogNotification;
import org.web3j.protocol.websocket.events.NewHeadsNotification;

/** eth_subscribe over WebSocket with web3j and a raw client; blocks are sealed by hand so each step is known. */
class WebSocketSubscriptionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);
  private static final long DEADLINE_SECONDS = 10;

  private final LuxtensorNode node = TestNodes.devNode(StorageConfig.memory(), new ChainService.Sealing.Manual(),
      TxPoolConfig.DEFAULT);
  private final List<PrivateKey> keys = DevChain.accounts(10).stream().map(DevChain.DevAccount::key).toList();
  private final long[] nonces = new long[10];
  /** web3j reports the connection closing at the end of a test here. */
  private final List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void web3jReceivesNewHeadsAndSystemContractLogs() throws Exception {
    WebSocketService service = new WebSocketService("ws://127.0.0.1:" + node.rpcPort(), false);
    service.connect();
    Web3j web3 = Web3j.build(service);
    try {
      assertEquals(BigInteger.ZERO, web3.ethBlockNumber().send().getBlockNumber(), "plain methods work over WS");
      BlockingQueue<NewHeadsNotification> heads = new LinkedBlockingQueue<>();
      BlockingQueue<LogNotification> logs = new LinkedBlockingQueue<>();
      Disposable headsSubscription = web3.newHeadsNotifications().subscribe(heads::add, errors::add);
      Disposable logsSubscription = web3.logsNotifications(List.of(ChainInfoContract.ADDRESS.toHex()),
          List.of(Hex.encode(Abi.eventTopic(ChainInfoContract.PINGED_EVENT)))).subscribe(logs::add, errors::add);
      awaitSubscriptions(2);

      submit(ping(0));
      StoredBlock block = node.chain().seal().get();
      NewHeadsNotification head = heads.poll(DEADLINE_SECONDS, TimeUnit.SECONDS);
      assertNotNull(head, "newHeads within the deadline");
      assertEquals(block.block().hash().toHex(), head.getParams().getResult().getHash());
      LogNotification log = logs.poll(DEADLINE_SECONDS, TimeUnit.SECONDS);
      assertNotNull(log, "the Pinged log within the deadline");
      assertEquals(ChainInfoContract.ADDRESS.toHex(), log.getParams().getResult().getAddress());
      assertEquals(block.block().transactions().get(0).hash().toHex(), log.getParams().getResult().getTransactionHash());

      headsSubscription.dispose();
      logsSubscription.dispose();
      awaitSubscriptions(0);
    } finally {
      web3.shutdown();
    }
  }

  @Test
  void pendingTransactionsAsHashesOrBodiesAndResponsesInRequestOrder() throws Exception {
    RawClient client = RawClient.connect(node.rpcPort());
    try {
      client.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newPendingTransactions\"]}");
      client.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_subscribe\",\"params\":[\"newPendingTransactions\", true]}");
      client.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_subscribe\",\"params\":[\"nonsense\"]}");
      String hashesId = client.next().get("result").asText();
      String bodiesId = client.next().get("result").asText();
      assertEquals(-32602, client.next().get("error").get("code").asInt());
      assertTrue(hashesId.matches("0x[0-9a-f]{32}") && !hashesId.equals(bodiesId), "random 128-bit ids");

      Transaction tx = transfer(0, Bytes.EMPTY);
      submit(tx);
      JsonNode first = client.next();
      JsonNode second = client.next();
      for (JsonNode notification : List.of(first, second)) {
        assertEquals("eth_subscription", notification.get("method").asText());
        JsonNode result = notification.get("params").get("result");
        if (notification.get("params").get("subscription").asText().equals(hashesId)) {
          assertEquals(tx.hash().toHex(), result.asText());
        } else {
          assertEquals(tx.hash().toHex(), result.get("hash").asText());
          assertEquals(Address.of(keys.get(0).publicKey()).toHex(), result.get("from").asText());
        }
      }

      for (int id = 10; id < 60; id++) {
        String method = id % 2 == 0 ? "eth_getBlockByNumber\",\"params\":[\"latest\",true]" : "eth_chainId\"";
        client.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "}");
      }
      for (int id = 10; id < 60; id++) {
        assertEquals(id, client.next().get("id").asInt(), "responses keep request order");
      }
      client.send("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"eth_unsubscribe\",\"params\":[\"" + hashesId + "\"]}");
      assertTrue(client.next().get("result").asBoolean());
      awaitSubscriptions(1);
    } finally {
      client.close();
    }
    awaitSubscriptions(0);
  }

  /**
   * A subscriber that never reads is cut off once its outbound queue fills, and meanwhile a reading subscriber gets
   * every block's head before the next block is sealed.
   */
  @Test
  void aSubscriberThatNeverReadsIsDroppedWithoutDelayingOthers() throws Exception {
    WebSocketService service = new WebSocketService("ws://127.0.0.1:" + node.rpcPort(), false);
    service.connect();
    Web3j web3 = Web3j.build(service);
    try (Socket slow = RawClient.subscribeAndStopReading(node.rpcPort(),
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newPendingTransactions\", true]}")) {
      BlockingQueue<NewHeadsNotification> heads = new LinkedBlockingQueue<>();
      web3.newHeadsNotifications().subscribe(heads::add, errors::add);
      awaitSubscriptions(2);

      Bytes bulky = Bytes.of(new byte[60_000]);
      for (int round = 0; round < 10 && hubSubscriptions() == 2; round++) {
        for (int i = 0; i < 20; i++) {
          submit(transfer(i % keys.size(), bulky));
        }
        StoredBlock block = node.chain().seal().get();
        NewHeadsNotification head = heads.poll(DEADLINE_SECONDS, TimeUnit.SECONDS);
        assertNotNull(head, "the reader gets block " + block.block().header().number() + " before the next is sealed");
        assertEquals(block.block().hash().toHex(), head.getParams().getResult().getHash());
      }
      awaitSubscriptions(1);
    } finally {
      web3.shutdown();
    }
  }

  private Transaction transfer(int account, Bytes data) {
    long nonce = nonces[account]++;
    return new DynamicFeeTransaction(DevChain.CHAIN_ID, nonce, GWEI, GWEI.multiply(BigInteger.TEN),
        21_000 + 16L * data.length(), Optional.of(Address.fromHex("0x000000000000000000000000000000000000bEEF")),
        Wei.of(1), data, List.of(), null).sign(keys.get(account));
  }

  private Transaction ping(int account) {
    byte[] input = new byte[36];
    System.arraycopy(Abi.selector("ping(bytes32)"), 0, input, 0, 4);
    long nonce = nonces[account]++;
    return new DynamicFeeTransaction(DevChain.CHAIN_ID, nonce, GWEI, GWEI.multiply(BigInteger.TEN), 100_000,
        Optional.of(ChainInfoContract.ADDRESS), Wei.ZERO, Bytes.of(input), List.of(), null).sign(keys.get(account));
  }

  private void submit(Transaction tx) throws Exception {
    var result = node.chain().submit(RecoveredTransaction.recover(tx)).get();
    assertTrue(result instanceof io.luxtensor.api.PendingTransactions.Submission.Accepted, result::toString);
  }

  private int hubSubscriptions() {
    return node.subscriptions().subscriptionCount();
  }

  private void awaitSubscriptions(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    while (hubSubscriptions() != expected) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + expected + " subscriptions, have " + hubSubscriptions());
      }
      TimeUnit.MILLISECONDS.sleep(5);
    }
  }

  /** A WebSocket client that collects text messages in order. */
  private record RawClient(WebSocket socket, BlockingQueue<String> messages) {
    static RawClient connect(int port) throws Exception {
      BlockingQueue<String> messages = new LinkedBlockingQueue<>();
      WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + port), new TextMessages(messages)).get(DEADLINE_SECONDS, TimeUnit.SECONDS);
      return new RawClient(socket, messages);
    }

    void send(String text) throws Exception {
      socket.sendText(text, true).get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    JsonNode next() throws Exception {
      String message = messages.poll(DEADLINE_SECONDS, TimeUnit.SECONDS);
      assertNotNull(message, "a message within the deadline");
      return JSON.readTree(message);
    }

    void close() {
      socket.abort();
    }

    /** Opens a WebSocket by hand, sends one request, reads nothing ever after, and keeps its receive buffer small. */
    static Socket subscribeAndStopReading(int port, String request) throws Exception {
      Socket socket = new Socket();
      socket.setReceiveBufferSize(4096);
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
      OutputStream out = socket.getOutputStream();
      out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      String headers = readHeaders(in);
      assertTrue(headers.startsWith("HTTP/1.1 101"), headers);
      byte[] payload = request.getBytes(StandardCharsets.UTF_8);
      byte[] mask = {1, 2, 3, 4};
      if (payload.length < 126) {
        out.write(new byte[] {(byte) 0x81, (byte) (0x80 | payload.length)});
      } else {
        out.write(new byte[] {(byte) 0x81, (byte) (0x80 | 126), (byte) (payload.length >> 8), (byte) payload.length});
      }
      out.write(mask);
      byte[] masked = new byte[payload.length];
      for (int i = 0; i < payload.length; i++) {
        masked[i] = (byte) (payload[i] ^ mask[i % 4]);
      }
      out.write(masked);
      out.flush();
      return socket;
    }

    private static String readHeaders(InputStream in) throws Exception {
      List<Byte> bytes = new ArrayList<>();
      while (true) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        bytes.add((byte) b);
        int n = bytes.size();
        if (n >= 4 && bytes.get(n - 4) == '\r' && bytes.get(n - 3) == '\n' && bytes.get(n - 2) == '\r'
            && bytes.get(n - 1) == '\n') {
          break;
        }
      }
      byte[] raw = new byte[bytes.size()];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = bytes.get(i);
      }
      return new String(raw, StandardCharsets.US_ASCII);
    }
  }
}
