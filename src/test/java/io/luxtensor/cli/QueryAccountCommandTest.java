package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.chain.DevChain;
import io.luxtensor.testing.DevNodeClient;
import io.luxtensor.types.Address;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;

/** {@code luxtensor query account}: balance, nonce and code size at the head or a given block. */
class QueryAccountCommandTest {
  private static QueryTestChain chain;
  private static String sender;

  @BeforeAll
  static void startChain() throws Exception {
    chain = QueryTestChain.start();
    sender = chain.client.account(0).getAddress();
  }

  @AfterAll
  static void stopChain() {
    chain.close();
  }

  @Test
  void theSendersBalanceAndNonceAreJsonRpcs() throws Exception {
    CommandRun run = chain.query("query", "account", sender);
    assertEquals(ExitCodes.OK, run.exitCode(), run.printed());

    var web3 = chain.client.web3();
    BigInteger balance = web3.ethGetBalance(sender, DefaultBlockParameterName.LATEST).send().getBalance();
    BigInteger nonce = web3.ethGetTransactionCount(sender, DefaultBlockParameterName.LATEST).send()
        .getTransactionCount();
    Map<String, String> shown = run.keyValues();
    assertEquals(Address.fromHex(sender).toChecksumHex(), shown.get("address"));
    assertEquals(Wei.of(balance).toLuxString() + " LUX", shown.get("balance"));
    assertTrue(balance.compareTo(DevChain.BALANCE_DEFAULT.value().subtract(QueryTestChain.TRANSFER_WEI)) < 0,
        "1.5 LUX and the fee left");
    assertEquals(nonce.toString(), shown.get("nonce"));
    assertEquals("1", shown.get("nonce"));
    assertEquals("0 bytes", shown.get("code"));
    assertEquals(chain.pingBlock.block().header().number() + " (" + chain.pingBlock.block().hash().toHex() + ")",
        shown.get("block"), "read at the head");

    assertEquals(balance + " wei", chain.query("query", "account", sender, "--wei").keyValues().get("balance"));
    assertEquals("1.5 LUX", chain.query("query", "account", QueryTestChain.RECIPIENT).keyValues().get("balance"));
  }

  @Test
  void blockReadsTheAccountAsItWasThen() {
    Map<String, String> atGenesis = chain.query("query", "account", sender, "--block", "earliest").keyValues();
    assertEquals(DevChain.BALANCE_DEFAULT.toLuxString() + " LUX", atGenesis.get("balance"));
    assertEquals("0", atGenesis.get("nonce"));
    assertTrue(atGenesis.get("block").startsWith("0 (0x"), atGenesis.toString());

    String hash = chain.transferBlock.block().hash().toHex();
    Map<String, String> byHash = chain.query("query", "account", QueryTestChain.RECIPIENT, "--block", hash)
        .keyValues();
    assertEquals("1.5 LUX", byHash.get("balance"));
    assertEquals(chain.transferBlock.block().header().number() + " (" + hash + ")", byHash.get("block"));
  }

  @Test
  void jsonHasTheDocumentedShapeWithTheNodesQuantities() {
    CommandRun run = chain.query("query", "account", sender, "--json");
    assertEquals(ExitCodes.OK, run.exitCode(), run.printed());
    JsonNode account = QueryTestChain.json(run);
    JsonNode head = chain.rpc("eth_getBlockByNumber", "[\"latest\",false]");
    assertEquals(sender.toLowerCase(), account.get("address").asText());
    assertEquals(head.get("number"), account.get("block").get("number"));
    assertEquals(head.get("hash"), account.get("block").get("hash"));
    assertEquals(chain.rpc("eth_getBalance", "[\"" + sender + "\",\"latest\"]"), account.get("balance"));
    assertEquals(chain.rpc("eth_getTransactionCount", "[\"" + sender + "\",\"latest\"]"), account.get("nonce"));
    assertEquals("0x0", account.get("codeSize").asText());
    assertEquals(5, account.size(), "address, block, balance, nonce, codeSize: " + account);
  }

  @Test
  void anUnknownBlockIsNotFound() {
    CommandRun run = chain.query("query", "account", sender, "--block", "1000");
    assertEquals(ExitCodes.NOT_FOUND, run.exitCode(), run.printed());
    assertEquals("error: block 1000 not found\n", run.err());
  }

  @Test
  void aMalformedAddressOrChecksumIsAUsageError() {
    CommandRun tooShort = chain.query("query", "account", "0x1234");
    assertEquals(ExitCodes.USAGE, tooShort.exitCode(), tooShort.printed());
    assertEquals("error: not an address: 0x1234 (expected 0x and 40 hex digits)\n", tooShort.err());

    String checksummed = Address.fromHex(DevNodeClient.CHAIN_INFO).toChecksumHex();
    assertEquals(ExitCodes.OK, chain.query("query", "account", checksummed).exitCode());
    String typo = flipCaseOfFirstLetter(Address.fromHex(sender).toChecksumHex());
    CommandRun badChecksum = chain.query("query", "account", typo);
    assertEquals(ExitCodes.USAGE, badChecksum.exitCode(), badChecksum.printed());
    assertTrue(badChecksum.err().startsWith("error: not an address: " + typo + " (mixed case must be a valid EIP-55"),
        badChecksum.err());

    CommandRun badBlock = chain.query("query", "account", sender, "--block", "yesterday");
    assertEquals(ExitCodes.USAGE, badBlock.exitCode(), badBlock.printed());
  }

  private static String flipCaseOfFirstLetter(String address) {
    for (int i = 2; i < address.length(); i++) {
      char c = address.charAt(i);
      if (Character.isLetter(c)) {
        char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
        return address.substring(0, i) + flipped + address.substring(i + 1);
      }
    }
    throw new AssertionError("no letter in " + address);
  }
}
