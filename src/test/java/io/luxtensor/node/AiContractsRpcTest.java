package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.chain.DevChain;
import io.luxtensor.execution.system.NeuronsContract;
import io.luxtensor.execution.system.StakeContract;
import io.luxtensor.execution.system.SubnetRegistryContract;
import io.luxtensor.testing.Receipts;
import io.luxtensor.testing.TestNodes;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/**
 * The subnet registry, neurons and stake contracts driven by web3j against a dev node over HTTP, as a dApp would:
 * their ABI encodes the calls, a rule broken answers with its reason through eth_call and eth_estimateGas and ends in a failed receipt as a
 * transaction, and a registration lands with its event.
 */
class AiContractsRpcTest {
  private static final Duration RECEIPT_DEADLINE = Duration.ofSeconds(10);
  private static final String REGISTRY = SubnetRegistryContract.ADDRESS.toHex();
  private static final String NEURONS = NeuronsContract.ADDRESS.toHex();
  private static final String STAKE = StakeContract.ADDRESS.toHex();
  private final LuxtensorNode node = TestNodes.devNode();
  private final Web3j web3 = Web3j.build(new HttpService("http://127.0.0.1:" + node.rpcPort()));
  private final Credentials alice = Credentials.create(Numeric.toHexStringNoPrefix(
      DevChain.accounts(1).getFirst().key().toBytes()));

  @AfterEach
  void stop() {
    web3.shutdown();
    node.close();
  }

  @Test
  void aRegistrationShortOfTheLockIsRefusedWithItsReasonAndAnAdequateOneLands() throws Exception {
    String register = FunctionEncoder.encode(new Function("registerSubnet",
        List.of(new Utf8String("vision"), new DynamicArray<>(Uint256.class, List.of())), List.of()));
    String reason = "SubnetRegistry: registering a subnet locks 100 LUX; the call sent 1 LUX";

    EthCall call = web3.ethCall(Transaction.createFunctionCallTransaction(alice.getAddress(), null, null, null,
        REGISTRY, Convert.toWei("1", Convert.Unit.ETHER).toBigInteger(), register),
        DefaultBlockParameterName.LATEST).send();
    assertTrue(call.isReverted(), call.getRawResponse());
    assertEquals("execution reverted: " + reason, call.getError().getMessage());
    var estimate = web3.ethEstimateGas(Transaction.createFunctionCallTransaction(alice.getAddress(), null, null,
        null, REGISTRY, Convert.toWei("1", Convert.Unit.ETHER).toBigInteger(), register)).send();
    assertEquals("execution reverted: " + reason, estimate.getError().getMessage());

    TransactionReceipt failed = receipt(send(BigInteger.ZERO, Convert.toWei("1", Convert.Unit.ETHER), register));
    assertEquals("0x0", failed.getStatus(), "a transaction breaking the rule is included, and fails");
    TransactionReceipt landed = receipt(send(BigInteger.ONE, Convert.toWei("100", Convert.Unit.ETHER), register));
    assertEquals("0x1", landed.getStatus());
    assertEquals(1, landed.getLogs().size());
    assertEquals(Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(alice.getAddress()), 64),
        landed.getLogs().getFirst().getTopics().get(1), "the owner is the indexed topic");
    // The node stores receipts without their bloom and computes it again from the logs: it must be the block's.
    String blockBloom = web3.ethGetBlockByHash(landed.getBlockHash(), false).send().getBlock().getLogsBloom();
    assertEquals(blockBloom, landed.getLogsBloom());
    assertTrue(Numeric.toBigInt(landed.getLogsBloom()).signum() > 0, "a receipt with a log has a bloom");

