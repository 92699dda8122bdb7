package io.luxtensor.p2p;

import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.node.ChainService;
import io.luxtensor.node.NetworkedChain;
import io.luxtensor.p2p.transport.NodeAddress;
import io.luxtensor.p2p.transport.NodeKey;
import io.luxtensor.storage.ChainDatabase;
import io.luxtensor.storage.KeyValueStore;
import io.luxtensor.sync.SyncConfig;
import io.luxtensor.testing.SeededRandom;
import io.luxtensor.testing.TestChains;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.types.Hash;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Nodes of the test chain ({@link TestChains}) in one JVM, each with its own store and a real {@link Network} on a
 * loopback port chosen by the system. Closes everything it started.
 */
final class NetworkedNodes implements AutoCloseable {
  /** One node: its chain, its database and its network. */
  record Node(ChainService chain, ChainDatabase database, Network network) {
    NodeAddress address() {
      return network.address();
    }
  }

  private final Vertx vertx = Vertx.vertx();
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private final List<Node> nodes = new ArrayList<>();
  private final SecureRandom random = SeededRandom.of(7);
  private SyncConfig sync = SyncConfig.BODIES;
  private GenesisSpec genesis = TestChains.GENESIS;
  private TxPoolConfig pool = TxPoolConfig.DEFAULT;

  NetworkedNodes withSync(SyncConfig config) {
    this.sync = config;
    return this;
  }

  /** Nodes created from here on start from {@code genesis}; validators keep their pool by {@code pool}. */
  NetworkedNodes withGenesis(GenesisSpec genesis, TxPoolConfig pool) {
    this.genesis = genesis;
    this.pool = pool;
    return this;
  }

  /** A validator or a follower that has not joined the network yet, so a test may give it blocks first. */
  Offline create(boolean validator) {
    KeyValueStore store = TestChains.memoryStore();
    opened.push(store);
    ChainService chain = validator ? TestChains.validator(store, genesis, pool) : TestChains.follower(store, genesis);
    opened.push(chain);
    return new Offline(chain, new ChainDatabase(store));
  }

  /** A node with its chain, before it joins the network. */
  record Offline(ChainService chain, ChainDatabase database) {}

  Node start(Offline offline, List<NodeAddress> bootnodes) {
    return start(offline, NetworkConfig.defaults("127.0.0.1", 0, bootnodes).withSync(sync));
  }

  /** {@code offline} joins the network with {@code config} (a listener on 127.0.0.1, port 0, for tests). */
  Node start(Offline offline, NetworkConfig config) {
    NodeKey key = new NodeKey(PrivateKey.random(random));
    Hash genesisHash = offline.database().canonicalHash(0).orElseThrow();
    Network network = new Network(vertx, key, config, new NetworkedChain(offline.chain()),
        offline.database(), new ValidatorSet(genesis.validators()), genesis.parameters(), genesisHash,
        System::currentTimeMillis, random).start();
    opened.push(network);
    Node node = new Node(offline.chain(), offline.database(), network);
    nodes.add(node);
    return node;
  }

  Node start(boolean validator, List<NodeAddress> bootnodes) {
    return start(create(validator), bootnodes);
  }

  List<Node> nodes() {
    return List.copyOf(nodes);
  }

  Vertx vertx() {
    return vertx;
  }

  @Override
  public void close() throws Exception {
    while (!opened.isEmpty()) {
      opened.pop().close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }
}
