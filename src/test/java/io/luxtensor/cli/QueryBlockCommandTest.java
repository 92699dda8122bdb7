package io.luxtensor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.chain.DevChain;
import io.luxtensor.types.Address;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;

/** {@code luxtensor query block} against a dev node with a transfer in block 1 and a ping in block 2. */
class QueryBlockCommandTest {
  private static QueryTestChain chain;

  @BeforeAll
  static void startChain() throws Exception {
    chain = QueryTestChain.start();
  }

  @AfterAll
  static void stopChain() {
    chain.close();
  }

  @Test
  void theTableShowsTheBlockAsJsonRpcDescribesIt() throws Exception {
    long number = chain.pingBlock.block().header().number();
    CommandRun run = chain.query("query", "block", String.valueOf(number));
    assertEquals(ExitCodes.OK, run.exitCode(), run.printed());

    EthBlock.Block expected = chain.client.web3()
        .ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false).send().getBlock();
    Map<String, String> shown = run.keyValues();
    assertEquals(String.valueOf(number), shown.get("number"));
    assertEquals(expected.getHash(), shown.get("hash"));
    assertEquals(expected.getParentHash(), shown.get("parent hash"));
    long seconds = expected.getTimestamp().longValueExact();
    assertEquals(seconds + " (" + Instant.ofEpochSecond(seconds) + ")", shown.get("timestamp"));
    assertEquals(DevChain.validatorKeys().address().toChecksumHex(), shown.get("proposer"), "EIP-55, as wallets show");
    assertEquals(expected.getMiner(), shown.get("proposer").toLowerCase());
    assertEquals("1", shown.get("transactions"));
    assertEquals(expected.getGasUsed() + " of " + expected.getGasLimit(), shown.get("gas used"));
    JsonNode raw = chain.rpc("eth_getBlockByNumber", "[\"" + expected.getNumberRaw() + "\",false]");
    assertEquals(String.valueOf(Long.decode(raw.get("slot").asText())), shown.get("slot"));
    assertEquals("slot " + Long.decode(raw.get("finalized").get("slot").asText()) + ", block "
        + raw.get("finalized").get("blockHash").asText(), shown.get("finalized"));
    assertTrue(run.out().contains("\n#  transaction\n0  " + chain.pingHash + "\n"), run.printed());
  }

  @Test
  void fullListsSenderRecipientAndValueInLuxOrWithWeiInWei() {
    String number = String.valueOf(chain.transferBlock.block().header().number());
    CommandRun lux = chain.query("query", "block", number, "--full");
    assertEquals(ExitCodes.OK, lux.exitCode(), lux.printed());
    List<String> table = lux.out().lines().dropWhile(l -> !l.startsWith("#")).toList();
    assertEquals(List.of("#", "transaction", "from", "to", "value"), List.of(table.get(0).split(" {2,}")));
    assertEquals(List.of("0", chain.transferHash, checksummed(chain.client.account(0).getAddress()),
        checksummed(QueryTestChain.RECIPIENT), "1.5 LUX"), List.of(table.get(1).split(" {2,}")));

    CommandRun wei = chain.query("query", "block", number, "--full", "--wei");
    assertTrue(wei.out().contains("  1500000000000000000 wei\n"), wei.printed());
    assertTrue(wei.keyValues().get("base fee").endsWith(" wei"), wei.printed());
  }

  @Test
  void jsonIsTheNodesAnswerForNumbersHashesAndTags() {
    String number = String.valueOf(chain.pingBlock.block().header().number());
    String hash = chain.pingBlock.block().hash().toHex();
    assertEquals(chain.rpc("eth_getBlockByNumber", "[\"0x" + Long.toHexString(Long.parseLong(number)) + "\",false]"),
        json("block", number, "--json"));
    assertEquals(chain.rpc("eth_getBlockByHash", "[\"" + hash + "\",true]"), json("block", hash, "--full", "--json"));
    assertEquals(chain.rpc("eth_getBlockByNumber", "[\"0x2\",false]"), json("block", "0x2", "--json"));
    for (String tag : List.of("latest", "earliest", "safe", "finalized")) {
      assertEquals(chain.rpc("eth_getBlockByNumber", "[\"" + tag + "\",false]"), json("block", tag, "--json"), tag);
    }
    assertEquals(chain.rpc("eth_getBlockByNumber", "[\"latest\",false]"), json("block", "--json"), "the default");
  }

  @Test
  void anUnknownBlockIsNotFound() {
    CommandRun byNumber = chain.query("query", "block", "1000");
    assertEquals(ExitCodes.NOT_FOUND, byNumber.exitCode(), byNumber.printed());
    assertEquals("error: block 1000 not found\n", byNumber.err());
    assertEquals("", byNumber.out());

    String unknownHash = "0x" + "ab".repeat(32);
    CommandRun byHash = chain.query("query", "block", unknownHash, "--json");
    assertEquals(ExitCodes.NOT_FOUND, byHash.exitCode(), byHash.printed());
    assertEquals("error: block " + unknownHash + " not found\n", byHash.err());
    assertEquals("", byHash.out(), "nothing on stdout for a script to mistake for an answer");
  }

  @Test
  void aMalformedBlockIsAUsageErrorNamingWhatABlockMayBe() {
    for (String malformed : List.of("12x", "-1", "0x", "pending", "0x" + "a".repeat(63), "0x" + "g".repeat(64))) {
      CommandRun run = chain.query("query", "block", malformed);
      assertEquals(ExitCodes.USAGE, run.exitCode(), malformed + ": " + run.printed());
      assertTrue(run.err().startsWith("error: not a block"), run.printed());
      assertEquals(1, run.err().lines().count(), "one line: " + run.err());
    }
    CommandRun tooLarge = chain.query("query", "block", "99999999999999999999");
    assertEquals(ExitCodes.USAGE, tooLarge.exitCode(), tooLarge.printed());
    assertEquals("error: block number out of range: 99999999999999999999 (at most 9223372036854775807)\n",
        tooLarge.err());
  }

  private static String checksummed(String address) {
    return Address.fromHex(address).toChecksumHex();
  }

  private static JsonNode json(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "query";
    System.arraycopy(args, 0, command, 1, args.length);
    CommandRun run = chain.query(command);
    assertEquals(ExitCodes.OK, run.exitCode(), run.printed());
    return QueryTestChain.json(run);
  }
}