    Function subnet = new Function("subnet", List.of(new Uint16(0)), List.of(new TypeReference<Address>() {},
        new TypeReference<Utf8String>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint64>() {}));
    String answer = web3.ethCall(Transaction.createEthCallTransaction(alice.getAddress(), REGISTRY,
        FunctionEncoder.encode(subnet)), DefaultBlockParameterName.LATEST).send().getValue();
    List<Type> fields = FunctionReturnDecoder.decode(answer, subnet.getOutputParameters());
    assertEquals(alice.getAddress(), fields.get(0).getValue());
    assertEquals("vision", fields.get(1).getValue());
    assertEquals(Convert.toWei("100", Convert.Unit.ETHER).toBigInteger(), fields.get(2).getValue());
  }

  @Test
  void aColdkeyRegistersAHotkeyOnTheNewSubnetByBurningAndStakesOnIt() throws Exception {
    String register = FunctionEncoder.encode(new Function("registerSubnet",
        List.of(new Utf8String("vision"), new DynamicArray<>(Uint256.class, List.of())), List.of()));
    assertEquals("0x1", receipt(send(BigInteger.ZERO, Convert.toWei("100", Convert.Unit.ETHER), register))
        .getStatus());
    String hotkey = DevChain.accounts(2).get(1).address().toHex();
    String burnedRegister = FunctionEncoder.encode(new Function("burnedRegister",
        List.of(new Uint16(0), new Address(hotkey)), List.of()));

    TransactionReceipt registered = receipt(send(NEURONS, BigInteger.ONE, Convert.toWei("1", Convert.Unit.ETHER),
        burnedRegister));

    assertEquals("0x1", registered.getStatus());
    Function uidOf = new Function("uidOf", List.of(new Uint16(0), new Address(hotkey)),
        List.of(new TypeReference<Bool>() {}, new TypeReference<Uint16>() {}));
    List<Type> answer = FunctionReturnDecoder.decode(web3.ethCall(Transaction.createEthCallTransaction(
        alice.getAddress(), NEURONS, FunctionEncoder.encode(uidOf)), DefaultBlockParameterName.LATEST).send()
        .getValue(), uidOf.getOutputParameters());
    assertEquals(true, answer.get(0).getValue());
    assertEquals(BigInteger.ZERO, answer.get(1).getValue(), "the subnet's first UID");

    String addStake = FunctionEncoder.encode(new Function("addStake", List.of(new Uint16(0), new Address(hotkey)),
        List.of()));
    assertEquals("0x1", receipt(send(STAKE, BigInteger.TWO, Convert.toWei("25", Convert.Unit.ETHER), addStake))
        .getStatus());
    Function totalStake = new Function("totalStake", List.of(new Uint16(0), new Address(hotkey)),
        List.of(new TypeReference<Uint256>() {}));
    List<Type> total = FunctionReturnDecoder.decode(web3.ethCall(Transaction.createEthCallTransaction(
        alice.getAddress(), STAKE, FunctionEncoder.encode(totalStake)), DefaultBlockParameterName.LATEST).send()
        .getValue(), totalStake.getOutputParameters());
    assertEquals(Convert.toWei("25", Convert.Unit.ETHER).toBigInteger(), total.getFirst().getValue());
  }

  private String send(BigInteger nonce, java.math.BigDecimal value, String data) throws Exception {
    return send(REGISTRY, nonce, value, data);
  }

  private String send(String to, BigInteger nonce, java.math.BigDecimal value, String data) throws Exception {
    RawTransaction tx = RawTransaction.createTransaction(31337, nonce, BigInteger.valueOf(300_000), to,
        value.toBigInteger(), data, BigInteger.ONE, BigInteger.valueOf(10_000_000_000L));
    var response = web3.ethSendRawTransaction(Numeric.toHexString(TransactionEncoder.signMessage(tx, alice))).send();
    assertTrue(!response.hasError(), () -> response.getError().getMessage());
    return response.getTransactionHash();
  }

  private TransactionReceipt receipt(String hash) throws Exception {
    return Receipts.await(web3, hash, RECEIPT_DEADLINE);
  }
}
