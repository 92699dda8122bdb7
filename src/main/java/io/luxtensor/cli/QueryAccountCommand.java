package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.types.Address;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code luxtensor query account}: an account's balance, nonce and code size, all read at one block. */
@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description = {"Show an account: balance, nonce (transactions sent) and code size, read at one block (the head "
        + "unless --block).",
        "An account that never received anything is not an error: its balance and nonce are 0.",
        "--json prints {\"address\", \"block\": {\"number\", \"hash\"}, \"balance\", \"nonce\", \"codeSize\"}, "
            + "quantities as the node writes them (0x hex; balance in wei)."},
    footer = {"", "Examples:",
        "  luxtensor query account 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
        "  luxtensor query account \"$ADDRESS\" --wei --block finalized",
        "  luxtensor query account \"$ADDRESS\" --json | jq -r .balance",
        "", "Exit codes: 0 found, 1 --block not found, 2 malformed ADDRESS or BLOCK, 3 node unreachable, "
            + "4 other failures."})
final class QueryAccountCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "ADDRESS",
      description = "0x and 40 hex digits; in mixed case it must carry a valid EIP-55 checksum.")
  String address;

  @Option(names = "--block", paramLabel = "BLOCK", defaultValue = "latest",
      description = "Read the account at this block: a number, a hash, or latest, earliest, safe, finalized "
          + "(default: ${DEFAULT-VALUE}).")
  String block;

  @Mixin
  RpcOptions rpc;

  @Mixin
  QueryOutput output;

  @Mixin
  AmountUnits units;

  @Override
  public Integer call() {
    Address account = QueryArguments.address(address);
    BlockSelector selector = BlockSelector.parse(block);
    NodeClient node = rpc.client();
    JsonNode at = selector.fetch(node, false).orElseThrow(() -> CliException.notFound(selector.notFound()));
    // EIP-1898: the one block just resolved, by hash, so that a new head between the calls cannot mix two states.
    ObjectNode atBlock = JsonNodeFactory.instance.objectNode().put("blockHash", NodeAnswers.text(at, "hash"));
    ObjectNode state = JsonNodeFactory.instance.objectNode();
    state.set("balance", node.call("eth_getBalance", account.toHex(), atBlock));
    state.set("nonce", node.call("eth_getTransactionCount", account.toHex(), atBlock));
    state.set("code", node.call("eth_getCode", account.toHex(), atBlock));
    BigInteger balance = NodeAnswers.quantity(state, "balance");
    long nonce = NodeAnswers.number(state, "nonce");
    int codeSize = (NodeAnswers.text(state, "code").length() - 2) / 2;
    if (output.json) {
      ObjectNode answer = JsonNodeFactory.instance.objectNode().put("address", account.toHex());
      answer.putObject("block").put("number", NodeAnswers.text(at, "number")).put("hash", NodeAnswers.text(at, "hash"));
      answer.put("balance", Hex.encodeQuantity(balance))
          .put("nonce", Hex.encodeQuantity(nonce))
          .put("codeSize", Hex.encodeQuantity(codeSize));
      output.printJson(answer);
    } else {
      new KeyValues()
          .add("address", account.toChecksumHex())
          .add("balance", units.amount(balance))
          .add("nonce", String.valueOf(nonce))
          .add("code", codeSize + " bytes")
          .add("block", NodeAnswers.number(at, "number") + " (" + NodeAnswers.text(at, "hash") + ")")
          .printTo(output.terminal());
    }
    return ExitCodes.OK;
  }
}
