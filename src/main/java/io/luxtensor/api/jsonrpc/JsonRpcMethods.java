package io.luxtensor.api.jsonrpc;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.CallSimulator;
import io.luxtensor.api.PendingTransactions;
import io.luxtensor.api.jsonrpc.eth.EthAccounts;
import io.luxtensor.api.jsonrpc.eth.EthBlockNumber;
import io.luxtensor.api.jsonrpc.eth.EthCall;
import io.luxtensor.api.jsonrpc.eth.EthChainId;
import io.luxtensor.api.jsonrpc.eth.EthEstimateGas;
import io.luxtensor.api.jsonrpc.eth.EthFeeHistory;
import io.luxtensor.api.jsonrpc.eth.EthGasPrice;
import io.luxtensor.api.jsonrpc.eth.EthGetBalance;
import io.luxtensor.api.jsonrpc.eth.EthGetBlockByHash;
import io.luxtensor.api.jsonrpc.eth.EthGetBlockByNumber;
import io.luxtensor.api.jsonrpc.eth.EthGetCode;
import io.luxtensor.api.jsonrpc.eth.EthGetStorageAt;
import io.luxtensor.api.jsonrpc.eth.EthGetTransactionByHash;
import io.luxtensor.api.jsonrpc.eth.EthGetTransactionCount;
import io.luxtensor.api.jsonrpc.eth.EthGetTransactionReceipt;
import io.luxtensor.api.jsonrpc.eth.EthMaxPriorityFeePerGas;
import io.luxtensor.api.jsonrpc.eth.EthSendRawTransaction;
import io.luxtensor.api.jsonrpc.eth.EthSyncing;
import io.luxtensor.api.jsonrpc.eth.GasPriceOracle;
import io.luxtensor.api.jsonrpc.net.NetVersion;
import io.luxtensor.api.jsonrpc.web3.Web3ClientVersion;
import io.luxtensor.execution.StatelessTransactionValidator;
import java.math.BigInteger;
import java.util.List;

/** Every JSON-RPC method the node serves, created in one place; openrpc/openrpc.json lists the same names. */
public final class JsonRpcMethods {

  /**
   * What the methods need from the node.
   *
   * @param chain reads of the chain
   * @param pool the transaction pool
   * @param simulator eth_call and eth_estimateGas
   * @param validator stateless transaction checks (chain id, signature, policy on unprotected transactions)
   * @param minBaseFee the chain's base fee floor
   * @param version the node's version
   */
  public record Context(BlockchainQueries chain, PendingTransactions pool, CallSimulator simulator,
      StatelessTransactionValidator validator, BigInteger minBaseFee, String version) {}

  private JsonRpcMethods() {}

  public static List<JsonRpcMethod> create(Context c) {
    GasPriceOracle oracle = new GasPriceOracle(c.chain());
    return List.of(
        new EthAccounts(),
        new EthBlockNumber(c.chain()),
        new EthCall(c.chain(), c.simulator()),
        new EthChainId(c.chain()),
        new EthEstimateGas(c.chain(), c.simulator()),
        new EthFeeHistory(c.chain(), c.minBaseFee()),
        new EthGasPrice(c.chain(), oracle, c.minBaseFee()),
        new EthGetBalance(c.chain()),
        new EthGetBlockByHash(c.chain()),
        new EthGetBlockByNumber(c.chain()),
        new EthGetCode(c.chain()),
        new EthGetStorageAt(c.chain()),
        new EthGetTransactionByHash(c.chain(), c.pool()),
        new EthGetTransactionCount(c.chain(), c.pool()),
        new EthGetTransactionReceipt(c.chain()),
        new EthMaxPriorityFeePerGas(oracle),
        new EthSendRawTransaction(c.validator(), c.pool()),
        new EthSyncing(),
        new NetVersion(c.chain()),
        new Web3ClientVersion(c.version()));
  }
}
