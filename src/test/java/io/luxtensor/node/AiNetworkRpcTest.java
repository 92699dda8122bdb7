package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxtensor.chain.DevChain;
import io.luxtensor.execution.system.AiTasksContract;
import io.luxtensor.execution.system.NeuronsContract;
import io.luxtensor.execution.system.StakeContract;
import io.luxtensor.execution.system.SubnetRegistryContract;
import io.luxtensor.execution.system.WeightsContract;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.txpool.TxPoolConfig;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/**
 * Yuma through the real path, read back through the JSON-RPC: subtensor's {@code test_bonds}
 * (../shared/spec/yuma.md, example (b); opentensor/subtensor, Unlicense) set up on a dev node by transactions signed
 * with web3j (a subnet of tempo 9, eight hotkeys, stake of 100 to 400 LUX on four of them, weights), blocks sealed
 * across four tempos, and each epoch's figures read with {@code lux_getMetagraph}: within one u16 unit of subtensor's,
 * and every answer within its OpenRPC result schema. The stake is large against the 8.2 LUX an epoch pays, as in
 * subtensor's test, where the epoch pays nobody: here miners' earnings become their stake, and with stake of 1 to 4
 * LUX they would outgrow the smallest validator and take its permit by the third epoch. The SDK's other reads
 * ({@code lux_getNeurons}, {@code lux_getAllWeights}, {@code lux_getEmissions}, {@code lux_getSubnetInfo},
 * {@code lux_getValidatorStatus}) are checked on the same subnet against the metagraph and the contracts' own views,
 * and on a commit-reveal subnet for a commitment waiting for its reveal.
 */
class AiNetworkRpcTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigInteger LUX = BigInteger.TEN.pow(18);
  /** The epoch's 10 blocks of 1 LUX, less the owner's 18% (11796 of 65535). */
  private static final BigInteger EPOCH_EMISSION = LUX.multiply(BigInteger.TEN).subtract(
      LUX.multiply(BigInteger.TEN).multiply(BigInteger.valueOf(11_796)).divide(BigInteger.valueOf(65_535)));
  private static final List<Integer> HYPERPARAMETERS = List.of(9, 8, 4, 4_096, 5_000, 0, 1, 32_767, 900_000, 0, 1);

  private final LuxtensorNode node = TestNodes.devNode(StorageConfig.memory(), new ChainService.Sealing.Manual(),
      TxPoolConfig.DEFAULT);
  private final Web3j web3 = Web3j.build(new HttpService("http://127.0.0.1:" + node.rpcPort()));
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Credentials> accounts = DevChain.accounts(DevChain.ACCOUNTS_DEFAULT).stream()
      .map(a -> Credentials.create(Numeric.toHexStringNoPrefix(a.key().toBytes()))).toList();
  private final Credentials owner = accounts.get(0);
  private final Credentials coldkey = accounts.get(1);
  private final List<Credentials> hotkeys = accounts.subList(2, 10);
  private final Map<String, BigInteger> nonces = new HashMap<>();
  private final List<String> sent = new ArrayList<>();

  @AfterEach
  void stop() {
    web3.shutdown();
    node.close();
  }

  @Test
  void testBondsThroughTransactionsReadBackWithLuxGetMetagraph() throws Exception {
    registerBondsSubnet();
    JsonNode permits = rpc("lux_getMetagraph", "[\"0x0\"]").get("neurons");
    for (int uid = 0; uid < 8; uid++) {
      assertEquals(uid < 4, permits.get(uid).get("validatorPermit").asBoolean(), "permit of UID " + uid);
    }

    validatorsWeighMiners();
    sealThrough(18);
    JsonNode first = rpc("lux_getMetagraph", "[\"0x0\",\"latest\"]");
    assertEquals("0x12", first.get("lastEpoch").asText(), "the epoch ran at the end of block 18");
    JsonNode neurons = first.get("neurons");
    assertColumn(neurons, 4, 16_383, 32_767, 49_151, 65_535);
    long[] subtensor = {49_999_998, 99_999_999, 150_000_000, 200_000_001, 49_998_779, 100_000_610, 149_996_337,
        200_004_272};
    for (int uid = 0; uid < 8; uid++) {
      BigInteger expected = EPOCH_EMISSION.multiply(BigInteger.valueOf(subtensor[uid]))
          .divide(BigInteger.valueOf(1_000_000_000));
      BigInteger actual = quantity(neurons.get(uid).get("emission"));
      assertTrue(expected.subtract(actual).abs().compareTo(EPOCH_EMISSION.divide(BigInteger.valueOf(65_535))) <= 0,
          "emission of UID " + uid + ": " + actual + ", subtensor's share " + expected);
    }
    for (int miner = 4; miner < 8; miner++) {
      int weight = (miner - 3) * 16_384 - 1;
      long share = weight * 65_535L / 163_834;
      assertWithinOne(share, neurons.get(miner).get("consensus"), "consensus of UID " + miner);
      assertWithinOne(share, neurons.get(miner).get("incentive"), "incentive of UID " + miner);
      assertWithinOne(65_535, neurons.get(miner).get("trust"), "trust of UID " + miner);
    }
    for (int validator = 0; validator < 4; validator++) {
      assertWithinOne((validator + 1) * 65_535L / 10, neurons.get(validator).get("dividends"), "dividends");
      assertWithinOne(65_535, neurons.get(validator).get("validatorTrust"), "validator trust");
    }

    setWeights(hotkeys.get(0), List.of(0), List.of(65_535));
    sealThrough(28);
    assertColumn(rpc("lux_getMetagraph", "[\"0x0\"]").get("neurons"), 4, 14_582, 32_767, 49_151, 65_535);
    setWeights(hotkeys.get(1), List.of(1), List.of(65_535));
    sealThrough(38);
    assertColumn(rpc("lux_getMetagraph", "[\"0x0\"]").get("neurons"), 4, 12_603, 28_321, 49_151, 65_535);
    assertColumn(rpc("lux_getMetagraph", "[\"0x0\",\"0x1c\"]").get("neurons"), 4, 14_582, 32_767, 49_151, 65_535);

    assertEquals("0x1", rpc("lux_getSubnetCount", "[]").asText());
    assertEquals("bonds", rpc("lux_listSubnets", "[]").get(0).get("name").asText());
    assertEquals("0x9", rpc("lux_getSubnet", "[\"0x0\"]").get("hyperparameters").get("tempo").asText());
    assertEquals("0x8", rpc("lux_getNeuronCount", "[\"0x0\"]").asText());
    JsonNode neuron = rpc("lux_getNeuron", "[\"0x0\",\"0x5\"]");
    assertEquals(hotkeys.get(5).getAddress(), neuron.get("hotkey").asText());
    assertEquals(coldkey.getAddress(), neuron.get("coldkey").asText());
    JsonNode weights = rpc("lux_getWeights", "[\"0x0\",\"0x2\"]").get("weights");
    assertEquals(4, weights.size());
    assertEquals("0xffff", weights.get(3).get("value").asText());
    assertTrue(rpc("lux_getSubnet", "[\"0x1\"]").isNull());
    assertTrue(rpc("lux_getNeuron", "[\"0x0\",\"0x8\"]").isNull());
    assertEquals(-32602, error("lux_getMetagraph", "[\"0x10000\"]").get("code").asInt());
    assertEquals(-32602, error("lux_getNeuron", "[\"0x0\"]").get("code").asInt());
  }

  @Test
  void theSdkReadsAgreeWithTheMetagraphAndTheContracts() throws Exception {
    registerBondsSubnet();
    assertEquals(0, rpc("lux_getAllWeights", "[\"0x0\"]").size(), "nobody has set weights yet");
    validatorsWeighMiners();
    sealThrough(18);
    JsonNode neurons = rpc("lux_getMetagraph", "[\"0x0\"]").get("neurons");
    assertEquals(neurons, rpc("lux_getNeurons", "[\"0x0\",\"latest\"]"));

    JsonNode allWeights = rpc("lux_getAllWeights", "[\"0x0\"]");
    assertEquals(4, allWeights.size(), "the validators' rows; the miners set none");
    for (int uid = 0; uid < 4; uid++) {
      assertEquals(rpc("lux_getWeights", "[\"0x0\",\"0x" + uid + "\"]"), allWeights.get(uid));
      assertEquals("0x9", allWeights.get(uid).get("setAt").asText(), "set in the block after 8");
    }

    JsonNode emissions = rpc("lux_getEmissions", "[\"0x0\"]");
    assertEquals(LUX, quantity(emissions.get("blockEmission")));
    assertEquals(LUX, quantity(emissions.get("subnetEmissionPerBlock")), "the only subnet takes all of each block");
    assertEquals("0x2e14", emissions.get("ownerCut").asText(), "18%: 11796 of 65535");
    assertEquals("0x0", emissions.get("pendingEmission").asText(), "paid out as block 18 closed");
    assertEquals("0x12", emissions.get("lastEpoch").asText());
    assertEquals("0x1c", emissions.get("nextEpochBlock").asText(), "a tempo of 9 later: block 28");
    BigInteger paid = BigInteger.ZERO;
    for (int uid = 0; uid < 8; uid++) {
      BigInteger miner = quantity(emissions.get("neurons").get(uid).get("minerEmission"));
      BigInteger validator = quantity(emissions.get("neurons").get(uid).get("validatorEmission"));
      assertEquals(quantity(neurons.get(uid).get("emission")), miner.add(validator), "emission of UID " + uid);
      assertEquals(uid >= 4, miner.signum() > 0, "UIDs 4 to 7 earn as miners");
      assertEquals(uid < 4, validator.signum() > 0, "UIDs 0 to 3 earn as validators");
      paid = paid.add(miner).add(validator);
    }
    // Each of the 16 shares is rounded down to 32-bit fixed point, then to the wei.
    BigInteger rounding = EPOCH_EMISSION.shiftRight(32).add(BigInteger.ONE).multiply(BigInteger.valueOf(16));
    assertTrue(paid.compareTo(EPOCH_EMISSION) <= 0 && EPOCH_EMISSION.subtract(paid).compareTo(rounding) <= 0,
        "the epoch paid " + paid + " of " + EPOCH_EMISSION);

    JsonNode info = rpc("lux_getSubnetInfo", "[\"0x0\"]");
    rpc("lux_getSubnet", "[\"0x0\"]").fields()
        .forEachRemaining(field -> assertEquals(field.getValue(), info.get(field.getKey()), field.getKey()));
    String burnCall = "[{\"to\":\"" + NeuronsContract.ADDRESS.toHex() + "\",\"data\":\""
        + FunctionEncoder.encode(new Function("burn", List.of(new Uint16(0)), List.of())) + "\"},\"latest\"]";
    assertEquals(quantity(rpc("eth_call", burnCall)), quantity(info.get("burn")), "as Neurons.burn answers");
    BigInteger staked = BigInteger.ZERO;
    for (JsonNode neuron : neurons) {
      staked = staked.add(quantity(neuron.get("stake")));
    }
    assertEquals(staked, quantity(info.get("totalStake")));
    assertEquals("0x4", info.get("validatorPermits").asText());
    assertEquals("0xa", info.get("blocksUntilNextEpoch").asText(), "block 28 runs the next epoch");
    assertEquals("0x1", rpc("lux_getSubnetInfo", "[\"0x0\",\"0x11\"]").get("blocksUntilNextEpoch").asText());

    JsonNode validator = rpc("lux_getValidatorStatus", "[\"0x0\",\"" + hotkeys.get(3).getAddress() + "\"]");
    assertEquals("0x3", validator.get("uid").asText());
    assertEquals(coldkey.getAddress(), validator.get("coldkey").asText());
    assertTrue(validator.get("validatorPermit").asBoolean());
    for (String field : List.of("stake", "lastUpdate", "validatorTrust", "dividends", "emission")) {
      assertEquals(neurons.get(3).get(field), validator.get(field), field);
    }
    assertEquals("0x9", validator.get("lastUpdate").asText(), "the block its weights landed in");
    assertEquals("0x2e14", validator.get("take").asText(), "the default take, 18%");
    assertTrue(validator.get("commitment").isNull());
    JsonNode miner = rpc("lux_getValidatorStatus", "[\"0x0\",\"" + hotkeys.get(5).getAddress() + "\"]");
    assertFalse(miner.get("validatorPermit").asBoolean());
    assertEquals(neurons.get(5).get("registeredAt"), miner.get("lastUpdate"), "no weights: its registration");
    assertTrue(rpc("lux_getValidatorStatus", "[\"0x0\",\"" + owner.getAddress() + "\"]").isNull(), "no UID");

    List<Integer> commitReveal = new ArrayList<>(HYPERPARAMETERS);
    commitReveal.set(9, 1);
    send(owner, SubnetRegistryContract.ADDRESS.toHex(), "300", new Function("registerSubnet", List.of(
        new Utf8String("commits"), new DynamicArray<>(Uint256.class, commitReveal.stream()
            .map(v -> new Uint256(v)).toList())), List.of()));
    sealThrough(19);
    send(coldkey, NeuronsContract.ADDRESS.toHex(), "10", new Function("burnedRegister",
        List.of(new Uint16(1), new Address(hotkeys.get(0).getAddress())), List.of()));
    sealThrough(20);
    byte[] hash = Numeric.hexStringToByteArray("ab".repeat(32));
    send(hotkeys.get(0), WeightsContract.ADDRESS.toHex(), "0", new Function("commitWeights",
        List.of(new Uint16(1), new Bytes32(hash)), List.of()));
    sealThrough(21);
    JsonNode commitment = rpc("lux_getValidatorStatus", "[\"0x1\",\"" + hotkeys.get(0).getAddress() + "\"]")
        .get("commitment");
    assertEquals(Numeric.toHexString(hash), commitment.get("hash").asText());
    assertEquals("0x15", commitment.get("block").asText());
    assertEquals(LUX.divide(BigInteger.TWO), quantity(rpc("lux_getEmissions", "[\"0x0\"]")
        .get("subnetEmissionPerBlock")), "two subnets share each block");

    assertTrue(rpc("lux_getEmissions", "[\"0x2\"]").isNull());
    assertTrue(rpc("lux_getNeurons", "[\"0x2\"]").isNull());
    assertEquals(-32602, error("lux_getValidatorStatus", "[\"0x0\",\"0x12\"]").get("code").asInt());
    assertEquals(-32602, error("lux_getAllWeights", "[\"0x10000\"]").get("code").asInt());
  }

  /**
   * yuma.md example (a), subtensor's {@code test_math_weighted_median_col}, through transactions and read back with
   * lux_getMetagraph: stake .75 and .25 on UIDs 1 and 2 (3000 and 1000 LUX, large against the 8.2 LUX an epoch
   * pays, and two permits only, so the example's stake shares hold), their weight rows on UIDs 5 and 6 are [.2, .4]
   * and [.3, .1], UID 7 taking the rest of each row because Yuma normalizes rows; the owner sets kappa .24, .26 and
   * .76 in turn, and each epoch's consensus of UIDs 4 to 6 is the example's [0, .3, .4], [0, .2, .4], [0, .2, .1].
   */
  @Test
  void weightedMedianExampleReadBackWithLuxGetMetagraphAtThreeKappas() throws Exception {
    List<Integer> twoPermits = new ArrayList<>(HYPERPARAMETERS);
    twoPermits.set(2, 2);
    registerSubnet(twoPermits, List.of("0", "3000", "1000"));
    setWeights(hotkeys.get(1), List.of(5, 6, 7), List.of(13_107, 26_214, 26_214));
    setWeights(hotkeys.get(2), List.of(5, 6, 7), List.of(19_661, 6_554, 39_321));
    long[][] expected = {{0, 19_661, 26_214}, {0, 13_107, 26_214}, {0, 13_107, 6_554}};
    int[] kappas = {15_728, 17_039, 49_807};
    for (int round = 0; round < 3; round++) {
      List<Integer> hyperparameters = new ArrayList<>(twoPermits);
      hyperparameters.set(7, kappas[round]);
      send(owner, SubnetRegistryContract.ADDRESS.toHex(), "0", setHyperparameters(hyperparameters));
      sealThrough(18 + 10L * round);
      JsonNode neurons = rpc("lux_getMetagraph", "[\"0x0\"]").get("neurons");
      for (int miner = 4; miner < 7; miner++) {
        long consensus = quantity(neurons.get(miner).get("consensus")).longValueExact();
        assertTrue(Math.abs(consensus - expected[round][miner - 4]) <= 2, "consensus of UID " + miner + " at kappa "
            + kappas[round] + ": " + consensus + ", expected " + expected[round][miner - 4]);
      }
    }
  }

  @Test
  void everyBrokenRuleAnswersItsReasonThroughCallAndEstimateAndFailsAsATransaction() throws Exception {
    registerBondsSubnet();
    Function minerWeights = weights(List.of(5), List.of(1));
    assertRefused(owner, WeightsContract.ADDRESS.toHex(), "0", minerWeights,
        "Weights: hotkey " + Keys.toChecksumAddress(owner.getAddress()) + " has no UID on subnet 0");
    assertRefused(hotkeys.get(4), WeightsContract.ADDRESS.toHex(), "0", minerWeights,
        "Weights: UID 4 has no validator permit");
    assertRefused(hotkeys.get(0), WeightsContract.ADDRESS.toHex(), "0", weights(List.of(4, 4), List.of(1, 2)),
        "Weights: UID 4 appears twice");
    assertRefused(hotkeys.get(0), WeightsContract.ADDRESS.toHex(), "0", weights(List.of(4, 9), List.of(1, 2)),
        "Weights: UID 9 does not exist (the subnet has 8)");
    assertRefused(coldkey, NeuronsContract.ADDRESS.toHex(), "0.5", new Function("burnedRegister",
        List.of(new Uint16(0), new Address(owner.getAddress())), List.of()),
        "Neurons: registering on subnet 0 burns");
    List<Integer> badTempo = new ArrayList<>(HYPERPARAMETERS);
    badTempo.set(0, 0);
    assertRefused(owner, SubnetRegistryContract.ADDRESS.toHex(), "0", new Function("setHyperparameters",
        List.of(new Uint16(0), new DynamicArray<>(Uint256.class, badTempo.stream().map(v -> new Uint256(v))
            .toList())), List.of()), "SubnetRegistry: tempo must be from 1 to 65535, not 0");
    assertRefused(owner, AiTasksContract.ADDRESS.toHex(), "1", new Function("submitTask", List.of(new Uint16(0),
        new Bytes32(new byte[32]), new Bytes32(new byte[32]), new Utf8String("ipfs://x"), new Uint64(1)),
        List.of()), "AITasks: the deadline must be a block after this one");

    List<Integer> rateLimited = new ArrayList<>(HYPERPARAMETERS);
    rateLimited.set(5, 100);
    send(owner, SubnetRegistryContract.ADDRESS.toHex(), "0", setHyperparameters(rateLimited));
    setWeights(hotkeys.get(0), List.of(4), List.of(1));
    long setIn = node.chain().head().latest().number() + 1;
    sealThrough(setIn);
    assertRefused(hotkeys.get(0), WeightsContract.ADDRESS.toHex(), "0", weights(List.of(5), List.of(1)),
        "Weights: weights were set in block " + setIn + "; the subnet allows it every 100 blocks");
  }

  /**
   * {@code function} from {@code from} breaks a rule: eth_call and eth_estimateGas answer the reason, and sent as a
   * transaction it is included and fails.
   */
  private void assertRefused(Credentials from, String to, String lux, Function function, String reason)
      throws Exception {
    BigInteger value = Convert.toWei(lux, Convert.Unit.ETHER).toBigInteger();
    String data = FunctionEncoder.encode(function);
    org.web3j.protocol.core.methods.request.Transaction call = org.web3j.protocol.core.methods.request.Transaction
        .createFunctionCallTransaction(from.getAddress(), null, null, null, to, value, data);
    EthCall answer = web3.ethCall(call, DefaultBlockParameterName.LATEST).send();
    assertTrue(answer.isReverted() && answer.getError().getMessage().startsWith("execution reverted: " + reason),
        () -> "eth_call: " + answer.getRawResponse());
    var estimate = web3.ethEstimateGas(call).send();
    assertTrue(estimate.hasError() && estimate.getError().getMessage().startsWith("execution reverted: " + reason),
        () -> "eth_estimateGas: " + estimate.getRawResponse());
    send(from, to, lux, function);
    String hash = sent.removeLast();
    node.chain().seal().get();
    assertEquals("0x0", rpc("eth_getTransactionReceipt", "[\"" + hash + "\"]").get("status").asText(),
        "the transaction is included and fails");
  }

  private static Function weights(List<Integer> uids, List<Integer> values) {
    return new Function("setWeights", List.of(new Uint16(0),
        new DynamicArray<>(Uint16.class, uids.stream().map(Uint16::new).toList()),
        new DynamicArray<>(Uint16.class, values.stream().map(Uint16::new).toList()), new Uint64(0)), List.of());
  }

  /**
   * Subnet 0 of tempo 9 with {@link #hotkeys} as UIDs 0 to 7 and 100 to 400 LUX staked on the first four, sealed
   * through block 8, whose epoch gives those four their validator permits.
   */
  private void registerBondsSubnet() throws Exception {
    registerSubnet(HYPERPARAMETERS, List.of("100", "200", "300", "400"));
  }

  /**
   * Subnet 0 with {@code hyperparameters} (tempo 9) and {@link #hotkeys} as UIDs 0 to 7, {@code stakes} LUX staked on
   * the first ones ("0": none), sealed through block 8, whose epoch grants the validator permits.
   */
  private void registerSubnet(List<Integer> hyperparameters, List<String> stakes) throws Exception {
    send(owner, SubnetRegistryContract.ADDRESS.toHex(), "100", new Function("registerSubnet", List.of(
        new Utf8String("bonds"), new DynamicArray<>(Uint256.class, hyperparameters.stream()
            .map(v -> new Uint256(v)).toList())), List.of()));
    sealThrough(1);
    for (Credentials hotkey : hotkeys) {
      send(coldkey, NeuronsContract.ADDRESS.toHex(), "10", new Function("burnedRegister",
          List.of(new Uint16(0), new Address(hotkey.getAddress())), List.of()));
    }
    for (int uid = 0; uid < stakes.size(); uid++) {
      if (!stakes.get(uid).equals("0")) {
        send(coldkey, StakeContract.ADDRESS.toHex(), stakes.get(uid), new Function("addStake",
            List.of(new Uint16(0), new Address(hotkeys.get(uid).getAddress())), List.of()));
      }
    }
    sealThrough(8);
  }

  /** The owner sets subnet 0's hyperparameters to {@code values}, in the next block sealed. */
  private Function setHyperparameters(List<Integer> values) {
    return new Function("setHyperparameters", List.of(new Uint16(0), new DynamicArray<>(Uint256.class,
        values.stream().map(v -> new Uint256(v)).toList())), List.of());
  }

  /** Each of the four validators weighs miners 4 to 7 at 1 : 2 : 3 : 4, in the next block sealed. */
  private void validatorsWeighMiners() throws Exception {
    for (int validator = 0; validator < 4; validator++) {
      setWeights(hotkeys.get(validator), List.of(4, 5, 6, 7), List.of(16_383, 32_767, 49_151, 65_535));
    }
  }

  private void setWeights(Credentials hotkey, List<Integer> uids, List<Integer> values) throws Exception {
    send(hotkey, WeightsContract.ADDRESS.toHex(), "0", weights(uids, values));
  }

  private void send(Credentials from, String to, String lux, Function function) throws Exception {
    BigInteger nonce = nonces.getOrDefault(from.getAddress(), BigInteger.ZERO);
    nonces.put(from.getAddress(), nonce.add(BigInteger.ONE));
    RawTransaction tx = RawTransaction.createTransaction(31337, nonce, BigInteger.valueOf(300_000), to,
        Convert.toWei(lux, Convert.Unit.ETHER).toBigInteger(), FunctionEncoder.encode(function), BigInteger.ONE,
        BigInteger.valueOf(10_000_000_000L));
    var response = web3.ethSendRawTransaction(Numeric.toHexString(TransactionEncoder.signMessage(tx, from))).send();
    assertFalse(response.hasError(), () -> response.getError().getMessage());
    sent.add(response.getTransactionHash());
  }

  /** Seals blocks until block {@code last}; every transaction sent must have landed and succeeded. */
  private void sealThrough(long last) throws Exception {
    while (node.chain().head().latest().number() < last) {
      node.chain().seal().get();
    }
    for (String hash : sent) {
      assertEquals("0x1", rpc("eth_getTransactionReceipt", "[\"" + hash + "\"]").get("status").asText(), hash);
    }
    sent.clear();
  }

  private JsonNode rpc(String method, String params) throws Exception {
    JsonNode response = post(method, params);
    assertFalse(response.has("error"), () -> method + ": " + response);
    JsonNode result = response.get("result");
    if (method.startsWith("lux_")) {
      assertEquals(java.util.Set.of(), ExecutionApisConformanceTest.violations(method, result),
          () -> method + " answered " + result);
    }
    return result;
  }

  private JsonNode error(String method, String params) throws Exception {
    JsonNode response = post(method, params);
    assertTrue(response.has("error"), () -> method + ": " + response);
    return response.get("error");
  }

  private JsonNode post(String method, String params) throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + node.rpcPort())).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private static void assertColumn(JsonNode neurons, int column, int... expected) {
    for (int i = 0; i < expected.length; i++) {
      assertWithinOne(expected[i], neurons.get(i).get("bonds").get(column), "bonds of UID " + i + " to " + column);
    }
  }

  private static void assertWithinOne(long expected, JsonNode actual, String what) {
    long value = quantity(actual).longValueExact();
    assertTrue(Math.abs(expected - value) <= 1, what + ": " + value + ", expected " + expected + " ± 1");
  }

  private static BigInteger quantity(JsonNode hex) {
    return Numeric.toBigInt(hex.asText());
  }
}
