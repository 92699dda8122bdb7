package io.luxtensor.testing;

import io.luxtensor.bytes.Hex;
import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.system.ChainInfoContract;
import io.luxtensor.node.LuxtensorNode;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * web3j pointed at a dev node, with its prefunded accounts, and the transactions the RPC tests need: pings of the
 * ChainInfo system contract (each emits a {@code Pinged} log) and transfers, sent signed as a wallet sends them.
 */
public final class DevNodeClient implements AutoCloseable {
  public static final long CHAIN_ID = DevChain.CHAIN_ID;
  public static final String CHAIN_INFO = ChainInfoContract.ADDRESS.toHex();
  public static final String PINGED_TOPIC = Hex.encode(Abi.eventTopic(ChainInfoContract.PINGED_EVENT));
  /** Generous for a ping (intrinsic gas plus 22,000): the unused gas is refunded. */
  public static final BigInteger PING_GAS_LIMIT = BigInteger.valueOf(100_000);
  private static final Duration INCLUSION_DEADLINE = Duration.ofSeconds(20);

  /** Any result, as web3j's Jackson reads it (maps, lists, strings): for methods web3j has no type for. */
  public static final class AnyResponse extends Response<Object> {}

  private final LuxtensorNode node;
  private final HttpService service;
  private final Web3j web3;
  private final List<Credentials> accounts;

  public DevNodeClient(LuxtensorNode node) {
    this.node = node;
    this.service = new HttpService("http://127.0.0.1:" + node.rpcPort());
    this.web3 = Web3j.build(service);
    this.accounts = DevChain.accounts(DevChain.ACCOUNTS_DEFAULT).stream()
        .map(a -> Credentials.create(Numeric.toHexStringNoPrefix(a.key().toBytes()))).toList();
  }

  public Web3j web3() {
    return web3;
  }

  public Credentials account(int index) {
    return accounts.get(index);
  }

  /** A call of a method web3j does not wrap, through web3j's own transport. */
  public Response<Object> call(String method, List<?> params) throws IOException {
    return new Request<>(method, params, service, AnyResponse.class).send();
  }

  /** The calldata of ChainInfo's {@code ping(note)}. */
  public static String pingData(byte note) {
    byte[] noteWord = new byte[32];
    noteWord[31] = note;
    return Hex.encode(Abi.selector("ping(bytes32)")) + Hex.encodeNoPrefix(noteWord);
  }

  /** A signed legacy ping from {@code account} at {@code nonce}. */
  public String signedPing(int account, long nonce, byte note) throws IOException {
    RawTransaction ping = RawTransaction.createTransaction(BigInteger.valueOf(nonce), gasPrice(), PING_GAS_LIMIT,
        CHAIN_INFO, BigInteger.ZERO, pingData(note));
    return Numeric.toHexString(TransactionEncoder.signMessage(ping, CHAIN_ID, accounts.get(account)));
  }

  /** A signed EIP-2930 ping carrying {@code accessList}. */
  public String signedPing(int account, long nonce, byte note, BigInteger gasLimit, List<AccessListObject> accessList)
      throws IOException {
    RawTransaction ping = RawTransaction.createTransaction(CHAIN_ID, BigInteger.valueOf(nonce), gasPrice(), gasLimit,
        CHAIN_INFO, BigInteger.ZERO, pingData(note), accessList);
    return Numeric.toHexString(TransactionEncoder.signMessage(ping, accounts.get(account)));
  }

  /** A signed legacy transfer of {@code wei} from {@code account} at {@code nonce}. */
  public String signedTransfer(int account, long nonce, String to, BigInteger wei) throws IOException {
    RawTransaction transfer = RawTransaction.createEtherTransaction(BigInteger.valueOf(nonce), gasPrice(),
        BigInteger.valueOf(21_000), to, wei);
    return Numeric.toHexString(TransactionEncoder.signMessage(transfer, CHAIN_ID, accounts.get(account)));
  }

  /** A signed EIP-1559 transfer of {@code wei} from {@code account} at {@code nonce}. */
  public String signedDynamicTransfer(int account, long nonce, String to, BigInteger wei) throws IOException {
    BigInteger tip = web3.ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas();
    RawTransaction transfer = RawTransaction.createEtherTransaction(CHAIN_ID, BigInteger.valueOf(nonce),
        BigInteger.valueOf(21_000), to, wei, tip, gasPrice().add(tip));
    return Numeric.toHexString(TransactionEncoder.signMessage(transfer, accounts.get(account)));
  }

  /** Sends a signed transaction and returns its hash; the pool must accept it. */
  public String send(String signed) throws IOException {
    var response = web3.ethSendRawTransaction(signed).send();
    if (response.hasError()) {
      throw new AssertionError("refused: " + response.getError().getMessage());
    }
    return response.getTransactionHash();
  }

  /**
   * Sends a signed transaction and waits (up to a deadline) for the block that includes it. The node's own head
   * listeners, filters among them, have seen that block when this returns: they were registered first.
   */
  public StoredBlock sendAndAwaitInclusion(String signed) throws Exception {
    CompletableFuture<StoredBlock> included = new CompletableFuture<>();
    String hash = Hex.encode(org.web3j.crypto.Hash.sha3(Numeric.hexStringToByteArray(signed)));
    node.chain().addHeadListener(head -> {
      if (head.block().block().transactions().stream().anyMatch(tx -> tx.hash().toHex().equals(hash))) {
        included.complete(head.block());
      }
    });
    send(signed);
    return included.get(INCLUSION_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }

  private BigInteger gasPrice() throws IOException {
    return web3.ethGasPrice().send().getGasPrice();
  }

  @Override
  public void close() {
    web3.shutdown();
  }
}
