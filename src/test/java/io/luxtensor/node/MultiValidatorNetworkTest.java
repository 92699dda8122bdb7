package io.luxtensor.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.api.PendingTransactions;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.chain.ChainParameters;
import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.consensus.Validator;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.execution.system.StakingContract;
import io.luxtensor.p2p.NetworkConfig;
import io.luxtensor.p2p.transport.NodeAddress;
import io.luxtensor.storage.StorageConfig;
import io.luxtensor.testing.AbiCalls;
import io.luxtensor.testing.Await;
import io.luxtensor.testing.SeededRandom;
import io.luxtensor.testing.TestNodes;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.Hash;
import io.luxtensor.types.RecoveredTransaction;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four validators, each in its own node with a real network on loopback: they take turns proposing, vote, finalize
 * together, and a node stopped and started again on its stored chain rejoins them without signing anything
 * slashable.
 */
class MultiValidatorNetworkTest {
  private static final long SLOT_MILLIS = 300;
  private static final int VALIDATORS = 4;

  @TempDir Path directory;
  private final List<LuxtensorNode> running = new ArrayList<>();

  @AfterEach
  void stop() {
    running.forEach(LuxtensorNode::close);
  }

  @Test
  void fourValidatorsProposeInTurnAndFinalizeTheSameChain() {
    List<ValidatorKeys> keys = validatorKeys(11);
    GenesisSpec genesis = DevChain.genesis(new DevChain.Settings(DevChain.CHAIN_ID, 2, Wei.ofLux("100"), SLOT_MILLIS,
        System.currentTimeMillis() / 1000), keys.stream()
        .map(k -> new Validator(k.address(), DevChain.VALIDATOR_STAKE, k.vrfPublicKey())).toList());
    List<StorageConfig> stores = new ArrayList<>();
    for (int i = 0; i < VALIDATORS; i++) {
      stores.add(StorageConfig.persistent(io.luxtensor.storage.StorageEngine.ROCKSDB,
          directory.resolve("node" + i).resolve("db")));
    }
    LuxtensorNode first = start(genesis, stores.get(0), keys.get(0), "node0", List.of());
    List<ChainService.NewHead> firstHeads = new CopyOnWriteArrayList<>();
    first.chain().addHeadListener(firstHeads::add);
    NodeAddress boot = first.network().orElseThrow().address();
    for (int i = 1; i < VALIDATORS; i++) {
      start(genesis, stores.get(i), keys.get(i), "node" + i, List.of(boot));
    }

    awaitFinalized(12);
    assertSameFinalizedChain();
    Map<Boolean, List<Long>> productionNanosByOwn = firstHeads.stream().collect(Collectors.partitioningBy(
        head -> head.block().block().header().proposer().equals(keys.get(0).address()),
        Collectors.mapping(ChainService.NewHead::productionNanos, Collectors.toList())));
    assertFalse(productionNanosByOwn.get(true).isEmpty(), "node 0 proposed a head block");
    // A block of its own that the fork choice takes as head only in a later step comes from the store, untimed.
    assertTrue(productionNanosByOwn.get(true).stream().anyMatch(nanos -> nanos > 0),
        "the blocks it proposed carry their production time (the block production metric): " + productionNanosByOwn);
    assertTrue(productionNanosByOwn.get(false).stream().allMatch(nanos -> nanos == 0),
        "imported blocks do not: " + productionNanosByOwn);
    Await.until("every validator proposes a finalized block", Duration.ofSeconds(60),
        () -> finalizedProposers(running.getFirst()).size() == VALIDATORS,
        () -> finalizedProposers(running.getFirst()).toString());

    // Node 3 stops; the other three (3/4 of the stake) keep finalizing; it comes back on its stored chain.
    LuxtensorNode stopped = running.remove(3);
    long finalizedWhenStopped = stopped.chain().head().finalized().number();
    stopped.close();
    long target = running.getFirst().chain().head().finalized().number() + 6;
    awaitFinalized(target);
    LuxtensorNode restarted = start(genesis, stores.get(3), keys.get(3), "node3", List.of(boot));
    assertTrue(restarted.chain().head().finalized().number() >= finalizedWhenStopped,
        "finality after the restart " + restarted.chain().head().finalized().number() + " went below "
            + finalizedWhenStopped);
    awaitFinalized(target + 6);
    assertSameFinalizedChain();
  }

