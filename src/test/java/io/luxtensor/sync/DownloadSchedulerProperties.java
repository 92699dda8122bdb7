package io.luxtensor.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * A simulated network drives the scheduler from one seed: peers that answer honestly, stall, lie now and then,
 * answer short, or leave halfway; peers join late, with heads below the target. As long as one honest peer stays,
 * every block arrives exactly once and in order, within the limits on busy peers and blocks ahead, and the same
 * seed gives the same requests.
 */
class DownloadSchedulerProperties {
  private static final int PEERS_MAX = 3;
  private static final int REQUESTS_PER_PEER_MAX = 2;
  private static final int AHEAD_BATCHES_MAX = 6;
  private static final long FROM = 101;
  private static final long SIM_MS_MAX = 3_600_000;

  enum Behaviour { HONEST, STALLING, LYING, SHORT, LEAVING }

  private sealed interface Event {}

  private record Join(PeerId peer, long head) implements Event {}

  private record Leave(PeerId peer) implements Event {}

  private record Respond(Request request, Outcome<Long> outcome) implements Event {}

  @Property(tries = 300)
  void everyBlockArrivesOnceInOrderWithinTheLimits(
      @ForAll @IntRange(min = 1, max = 700) int length,
      @ForAll @IntRange(min = 1, max = 64) int batchSize,
      @ForAll("others") List<Behaviour> others,
      @ForAll long seed) {
    SyncConfig config = new SyncConfig(SyncConfig.Phase.BODIES, batchSize, PEERS_MAX, REQUESTS_PER_PEER_MAX,
        SyncConfig.RETRIES_MAX, AHEAD_BATCHES_MAX, 1_000, 500, 10_000);
    Run run = simulate(config, FROM + length - 1, others, seed);
    assertEquals(run, simulate(config, FROM + length - 1, others, seed), "deterministic");

    Statistics.label("timeouts").collect(run.stats().timeouts() > 0);
    Statistics.label("bans").collect(run.stats().bans() > 0);
    Statistics.label("retries").collect(run.stats().retries() > 0);
    Statistics.label("timeouts").coverage(c -> c.check(true).percentage(p -> p > 5));
    Statistics.label("bans").coverage(c -> c.check(true).percentage(p -> p > 5));
    Statistics.label("retries").coverage(c -> c.check(true).percentage(p -> p > 15));
  }

  /** What a simulated sync did: every request, in order, and the scheduler's counts. */
  private record Run(List<String> requests, SchedulerStats stats) {}

  /** At most as many peers that fail batches (stall or lie) as there are retries, so no batch fails the sync. */
  @Provide
  Arbitrary<List<Behaviour>> others() {
    return Arbitraries.of(Behaviour.class).list().ofMaxSize(7).filter(list -> list.stream()
        .filter(b -> b == Behaviour.STALLING || b == Behaviour.LYING).count() <= SyncConfig.RETRIES_MAX);
  }

