package io.luxtensor.api.jsonrpc;

import io.luxtensor.api.ActiveValidators;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.CallSimulator;
import io.luxtensor.api.NetworkStatus;
import io.luxtensor.api.PendingTransactions;
import io.luxtensor.api.filter.FilterManager;
import io.luxtensor.api.jsonrpc.ai.LuxGetAllWeights;
import io.luxtensor.api.jsonrpc.ai.LuxGetEmissions;
import io.luxtensor.api.jsonrpc.ai.LuxGetMetagraph;
import io.luxtensor.api.jsonrpc.ai.LuxGetNeuron;
import io.luxtensor.api.jsonrpc.ai.LuxGetNeuronCount;
import io.luxtensor.api.jsonrpc.ai.LuxGetNeurons;
import io.luxtensor.api.jsonrpc.ai.LuxGetSubnet;
import io.luxtensor.api.jsonrpc.ai.LuxGetSubnetCount;
import io.luxtensor.api.jsonrpc.ai.LuxGetTask;
import io.luxtensor.api.jsonrpc.ai.LuxGetSubnetInfo;
import io.luxtensor.api.jsonrpc.ai.LuxGetValidatorStatus;
import io.luxtensor.api.jsonrpc.ai.LuxGetWeights;
import io.luxtensor.api.jsonrpc.ai.LuxListSubnets;
import io.luxtensor.api.jsonrpc.ai.LuxListTasks;
import io.luxtensor.api.jsonrpc.ai.MtGetAIResult;
import io.luxtensor.api.jsonrpc.ai.MtSubmitAITask;
import io.luxtensor.api.jsonrpc.eth.EthAccounts;
import io.luxtensor.api.jsonrpc.eth.EthBlockNumber;
import io.luxtensor.api.jsonrpc.eth.EthCall;
import io.luxtensor.api.jsonrpc.eth.EthChainId;
import io.luxtensor.api.jsonrpc.eth.EthCreateAccessList;
import io.luxtensor.api.jsonrpc.eth.EthEstimateGas;
import io.luxtensor.api.jsonrpc.eth.EthFeeHistory;
import io.luxtensor.api.jsonrpc.eth.EthGasPrice;
import io.luxtensor.api.jsonrpc.eth.EthGetBalance;
import io.luxtensor.api.jsonrpc.eth.EthGetBlockByHash;
import io.luxtensor.api.jsonrpc.eth.EthGetBlockByNumber;
import io.luxtensor.api.jsonrpc.eth.EthGetBlockReceipts;
import io.luxtensor.api.jsonrpc.eth.EthGetBlockTransactionCountByHash;
import io.luxtensor.api.jsonrpc.eth.EthGetBlockTransactionCountByNumber;
import io.luxtensor.api.jsonrpc.eth.EthGetCode;
import io.luxtensor.api.jsonrpc.eth.EthGetFilterChanges;
import io.luxtensor.api.jsonrpc.eth.EthGetFilterLogs;
import io.luxtensor.api.jsonrpc.eth.EthGetLogs;
import io.luxtensor.api.jsonrpc.eth.EthGetProof;
import io.luxtensor.api.jsonrpc.eth.EthGetStorageAt;
import io.luxtensor.api.jsonrpc.eth.EthGetTransactionByBlockHashAndIndex;
import io.luxtensor.api.jsonrpc.eth.EthGetTransactionByBlockNumberAndIndex;
import io.luxtensor.api.jsonrpc.eth.EthGetTransactionByHash;
import io.luxtensor.api.jsonrpc.eth.EthGetTransactionCount;
import io.luxtensor.api.jsonrpc.eth.EthGetTransactionReceipt;
import io.luxtensor.api.jsonrpc.eth.EthGetUncleCountByBlockHash;
import io.luxtensor.api.jsonrpc.eth.EthGetUncleCountByBlockNumber;
import io.luxtensor.api.jsonrpc.eth.EthMaxPriorityFeePerGas;
import io.luxtensor.api.jsonrpc.eth.EthNewBlockFilter;
import io.luxtensor.api.jsonrpc.eth.EthNewFilter;
import io.luxtensor.api.jsonrpc.eth.EthNewPendingTransactionFilter;
import io.luxtensor.api.jsonrpc.eth.EthSendRawTransaction;
import io.luxtensor.api.jsonrpc.eth.EthSyncing;
import io.luxtensor.api.jsonrpc.eth.EthUninstallFilter;
import io.luxtensor.api.jsonrpc.eth.GasPriceOracle;
import io.luxtensor.api.jsonrpc.lux.LuxGetEpochInfo;
import io.luxtensor.api.jsonrpc.lux.LuxGetValidator;
import io.luxtensor.api.jsonrpc.lux.LuxGetValidators;
import io.luxtensor.api.jsonrpc.net.NetListening;
import io.luxtensor.api.jsonrpc.net.NetPeerCount;
import io.luxtensor.api.jsonrpc.net.NetVersion;
import io.luxtensor.api.jsonrpc.rpc.RpcDiscover;
import io.luxtensor.api.jsonrpc.txpool.TxPoolContent;
import io.luxtensor.api.jsonrpc.txpool.TxPoolInspect;
import io.luxtensor.api.jsonrpc.txpool.TxPoolStatus;
import io.luxtensor.api.jsonrpc.web3.Web3ClientVersion;
import io.luxtensor.api.jsonrpc.web3.Web3Sha3;
import io.luxtensor.chain.ChainParameters;
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
   * @param filters the installed filters (eth_newFilter and the rest)
   * @param limits log query and filter limits
   * @param validators the active validators (lux_getValidators)
   * @param parameters the chain's rules: slots and epochs (lux_getEpochInfo)
   */
  public record Context(BlockchainQueries chain, PendingTransactions pool, CallSimulator simulator,
      StatelessTransactionValidator validator, BigInteger minBaseFee, String version, FilterManager filters,
      JsonRpcLimits limits, ActiveValidators validators, ChainParameters parameters, NetworkStatus network) {}

  private JsonRpcMethods() {}

  public static List<JsonRpcMethod> create(Context c) {
    GasPriceOracle oracle = new GasPriceOracle(c.chain());
    MtSubmitAITask submitTask = new MtSubmitAITask(c.validator(), c.pool());
    MtGetAIResult getResult = new MtGetAIResult(c.chain());
    return List.of(
        new EthAccounts(),
        new EthBlockNumber(c.chain()),
        new EthCall(c.chain(), c.simulator()),
        new EthChainId(c.chain()),
        new EthCreateAccessList(c.chain(), c.simulator()),
        new EthEstimateGas(c.chain(), c.simulator()),
        new EthFeeHistory(c.chain(), c.minBaseFee()),
        new EthGasPrice(c.chain(), oracle, c.minBaseFee()),
        new EthGetBalance(c.chain()),
        new EthGetBlockByHash(c.chain()),
        new EthGetBlockByNumber(c.chain()),
        new EthGetBlockReceipts(c.chain()),
        new EthGetBlockTransactionCountByHash(c.chain()),
        new EthGetBlockTransactionCountByNumber(c.chain()),
        new EthGetCode(c.chain()),
        new EthGetFilterChanges(c.filters()),
        new EthGetFilterLogs(c.chain(), c.filters(), c.limits()),
        new EthGetLogs(c.chain(), c.limits()),
        new EthGetProof(c.chain()),
        new EthGetStorageAt(c.chain()),
        new EthGetTransactionByBlockHashAndIndex(c.chain()),
        new EthGetTransactionByBlockNumberAndIndex(c.chain()),
        new EthGetTransactionByHash(c.chain(), c.pool()),
        new EthGetTransactionCount(c.chain(), c.pool()),
        new EthGetTransactionReceipt(c.chain()),
        new EthGetUncleCountByBlockHash(c.chain()),
        new EthGetUncleCountByBlockNumber(c.chain()),
        new EthMaxPriorityFeePerGas(oracle),
        new EthNewBlockFilter(c.filters()),
        new EthNewFilter(c.filters()),
        new EthNewPendingTransactionFilter(c.filters()),
        new EthSendRawTransaction(c.validator(), c.pool()),
        new EthSyncing(c.network()),
        new EthUninstallFilter(c.filters()),
        new JsonRpcAlias("lux_getAIResult", getResult),
        new JsonRpcAlias("lux_submitAITask", submitTask),
        new LuxGetAllWeights(c.chain()),
        new LuxGetEmissions(c.chain()),
        new LuxGetEpochInfo(c.chain(), c.parameters(), c.validators()),
        new LuxGetMetagraph(c.chain()),
        new LuxGetNeuron(c.chain()),
        new LuxGetNeuronCount(c.chain()),
        new LuxGetNeurons(c.chain()),
        new LuxGetSubnet(c.chain()),
        new LuxGetSubnetCount(c.chain()),
        new LuxGetTask(c.chain()),
        new LuxGetSubnetInfo(c.chain()),
        new LuxGetValidator(c.chain(), c.validators()),
        new LuxGetValidatorStatus(c.chain()),
        new LuxGetValidators(c.chain(), c.validators()),
        new LuxGetWeights(c.chain()),
        new LuxListSubnets(c.chain()),
        new LuxListTasks(c.chain()),
        getResult,
        submitTask,
        new NetListening(c.network()),
        new NetPeerCount(c.network()),
        new NetVersion(c.chain()),
        new RpcDiscover(),
        new TxPoolContent(c.pool()),
        new TxPoolInspect(c.pool()),
        new TxPoolStatus(c.pool()),
        new Web3ClientVersion(c.version()),
        new Web3Sha3());
  }
}
