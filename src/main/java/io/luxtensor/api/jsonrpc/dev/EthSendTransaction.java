package io.luxtensor.api.jsonrpc.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.CallSimulator;
import io.luxtensor.api.PendingTransactions;
import io.luxtensor.api.jsonrpc.JsonRpcError;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.TransactionSubmission;
import io.luxtensor.api.jsonrpc.eth.GasPriceOracle;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.bytes.Hex;
import io.luxtensor.execution.FeeMarket;
import io.luxtensor.execution.Message;
import io.luxtensor.execution.TransactionResult;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.IntrinsicGas;
import io.luxtensor.types.LegacyTransaction;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code eth_sendTransaction(tx)} on a dev node: fills what the caller left out (nonce after the sender's pending
 * ones, gas by simulation, fees from the oracle: maxFeePerGas = 2 × next base fee + tip, as ethers does), signs with
 * the dev key of {@code from}, and submits. With {@code gasPrice} it sends an EIP-155 legacy transaction.
 */
public final class EthSendTransaction implements JsonRpcMethod {
  private final DevKeys keys;
  private final BlockchainQueries chain;
  private final PendingTransactions pool;
  private final CallSimulator simulator;
  private final GasPriceOracle oracle;
  private final BigInteger minBaseFee;

  public EthSendTransaction(DevKeys keys, BlockchainQueries chain, PendingTransactions pool, CallSimulator simulator,
      BigInteger minBaseFee) {
    this.keys = keys;
    this.chain = chain;
    this.pool = pool;
    this.simulator = simulator;
    this.oracle = new GasPriceOracle(chain);
    this.minBaseFee = minBaseFee;
  }

  @Override
  public String name() {
    return "eth_sendTransaction";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    ObjectNode call = params.object(0, "transaction");
    Address from = address(call, "from").orElseThrow(() -> field("from", "required"));
    Address to = address(call, "to").orElseThrow(() -> new JsonRpcException(JsonRpcError.SERVER_ERROR,
        "contract creation is not supported: LuxTensor has no general EVM yet"));
    Wei value = Wei.of(quantity(call, "value").orElse(BigInteger.ZERO));
    JsonNode input = call.has("input") ? call.get("input") : call.get("data");
    Bytes data = input == null || input.isNull() ? Bytes.EMPTY : Bytes.of(bytes(input, "input"));
    long nonce = quantity(call, "nonce").map(BigInteger::longValueExact).orElseGet(() -> pool.nextNonce(from));
    BlockHeader head = chain.latest();
    BigInteger baseFee = FeeMarket.nextBaseFee(head.gasUsed(), head.gasLimit(), head.baseFeePerGas(), minBaseFee);
    long gas = quantity(call, "gas").map(BigInteger::longValueExact)
        .orElseGet(() -> estimate(from, to, value, data, head));
    Transaction unsigned;
    Optional<BigInteger> gasPrice = quantity(call, "gasPrice");
    if (gasPrice.isPresent()) {
      unsigned = new LegacyTransaction(OptionalLong.of(chain.chainId()), nonce, gasPrice.get(), gas, Optional.of(to),
          value, data, null);
    } else {
      BigInteger tip = quantity(call, "maxPriorityFeePerGas").orElseGet(oracle::suggestedTip);
      BigInteger maxFee = quantity(call, "maxFeePerGas").orElse(baseFee.multiply(BigInteger.TWO).add(tip));
      unsigned = new DynamicFeeTransaction(chain.chainId(), nonce, tip, maxFee, gas, Optional.of(to), value, data,
          List.of(), null);
    }
    Transaction signed = unsigned.sign(keys.keyOf(from));
    return TransactionSubmission.submit(pool, new RecoveredTransaction(signed, from)).toHex();
  }

  /** The gas the call uses when simulated; intrinsic gas if it would fail (the submission then says why). */
  private long estimate(Address from, Address to, Wei value, Bytes data, BlockHeader head) {
    long intrinsic = IntrinsicGas.of(true, data, List.of());
    Message message = new Message(from, 0, Optional.of(to), value, data, head.gasLimit(), BigInteger.ZERO,
        BigInteger.ZERO, true, false, intrinsic);
    return simulator.simulate(message, head, false) instanceof TransactionResult.Executed executed
        ? executed.gasUsed() : intrinsic;
  }

  private static Optional<Address> address(ObjectNode call, String field) throws JsonRpcException {
    JsonNode node = call.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Address.fromHex(node.asText()));
    } catch (IllegalArgumentException e) {
      throw field(field, e.getMessage());
    }
  }

  private static Optional<BigInteger> quantity(ObjectNode call, String field) throws JsonRpcException {
    JsonNode node = call.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Hex.decodeQuantity(node.asText()));
    } catch (IllegalArgumentException e) {
      throw field(field, e.getMessage());
    }
  }

  private static byte[] bytes(JsonNode node, String field) throws JsonRpcException {
    try {
      return Hex.decodePrefixed(node.asText());
    } catch (IllegalArgumentException e) {
      throw field(field, e.getMessage());
    }
  }

  private static JsonRpcException field(String field, String problem) {
    return JsonRpcException.invalidParams("invalid argument 0 (transaction." + field + "): " + problem);
  }
}
