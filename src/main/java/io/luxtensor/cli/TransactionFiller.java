package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.bytes.Hex;
import io.luxtensor.types.Address;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Asks the node for what an EIP-1559 transaction needs, as MetaMask and ethers do: the chain id, the sender's pending
 * nonce, a tip and fee cap, and the gas. The result is unsigned; the key never leaves this machine.
 */
final class TransactionFiller {
  /**
   * The fee cap is twice the next block's base fee plus the tip: the base fee rises at most 12.5% a block, so the
   * transaction stays includable through about six full blocks, and only the actual base fee is ever charged.
   */
  static final BigInteger BASE_FEE_HEADROOM = BigInteger.TWO;
  /** Geth's "method not found": a node without eth_feeHistory, whose latest block's base fee is used instead. */
  private static final int METHOD_NOT_FOUND = -32601;

  private final NodeClient node;

  TransactionFiller(NodeClient node) {
    this.node = node;
  }

  /**
   * What the fees of a transaction will be.
   *
   * @param nextBaseFee the base fee of the next block, in wei per gas
   * @param tip the priority fee per gas offered to the proposer
   * @param maxFee the most paid per gas, tip included
   */
  record Fees(BigInteger nextBaseFee, BigInteger tip, BigInteger maxFee) {
    static Fees of(BigInteger nextBaseFee, BigInteger tip) {
      return new Fees(nextBaseFee, tip, nextBaseFee.multiply(BASE_FEE_HEADROOM).add(tip));
    }
  }

  long chainId() {
    return quantity(node.call("eth_chainId"), "eth_chainId").longValueExact();
  }

  /** An unsigned transfer of {@code value} from {@code from} to {@code to}, everything else filled by the node. */
  DynamicFeeTransaction transfer(long chainId, Address from, Address to, Wei value) {
    return call(chainId, from, to, value, Bytes.EMPTY);
  }

  /**
   * An unsigned call of {@code to} with {@code data} and {@code value}, everything else filled by the node.
   *
   * @throws CliException if the node's gas estimate reverts, with the node's reason: nothing can have been sent yet
   */
  DynamicFeeTransaction call(long chainId, Address from, Address to, Wei value, Bytes data) {
    long nonce = quantity(node.call("eth_getTransactionCount", from.toHex(), "pending"), "eth_getTransactionCount")
        .longValueExact();
    Fees fees = fees();
    long gas = estimateGas(from, to, value, data, fees);
    return new DynamicFeeTransaction(chainId, nonce, fees.tip(), fees.maxFee(), gas, Optional.of(to), value, data,
        List.of(), null);
  }

  Fees fees() {
    BigInteger tip = quantity(node.call("eth_maxPriorityFeePerGas"), "eth_maxPriorityFeePerGas");
    return Fees.of(nextBaseFee(), tip);
  }

  /** The last entry of eth_feeHistory's baseFeePerGas is the next block's; else the latest block's base fee. */
  private BigInteger nextBaseFee() {
    try {
      JsonNode baseFees = node.call("eth_feeHistory", "0x1", "latest", List.of()).path("baseFeePerGas");
      if (baseFees.isArray() && !baseFees.isEmpty()) {
        return quantity(baseFees.get(baseFees.size() - 1), "eth_feeHistory");
      }
    } catch (NodeClient.RpcError e) {
      if (e.code() != METHOD_NOT_FOUND) {
        throw e;
      }
    }
    return quantity(node.call("eth_getBlockByNumber", "latest", false).path("baseFeePerGas"), "eth_getBlockByNumber");
  }

  /**
   * Priced like the transaction, so a sender who cannot pay hears it now, in the node's words, and a call that would
   * revert says why before it costs a fee.
   */
  private long estimateGas(Address from, Address to, Wei value, Bytes data, Fees fees) {
    ObjectNode call = callObject(from, to, value, data);
    call.put("maxFeePerGas", Hex.encodeQuantity(fees.maxFee()));
    call.put("maxPriorityFeePerGas", Hex.encodeQuantity(fees.tip()));
    try {
      return quantity(node.call("eth_estimateGas", call), "eth_estimateGas").longValueExact();
    } catch (NodeClient.RpcError e) {
      if (e.isRevert()) {
        throw new CliException(ExitCodes.FAILED, e.getMessage() + "; nothing was sent");
      }
      throw e;
    }
  }

  /** The call object of eth_call and eth_estimateGas for a transaction from {@code from}. */
  static ObjectNode callObject(Address from, Address to, Wei value, Bytes data) {
    ObjectNode call = JsonNodeFactory.instance.objectNode();
    call.put("from", from.toHex());
    call.put("to", to.toHex());
    call.put("value", Hex.encodeQuantity(value.value()));
    if (data.length() > 0) {
      call.put("data", data.toHex());
    }
    return call;
  }

  /** The quantity {@code method} answered; anything else is a failure naming the method. */
  static BigInteger quantity(JsonNode result, String method) {
    if (result == null || !result.isTextual()) {
      throw new CliException(ExitCodes.FAILED, method + " answered " + result + ", not a quantity");
    }
    return Hex.decodeQuantity(result.textValue());
  }
}