  /** Runs the sync to completion, checking the invariants at every step; returns what it did. */
  private static Run simulate(SyncConfig config, long to, List<Behaviour> others, long seed) {
    // java.util.Random, not SeededRandom: SecureRandom.setSeed ignores a seed of 0, which jqwik generates.
    Random random = new Random(seed);
    PeerScores scores = new PeerScores(64, 600_000);
    DownloadScheduler<Long> scheduler = new DownloadScheduler<>(config, scores, FROM, to);
    TreeMap<PeerId, Behaviour> behaviour = new TreeMap<>();
    TreeMap<Long, List<Event>> events = new TreeMap<>();
    PeerId steady = TestPeers.peer(0);
    behaviour.put(steady, Behaviour.HONEST);
    at(events, random.nextInt(3_000), new Join(steady, to));
    for (int i = 0; i < others.size(); i++) {
      PeerId peer = TestPeers.peer(i + 1);
      behaviour.put(peer, others.get(i));
      long joinAt = random.nextInt(3_000);
      at(events, joinAt, new Join(peer, FROM + random.nextLong(to - FROM + 20)));
      if (others.get(i) == Behaviour.LEAVING) {
        at(events, joinAt + random.nextInt(20_000), new Leave(peer));
      }
    }

    Map<PeerId, Long> heads = new TreeMap<>();
    Map<Long, Request> outstanding = new TreeMap<>();
    List<Long> delivered = new ArrayList<>();
    List<String> log = new ArrayList<>();
    long imported = FROM - 1;
    long handedOut = FROM - 1;
    long now = 0;
    while (!scheduler.done()) {
      assertTrue(now < SIM_MS_MAX, "the sync finishes; stuck at " + handedOut + " of " + to);
      for (Event e : events.getOrDefault(now, List.of())) {
        switch (e) {
          case Join j -> {
            heads.put(j.peer(), j.head());
            scheduler.onPeerJoined(j.peer(), j.head());
          }
          case Leave l -> {
            heads.remove(l.peer());
            scheduler.onPeerLeft(l.peer());
          }
          case Respond r -> {
            outstanding.remove(r.request().requestId());
            boolean accepted = scheduler.onResponse(r.request().requestId(), now, r.outcome());
            if (!heads.containsKey(r.request().peer())) {
              assertFalse(accepted, "an answer from a peer that left is dropped");
            }
          }
        }
      }
      events.remove(now);

      for (var ready = scheduler.nextReady(); ready.isPresent(); ready = scheduler.nextReady()) {
        assertEquals(handedOut + 1, ready.get().fromNumber(), "in order, without gaps or repeats");
        delivered.addAll(ready.get().items());
        handedOut = ready.get().toNumber();
      }
      if (random.nextBoolean()) {
        imported = handedOut;
        scheduler.onImported(imported);
      }

      for (Request r : scheduler.poll(now)) {
        log.add(r.toString());
        assertTrue(heads.containsKey(r.peer()), "only joined peers are asked");
        assertTrue(heads.get(r.peer()) >= r.toNumber(), "only peers whose head covers the batch");
        assertFalse(scores.isBanned(r.peer(), now), "never a banned peer");
        assertTrue(r.count() <= config.batchSize());
        assertTrue(r.toNumber() <= imported + (long) AHEAD_BATCHES_MAX * config.batchSize(),
            "request " + r + " beyond the window after " + imported);
        outstanding.put(r.requestId(), r);
        answer(behaviour.get(r.peer()), r, now, random).ifPresent(ev -> at(events, ev.getKey(), ev.getValue()));
      }
      final long t = now;
      outstanding.values().removeIf(r -> r.deadlineMillis() <= t || !heads.containsKey(r.peer())
          || scores.isBanned(r.peer(), t));
      Map<PeerId, Integer> perPeer = new TreeMap<>();
      outstanding.values().forEach(r -> perPeer.merge(r.peer(), 1, Integer::sum));
      assertTrue(perPeer.size() <= PEERS_MAX, "busy peers " + perPeer);
      assertEquals(perPeer.size(), scheduler.stats().busyPeers());
      assertTrue(perPeer.values().stream().allMatch(n -> n <= REQUESTS_PER_PEER_MAX), "per peer " + perPeer);

      long next = now + 1_000;
      if (!events.isEmpty()) {
        next = Math.min(next, events.firstKey());
      }
      for (Request r : outstanding.values()) {
        next = Math.min(next, r.deadlineMillis());
      }
      now = Math.max(now + 1, next);
    }
    assertEquals(LongStream.rangeClosed(FROM, to).boxed().toList(), delivered);
    return new Run(log, scheduler.stats());
  }

  private static Optional<Map.Entry<Long, Event>> answer(
      Behaviour b, Request r, long now, Random random) {
    long at = now + 1 + random.nextInt(400);
    List<Long> all = LongStream.rangeClosed(r.fromNumber(), r.toNumber()).boxed().toList();
    Outcome<Long> outcome = switch (b) {
      case HONEST, LEAVING -> new Outcome.Delivered<>(all);
      case STALLING -> null;
      case LYING -> random.nextBoolean() ? new Outcome.Delivered<>(all) : new Outcome.Invalid<>("forged");
      case SHORT -> new Outcome.Delivered<>(all.subList(0, r.count() == 1 ? 1 : 1 + random.nextInt(r.count() - 1)));
    };
    return Optional.ofNullable(outcome).map(o -> Map.entry(at, new Respond(r, o)));
  }

  private static void at(TreeMap<Long, List<Event>> events, long time, Event e) {
    events.computeIfAbsent(time, t -> new ArrayList<>()).add(e);
  }
}
