package io.luxtensor.p2p;

import io.luxtensor.chain.DevChain;
import io.luxtensor.chain.GenesisSpec;
import io.luxtensor.crypto.VerificationCaches;
import io.luxtensor.p2p.NetworkedNodes.Node;
import io.luxtensor.p2p.NetworkedNodes.Offline;
import io.luxtensor.p2p.transport.NodeAddress;
import io.luxtensor.testing.TestChains;
import io.luxtensor.testing.TransferBlocks;
import io.luxtensor.txpool.TxPoolConfig;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A node that joins late syncs a whole chain from 4 peers over the real transport on loopback: download, header and
 * body checks, and import (execution and commit) of every block. One invocation is one full sync into a fresh
 * in-memory node; the time it takes gives blocks/s and transactions/s. The 4 peers serve one in-memory copy of the
 * chain (four listeners, four node keys), so on these 2 cores the servers, the transport and the syncing node share
 * the CPU, as they would not across machines.
 *
 * <p>Ten syncs warm the JVM up first, and ten are measured: a long sync runs compiled after its first seconds, while
 * the first syncs of a fresh JVM, still compiling import, serving and the transport, take up to twice as long and
 * vary the most. A sync of the empty chain lasts about a second, and a timeline of the threads' CPU showed the JIT
 * compiler still taking a quarter of the two cores through the sixth to eighth of them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
public class SyncBenchmark {
  private static final int SENDERS = 1_000;
  private static final int PEERS = 4;
  private static final long DEADLINE_NANOS = TimeUnit.MINUTES.toNanos(10);

  /** What the chain holds: its length and the transfers in each block. */
  public enum Shape {
    EMPTY(5_000, 0),
    TEN_TRANSFERS(2_000, 10),
    THOUSAND_TRANSFERS(100, 1_000);

    final int blocks;
    final int transfersPerBlock;

    Shape(int blocks, int transfersPerBlock) {
      this.blocks = blocks;
      this.transfersPerBlock = transfersPerBlock;
    }
  }

  @Param({"EMPTY", "TEN_TRANSFERS", "THOUSAND_TRANSFERS"})
  Shape shape;

  private GenesisSpec genesis;
  private NetworkedNodes serving;
  private final List<NodeAddress> peers = new ArrayList<>();
  private BlockHeader head;
  private NetworkedNodes joining;
  private Node late;

  @Setup(Level.Trial)
  public void buildTheChain() {
    genesis = DevChain.genesis(new DevChain.Settings(DevChain.CHAIN_ID, SENDERS, DevChain.BALANCE_DEFAULT, 0,
        1_700_000_000L));
    serving = new NetworkedNodes().withGenesis(genesis, TxPoolConfig.DEFAULT);
    Offline validator = serving.create(true);
    TransferBlocks blocks = new TransferBlocks(validator.chain(),
        DevChain.accounts(SENDERS).stream().map(DevChain.DevAccount::key).toList());
    List<Address> recipients = Collections.nCopies(shape.transfersPerBlock, TestChains.RECIPIENT);
    for (int block = 0; block < shape.blocks; block++) {
      blocks.seal(recipients);
    }
    head = validator.chain().head().latest();
    // Built faster than a block a millisecond, the chain's last slots are still ahead of the clock, and a node
    // refuses blocks of slots that have not started: wait until they have, so the benchmark times sync alone.
    long headSlotStart = genesis.parameters().slotStartMillis(head.slot());
    while (System.currentTimeMillis() <= headSlotStart) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    for (int i = 0; i < PEERS; i++) {
      peers.add(serving.start(validator, List.of()).address());
    }
  }

  @Setup(Level.Iteration)
  public void startALateNode() {
    joining = new NetworkedNodes().withGenesis(genesis, TxPoolConfig.DEFAULT);
    late = joining.start(false, List.of());
    // The peers share this JVM: what they verified while building the chain must not spare the late node its work.
    VerificationCaches.forgetAll();
  }

  @Benchmark
  public long syncFromFourPeers() {
    peers.forEach(late.network()::addPeer);
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    while (!late.chain().head().latest().equals(head)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no sync within 10 minutes: at block "
            + late.chain().head().latest().number() + " of " + head.number());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    return late.network().syncCounters().blocksImported();
  }

  @TearDown(Level.Iteration)
  public void stopTheLateNode() throws Exception {
    joining.close();
  }

  @TearDown(Level.Trial)
  public void stopThePeers() throws Exception {
    serving.close();
  }
}
