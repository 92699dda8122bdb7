package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.bytes.Hex;
import io.luxtensor.chain.DevChain;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.testing.Receipts;
import io.luxtensor.testing.TestNodes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * {@code wallet send} and {@code wallet balance} against a real dev node in-process, checked through web3j to the
 * wei: the value moves exactly, the sender pays exactly value + gasUsed x effectiveGasPrice.
 */
class WalletSendTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RECIPIENT = "0x000000000000000000000000000000000000bEEF";
  private static final BigInteger ONE_AND_A_HALF_LUX = new BigInteger("1500000000000000000");
  private static final Duration RECEIPT_DEADLINE = Duration.ofSeconds(20);

  @TempDir
  Path directory;

  private final LuxtensorNode node = TestNodes.devNode();
  private final String rpc = "http://127.0.0.1:" + node.rpcPort();
  private final Web3j web3 = Web3j.build(new HttpService(rpc));
  private final List<WalletCli.Run> runs = new ArrayList<>();
  private WalletCli wallet;

  @BeforeEach
  void importHardhatAccountZeroAsAlice() {
    wallet = new WalletCli(directory);
    assertEquals(ExitCodes.OK, wallet.importMnemonic("alice", DevChain.MNEMONIC, 0, directory).exitCode());
  }

  @AfterEach
  void noSecretWasPrintedAndTheNodeStops() {
    String devKey = Hex.encodeNoPrefix(DevChain.accounts(1).get(0).key().toBytes());
    for (WalletCli.Run run : runs) {
      assertFalse(run.all().contains(WalletCli.PASSWORD), run.all());
      assertFalse(run.all().toLowerCase().contains(devKey), run.all());
      assertFalse(run.all().contains("test junk"), run.all());
    }
    web3.shutdown();
    node.close();
  }

  @Test
  void aTransferMovesExactlyTheValueAndTheSenderPaysExactlyTheFee() throws Exception {
    String alice = DevChain.accounts(1).get(0).address().toHex();
    BigInteger aliceBefore = balance(alice);
    BigInteger recipientBefore = balance(RECIPIENT);
    BigInteger tip = web3.ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas();

    WalletCli.Run sent = send("--from", "alice", "--to", RECIPIENT, "--value", "1.5", "--json");
    assertEquals(ExitCodes.OK, sent.exitCode(), sent.err());
    JsonNode report = JSON.readTree(sent.out());
    String hash = report.get("hash").asText();
    TransactionReceipt receipt = web3.ethGetTransactionReceipt(hash).send().getTransactionReceipt().orElseThrow();
    BigInteger price = Numeric.decodeQuantity(receipt.getEffectiveGasPrice());
    BigInteger fee = receipt.getGasUsed().multiply(price);

    assertEquals(recipientBefore.add(ONE_AND_A_HALF_LUX), balance(RECIPIENT), "the recipient gets exactly 1.5 LUX");
    assertEquals(aliceBefore.subtract(ONE_AND_A_HALF_LUX).subtract(fee), balance(alice),
        "the sender pays exactly value + gasUsed x effectiveGasPrice");
    assertEquals("success", report.get("status").asText());
    assertEquals(receipt.getBlockNumber().longValueExact(), report.get("blockNumber").asLong());
    assertEquals(receipt.getGasUsed().longValueExact(), report.get("gasUsed").asLong());
    assertEquals(fee.toString(), report.get("feeWei").asText());
    assertEquals(ONE_AND_A_HALF_LUX.toString(), report.get("valueWei").asText());

    Transaction tx = web3.ethGetTransactionByHash(hash).send().getTransaction().orElseThrow();
    EthBlock.Block block = web3.ethGetBlockByHash(receipt.getBlockHash(), false).send().getBlock();
    assertEquals("0x2", tx.getType(), "EIP-1559");
    assertEquals(DevChain.CHAIN_ID, tx.getChainId());
    assertEquals(BigInteger.ZERO, tx.getNonce());
    assertEquals(BigInteger.valueOf(21_000), tx.getGas(), "eth_estimateGas's answer for a plain transfer");
    assertEquals(tip, tx.getMaxPriorityFeePerGas());
    assertEquals(block.getBaseFeePerGas().multiply(BigInteger.TWO).add(tip), tx.getMaxFeePerGas(),
        "fee cap = 2 x the base fee of the block it went into (the next block when filled) + tip");
  }

  @Test
  void peopleSeeTheHashThenStatusBlockGasAndFeeInLux() throws Exception {
    WalletCli.Run sent = send("--from", "alice", "--to", RECIPIENT, "--value", "0.25");
    assertEquals(ExitCodes.OK, sent.exitCode(), sent.err());
    List<String> lines = sent.out().lines().toList();
    assertTrue(lines.get(0).matches("Sent 0x[0-9a-f]{64}"), sent.out());
    assertTrue(lines.get(1).startsWith("  0.25 LUX from alice to " + RECIPIENT + " (nonce 0, gas limit 21000, "),
        sent.out());
    TransactionReceipt receipt = web3.ethGetTransactionReceipt(lines.get(0).substring("Sent ".length())).send()
        .getTransactionReceipt().orElseThrow();
    BigInteger price = Numeric.decodeQuantity(receipt.getEffectiveGasPrice());
    String fee = new BigDecimal(receipt.getGasUsed().multiply(price)).movePointLeft(18).stripTrailingZeros()
        .toPlainString();
    String gwei = new BigDecimal(price).movePointLeft(9).stripTrailingZeros().toPlainString();
    assertEquals(List.of("status    success", "block     " + receipt.getBlockNumber(), "gas used  21000",
        "fee paid  " + fee + " LUX (" + gwei + " gwei per gas)"), lines.subList(2, 6));
  }

  @Test
  void noWaitPrintsTheHashAndReturnsAndTheNextSendTakesThePendingNonce() throws Exception {
    WalletCli.Run first = send("--from", "alice", "--to", RECIPIENT, "--value", "1", "--no-wait", "--json");
    WalletCli.Run second = send("--from", "alice", "--to", RECIPIENT, "--value", "1", "--no-wait");
    assertEquals(ExitCodes.OK, first.exitCode(), first.err());
    assertEquals(ExitCodes.OK, second.exitCode(), second.err());
    JsonNode report = JSON.readTree(first.out());
    assertFalse(report.has("status"), "no receipt was waited for");
    assertEquals(2, second.out().lines().count(), "the hash and the summary only: " + second.out());

    String secondHash = second.out().lines().findFirst().orElseThrow().substring("Sent ".length());
    assertTrue(receipt(report.get("hash").asText()).isStatusOK());
    assertTrue(receipt(secondHash).isStatusOK());
    assertEquals(BigInteger.ONE, web3.ethGetTransactionByHash(secondHash).send().getTransaction().orElseThrow()
        .getNonce(), "the second transfer took the nonce after the pending one");
    assertEquals(new BigInteger("2000000000000000000"), balance(RECIPIENT));
  }

  @Test
  void toAndFromTakeNamesAndSendingToAKeyOfTheWalletWorks() throws Exception {
    wallet.importMnemonic("bob", DevChain.MNEMONIC, 1, directory);
    BigInteger bobBefore = balance("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    WalletCli.Run sent = send("--from", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", "--to", "bob", "--value",
        "0.000000000000000001");
    assertEquals(ExitCodes.OK, sent.exitCode(), sent.err());
    assertEquals(bobBefore.add(BigInteger.ONE), balance("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"));
  }

  @Test
  void balanceIsInLuxByDefaultExactWithWeiAndBothInJson() throws Exception {
    assertEquals("10000 LUX\n", balanceRun("alice").out());
    assertEquals("10000000000000000000000 wei\n", balanceRun("alice", "--wei").out());
    JsonNode json = JSON.readTree(balanceRun("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "--json").out());
    assertEquals("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", json.get("address").asText());
    assertEquals("10000000000000000000000", json.get("wei").asText());
    assertEquals("10000", json.get("lux").asText());
    assertEquals("0 LUX\n", balanceRun(RECIPIENT).out());
    assertEquals(ExitCodes.NOT_FOUND, balanceRun("nobody").exitCode());
  }

  @Test
  void anUnreachableNodeExitsWith3BeforeAnyPasswordIsAsked() {
    ScriptedConsole person = ScriptedConsole.typing();
    WalletCli.Run sent = record(wallet.run(person, "send", "--from", "alice", "--to", RECIPIENT, "--value", "1",
        "--rpc", "http://127.0.0.1:1"));
    assertEquals(ExitCodes.UNREACHABLE, sent.exitCode());
    assertTrue(sent.err().startsWith("error: cannot reach the node at http://127.0.0.1:1"), sent.err());
    assertEquals(1, sent.err().lines().count(), "one line, no stack trace");
    assertEquals(List.of(), person.prompts());

    WalletCli.Run balance = record(wallet.run("balance", "alice", "--rpc", "http://127.0.0.1:1"));
    assertEquals(ExitCodes.UNREACHABLE, balance.exitCode());
  }

  @Test
  void theNodesRefusalIsShownInGethsWords() {
    WalletCli.Run tooMuch = send("--from", "alice", "--to", RECIPIENT, "--value", "10000");
    assertEquals(ExitCodes.FAILED, tooMuch.exitCode());
    assertTrue(tooMuch.err().startsWith("error: the node refused: insufficient funds for gas * price + value"),
        tooMuch.err());
    assertEquals(1, tooMuch.err().lines().count(), tooMuch.err());
    assertEquals("", tooMuch.out(), "nothing was sent");
  }

  @Test
  void mistakesOnTheCommandLineAreUsageErrorsAndUnknownKeysNotFound() {
    assertEquals(ExitCodes.USAGE, send("--from", "alice", "--to", RECIPIENT, "--value", "abc").exitCode());
    assertEquals(ExitCodes.USAGE, send("--from", "alice", "--to", RECIPIENT, "--value", "-1").exitCode());
    assertEquals(ExitCodes.USAGE, send("--from", "alice", "--to", RECIPIENT, "--value", "0.0000000000000000001")
        .exitCode(), "19 decimals");
    assertEquals(ExitCodes.USAGE, send("--from", "alice", "--to", "0x1234", "--value", "1").exitCode());
    assertEquals(ExitCodes.USAGE, send("--from", "alice", "--to", RECIPIENT, "--value", "1", "--timeout", "0")
        .exitCode());
    WalletCli.Run unknown = send("--from", "mallory", "--to", RECIPIENT, "--value", "1");
    assertEquals(ExitCodes.NOT_FOUND, unknown.exitCode());
    assertEquals("error: no key named mallory in " + wallet.keystore() + " (luxtensor wallet list)\n", unknown.err());
  }

  private WalletCli.Run send(String... args) {
    List<String> line = new ArrayList<>(List.of(args));
    line.addAll(List.of("--rpc", rpc, "--password-file", wallet.passwordFile().toString()));
    return record(wallet.run("send", line.toArray(String[]::new)));
  }

  private WalletCli.Run balanceRun(String account, String... options) {
    List<String> line = new ArrayList<>(List.of(account, "--rpc", rpc));
    line.addAll(List.of(options));
    return record(wallet.run("balance", line.toArray(String[]::new)));
  }

  private WalletCli.Run record(WalletCli.Run run) {
    runs.add(run);
    return run;
  }

  private BigInteger balance(String address) throws Exception {
    return web3.ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
  }

  private TransactionReceipt receipt(String hash) throws Exception {
    return Receipts.await(web3, hash, RECEIPT_DEADLINE);
  }
}