  /**
   * A fifth node whose key is no validator at genesis stakes through the staking contract; two epochs later it is in
   * the set, proposes blocks the other four finalize, and every node agrees on the chain. (8-slot epochs here, so
   * the wait is 16 slots.)
   */
  @Test
  void aKeyThatStakesJoinsTheSetTwoEpochsLaterAndProposes() throws Exception {
    List<ValidatorKeys> keys = validatorKeys(12);
    DevChain.DevAccount funded = DevChain.accounts(2).get(1);
    ValidatorKeys joiner = ValidatorKeys.derivedFrom(funded.key());
    GenesisSpec genesis = withEightSlotEpochs(keys, System.currentTimeMillis() / 1000);
    LuxtensorNode first = start(genesis, StorageConfig.memory(), keys.get(0), "node0", List.of());
    NodeAddress boot = first.network().orElseThrow().address();
    for (int i = 1; i < VALIDATORS; i++) {
      start(genesis, StorageConfig.memory(), keys.get(i), "node" + i, List.of(boot));
    }
    LuxtensorNode joining = start(genesis, StorageConfig.memory(), joiner, "node4", List.of(boot));
    awaitFinalized(2);

    Transaction register = new DynamicFeeTransaction(DevChain.CHAIN_ID, 0, BigInteger.ONE,
        BigInteger.valueOf(100_000_000_000L), 200_000, Optional.of(StakingContract.ADDRESS), Wei.ofLux("32"),
        Bytes.of(AbiCalls.calldata("registerValidator(bytes)", List.of(AbiType.BYTES),
            List.of(joiner.vrfPublicKey().toArray()))), List.of(), null).sign(funded.key());
    assertEquals(new PendingTransactions.Submission.Accepted(register.hash()),
        joining.chain().submit(RecoveredTransaction.recover(register)).get(10, TimeUnit.SECONDS));

    Await.until("the new validator proposes a block every node finalizes", Duration.ofSeconds(60),
        () -> running.stream().allMatch(node -> finalizedProposers(node).contains(joiner.address())),
        () -> running.stream().map(n -> n.chain().head().latest().number() + "/"
            + n.chain().head().finalized().number()).toList().toString());
    assertSameFinalizedChain();
  }

  /**
   * Four validators whose network was written 30 s before they start (100 slots; the epochs of 8 slots), none with
   * a slashing-protection record: each waits two epochs in case it signed before, then they finalize from the
   * genesis checkpoint. (Before, each refused every source before its start and nothing was ever justified.)
   */
  @Test
  void aNetworkWhoseValidatorsAllStartLateWaitsTwoEpochsThenFinalizes() {
    List<ValidatorKeys> keys = validatorKeys(13);
    GenesisSpec genesis = withEightSlotEpochs(keys, System.currentTimeMillis() / 1000 - 30);
    LuxtensorNode first = start(genesis, StorageConfig.memory(), keys.get(0), "node0", List.of());
    NodeAddress boot = first.network().orElseThrow().address();
    for (int i = 1; i < VALIDATORS; i++) {
      start(genesis, StorageConfig.memory(), keys.get(i), "node" + i, List.of(boot));
    }

    awaitFinalized(3);
    assertSameFinalizedChain();
  }

  /** The {@value #VALIDATORS} validators' keys, the same for the same seed. */
  private static List<ValidatorKeys> validatorKeys(long seed) {
    SecureRandom random = SeededRandom.of(seed);
    List<ValidatorKeys> keys = new ArrayList<>();
    for (int i = 0; i < VALIDATORS; i++) {
      keys.add(ValidatorKeys.derivedFrom(PrivateKey.random(random)));
    }
    return keys;
  }

  private static GenesisSpec withEightSlotEpochs(List<ValidatorKeys> keys, long genesisSeconds) {
    GenesisSpec dev = DevChain.genesis(new DevChain.Settings(DevChain.CHAIN_ID, 2, Wei.ofLux("100"), SLOT_MILLIS,
        genesisSeconds), keys.stream()
        .map(k -> new Validator(k.address(), DevChain.VALIDATOR_STAKE, k.vrfPublicKey())).toList());
    ChainParameters rules = dev.parameters();
    return new GenesisSpec(new ChainParameters(rules.chainId(), rules.genesisTimeMillis(),
        rules.slotMillis(), 8, rules.minBaseFeePerGas(), rules.staking()), dev.gasLimit(), dev.baseFeePerGas(),
        dev.extraData(), dev.alloc(), dev.validators());
  }

  private LuxtensorNode start(GenesisSpec genesis, StorageConfig storage, ValidatorKeys key, String name,
      List<NodeAddress> bootnodes) {
    NetworkConfig network = NetworkConfig.defaults("127.0.0.1", 0, bootnodes);
    LuxtensorNode node = LuxtensorNode.start(new LuxtensorNode.Options(storage, genesis, true, List.of(key),
        new ChainService.Sealing.EverySlot(), TestNodes.LOCAL_API, TxPoolConfig.DEFAULT, false, "test", List.of(),
        Optional.of(P2pSettings.inDatadir(directory.resolve(name), network))), System::currentTimeMillis);
    running.add(node);
    return node;
  }

  private void awaitFinalized(long number) {
    Await.until("every node finalizes block " + number, Duration.ofSeconds(60),
        () -> running.stream().allMatch(n -> n.chain().head().finalized().number() >= number),
        () -> running.stream().map(n -> n.chain().head().latest().number() + "/"
            + n.chain().head().finalized().number()).toList().toString());
  }

  /** Every node has the same block at every height up to the lowest finalized one. */
  private void assertSameFinalizedChain() {
    long lowest = running.stream().mapToLong(n -> n.chain().head().finalized().number()).min().orElseThrow();
    for (long n = 0; n <= lowest; n++) {
      Hash expected = header(running.getFirst(), n).hash();
      for (LuxtensorNode node : running) {
        assertEquals(expected, header(node, n).hash(), "block " + n);
      }
    }
  }

  private static Set<Address> finalizedProposers(LuxtensorNode node) {
    Set<Address> proposers = new TreeSet<>();
    for (long n = 1; n <= node.chain().head().finalized().number(); n++) {
      proposers.add(header(node, n).proposer());
    }
    return proposers;
  }

  private static BlockHeader header(LuxtensorNode node, long number) {
    return node.database().canonicalHash(number).flatMap(node.database()::header).orElseThrow();
  }
}
