package io.luxtensor.sync;

import static io.luxtensor.sync.TestPeers.sortedPeers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DownloadSchedulerTest {
  /** Batches of 10, 4 peers × 2 requests, 16 batches ahead, 1 s before the first answer. */
  private static final SyncConfig CONFIG = new SyncConfig(SyncConfig.Phase.BODIES, 10, 4, 2, 3, 16, 1_000, 500,
      10_000);
  private static final long BAN = 60_000;
  private static final List<PeerId> P = sortedPeers(6);

  private final PeerScores scores = new PeerScores(100, BAN);

  private DownloadScheduler<Long> scheduler(long from, long to) {
    return new DownloadScheduler<>(CONFIG, scores, from, to);
  }

  private static Outcome<Long> full(Request r) {
    return new Outcome.Delivered<>(LongStream.rangeClosed(r.fromNumber(), r.toNumber()).boxed().toList());
  }

  private static Outcome<Long> first(Request r, int n) {
    return new Outcome.Delivered<>(LongStream.range(r.fromNumber(), r.fromNumber() + n).boxed().toList());
  }

  /** Hands out and imports everything ready; returns the numbers in the order handed out. */
  private static List<Long> importReady(DownloadScheduler<Long> s) {
    List<Long> out = new ArrayList<>();
    for (var ready = s.nextReady(); ready.isPresent(); ready = s.nextReady()) {
      out.addAll(ready.get().items());
      s.onImported(ready.get().toNumber());
    }
    return out;
  }

  @Test
  void batchesGoToUpToFourPeersInParallelIdleOnesFirst() {
    DownloadScheduler<Long> s = scheduler(1, 1_000);
    P.forEach(p -> s.onPeerJoined(p, 1_000));
    List<Request> requests = s.poll(0);
    assertEquals(8, requests.size(), "4 peers × 2 requests");
    assertEquals(4, requests.stream().map(Request::peer).distinct().count());
    assertEquals(4, requests.subList(0, 4).stream().map(Request::peer).distinct().count(), "idle peers first");
    for (int i = 0; i < requests.size(); i++) {
      Request r = requests.get(i);
      assertEquals(i + 1, r.requestId());
      assertEquals(1 + 10L * i, r.fromNumber());
      assertEquals(10, r.count());
      assertEquals(1_000, r.deadlineMillis());
    }
    assertEquals(List.of(), s.poll(1), "every allowed peer is full");
    assertEquals(4, s.stats().busyPeers());
  }

  @Test
  void aStallingPeersBatchTimesOutAndGoesToAnotherPeer() {
    DownloadScheduler<Long> s = scheduler(1, 100);
    s.onPeerJoined(P.get(0), 100);
    List<Request> stalled = s.poll(0);
    assertEquals(List.of(1L, 11L), stalled.stream().map(Request::fromNumber).toList());
    s.onPeerJoined(P.get(1), 100);
    List<Request> other = s.poll(999);
    assertEquals(List.of(21L, 31L), other.stream().map(Request::fromNumber).toList());
    other.forEach(r -> assertTrue(s.onResponse(r.requestId(), 1_100, full(r))));

    List<Request> after = s.poll(1_100);
    assertEquals(List.of(1L, 11L), after.subList(0, 2).stream().map(Request::fromNumber).toList());
    assertTrue(after.subList(0, 2).stream().allMatch(r -> r.peer().equals(P.get(1))), "not the peer that failed");
    assertTrue(after.subList(2, 4).stream().allMatch(r -> r.peer().equals(P.get(0))),
        "the slow peer still gets other batches");
    assertEquals(2, s.stats().timeouts());
    assertEquals(-20, scores.score(P.get(0)));
    assertFalse(s.onResponse(stalled.get(0).requestId(), 1_200, full(stalled.get(0))), "a late answer is dropped");
  }

  @Test
  void aPeerSendingInvalidDataIsBannedAndNotAskedAgainUntilTheBanExpires() {
    DownloadScheduler<Long> s = scheduler(1, 1_000_000);
    s.onPeerJoined(P.get(0), 1_000_000);
    s.onPeerJoined(P.get(1), 1_000_000);
    List<Request> first = s.poll(0);
    Request liar = first.stream().filter(r -> r.peer().equals(P.get(0))).findFirst().orElseThrow();
    Request liarsOther = first.stream().filter(r -> r.peer().equals(P.get(0)) && r != liar).findFirst().orElseThrow();
    assertTrue(s.onResponse(liar.requestId(), 10, new Outcome.Invalid<>("transactions root mismatch")));
    assertTrue(scores.isBanned(P.get(0), 10));
    assertFalse(s.onResponse(liarsOther.requestId(), 11, full(liarsOther)), "its other request was withdrawn");
    assertEquals(1, s.stats().bans());

    Set<PeerId> asked = new TreeSet<>();
    for (long now = 20; now < 10 + BAN; now += 100) {
      for (Request r : s.poll(now)) {
        asked.add(r.peer());
        s.onResponse(r.requestId(), now + 50, full(r));
      }
      importReady(s);
    }
    assertEquals(Set.of(P.get(1)), asked);
    assertTrue(s.poll(10 + BAN).stream().anyMatch(r -> r.peer().equals(P.get(0))), "back after the ban");
  }

  @Test
  void aBatchFailingOnMoreDistinctPeersThanTheRetriesFailsTheSync() {
    DownloadScheduler<Long> s = scheduler(1, 10);
    P.forEach(p -> s.onPeerJoined(p, 10));
    Set<PeerId> failedOn = new TreeSet<>();
    for (int i = 0; i < 4; i++) {
      assertInstanceOf(SyncStatus.Downloading.class, s.status());
      List<Request> requests = s.poll(i);
      assertEquals(1, requests.size());
      assertTrue(failedOn.add(requests.get(0).peer()), "each retry goes to a peer that has not failed it");
      s.onResponse(requests.get(0).requestId(), i, new Outcome.Invalid<>("bad link"));
    }
    SyncStatus.Failed failed = assertInstanceOf(SyncStatus.Failed.class, s.status());
    assertEquals(1, failed.fromNumber());
    assertEquals(10, failed.toNumber());
    assertTrue(failed.reason().startsWith("invalid: bad link (peer "), failed.reason());
    assertTrue(failed.reason().endsWith("failed on 4 peers, 3 retries allowed"), failed.reason());
    assertEquals(List.of(), s.poll(100), "nothing more is asked");
  }

  @Test
  void aBatchCountsAsFailedOncePerPeerAndWaitsWhenNoPeerIsLeft() {
    DownloadScheduler<Long> s = scheduler(1, 10);
    s.onPeerJoined(P.get(0), 10);
    long now = 0;
    int asked = 0;
    for (List<Request> r = s.poll(now); !r.isEmpty() || asked == 0; r = s.poll(now)) {
      asked += r.size();
      now = r.isEmpty() ? now + 1 : r.get(0).deadlineMillis();
    }
    assertEquals(5, asked, "the only peer is asked again until five timeouts ban it");
    assertTrue(scores.isBanned(P.get(0), now));
    assertInstanceOf(SyncStatus.Downloading.class, s.status(), "waiting is not failing");
    assertEquals(List.of(), s.poll(now + 1_000));

    s.onPeerJoined(P.get(1), 10);
    Request r = s.poll(now + 2_000).get(0);
    assertEquals(P.get(1), r.peer());
    s.onResponse(r.requestId(), now + 2_100, full(r));
    assertEquals(LongStream.rangeClosed(1, 10).boxed().toList(), importReady(s));
    assertTrue(s.done());
  }

  @Test
  void thePipelineHoldsAtMostTheAllowedBatchesAheadOfTheImport() {
    DownloadScheduler<Long> s = scheduler(1, 1_000);
    P.forEach(p -> s.onPeerJoined(p, 1_000));
    long highestAsked = 0;
    for (long now = 0; now < 100; now++) {
      for (Request r : s.poll(now)) {
        highestAsked = Math.max(highestAsked, r.toNumber());
        s.onResponse(r.requestId(), now, full(r));
      }
    }
    assertEquals(160, highestAsked, "16 batches of 10 with nothing imported");
    assertEquals(1, s.nextReady().orElseThrow().fromNumber());
    s.onImported(10);
    assertEquals(List.of(161L), s.poll(100).stream().map(Request::fromNumber).toList());
  }

  @Test
  void aShortAnswerKeepsWhatCameAndAsksForTheRest() {
    DownloadScheduler<Long> s = scheduler(1, 10);
    s.onPeerJoined(P.get(0), 10);
    Request r = s.poll(0).get(0);
    assertTrue(s.onResponse(r.requestId(), 100, first(r, 4)));
    assertEquals(-5, scores.score(P.get(0)));
    Request rest = s.poll(100).get(0);
    assertEquals(5, rest.fromNumber());
    assertEquals(6, rest.count());
    assertEquals(P.get(0), rest.peer(), "a short answer is not a failure, so the same peer may finish it");
    s.onResponse(rest.requestId(), 200, full(rest));
    var ready = s.nextReady().orElseThrow();
    assertEquals(List.of(1L, 2L, 3L, 4L), ready.items());
    assertEquals(P.get(0), ready.peer());
    assertEquals(5, s.nextReady().orElseThrow().fromNumber());
    assertEquals(1, s.stats().retries());
  }

  @Test
  void anEmptyAnswerLowersThePeersHeadSoItIsNotAskedThereAgain() {
    DownloadScheduler<Long> s = scheduler(1, 10);
    s.onPeerJoined(P.get(0), 10);
    Request r = s.poll(0).get(0);
    assertTrue(s.onResponse(r.requestId(), 100, new Outcome.Delivered<>(List.of(), false)));
    for (long now = 200; now < 2_000; now += 100) {
      assertEquals(List.of(), s.poll(now),
          "the only peer had nothing from block 1 (its branch got shorter): it is not asked again until its status");
    }
    assertEquals(-5, scores.score(P.get(0)), "scored down once, not until banned");
    s.onPeerHead(P.get(0), 10);
    assertEquals(1, s.poll(2_000).get(0).fromNumber(), "a new status makes it worth asking again");
  }

  @Test
  void anAnswerCutAtTheServersSizeBudgetIsShortButNotScoredDown() {
    DownloadScheduler<Long> s = scheduler(1, 10);
    s.onPeerJoined(P.get(0), 10);
    Request r = s.poll(0).get(0);
    List<Long> four = ((Outcome.Delivered<Long>) first(r, 4)).items();
    assertTrue(s.onResponse(r.requestId(), 100, new Outcome.Delivered<>(four, true)));
    assertEquals(1, scores.score(P.get(0)), "a useful answer, as full as the server's budget allowed");
    Request rest = s.poll(100).get(0);
    assertEquals(5, rest.fromNumber());
    assertEquals(6, rest.count());
    assertEquals(0, s.stats().retries(), "asking for the rest is not a retry");
  }

  @Test
  void emptyAnswersAndExtraItemsAreFailuresAndExtraItemsBan() {
    DownloadScheduler<Long> s = scheduler(1, 10);
    s.onPeerJoined(P.get(0), 10);
    s.onPeerJoined(P.get(1), 10);
    Request r = s.poll(0).get(0);
    s.onResponse(r.requestId(), 10, new Outcome.Delivered<>(List.of()));
    assertEquals(-5, scores.score(r.peer()));
    Request again = s.poll(10).get(0);
    assertFalse(again.peer().equals(r.peer()));
    s.onResponse(again.requestId(), 20, first(again, 11));
    assertTrue(scores.isBanned(again.peer(), 20));
  }

  @Test
  void aLeavingPeersBatchesGoBackWithoutBlameAndALowHeadKeepsAPeerFromHighBatches() {
    DownloadScheduler<Long> s = scheduler(1, 20);
    s.onPeerJoined(P.get(0), 20);
    s.onPeerJoined(P.get(1), 15);
    List<Request> requests = s.poll(0);
    assertTrue(requests.stream().allMatch(r -> r.peer().equals(P.get(0))), "only P0's head covers 11..20 too");
    s.onPeerLeft(P.get(0));
    assertFalse(s.onResponse(requests.get(0).requestId(), 5, full(requests.get(0))));
    List<Request> next = s.poll(10);
    assertEquals(List.of(1L), next.stream().map(Request::fromNumber).toList(), "11..20 waits for a peer");
    s.onPeerHead(P.get(1), 25);
    assertEquals(List.of(11L), s.poll(11).stream().map(Request::fromNumber).toList());
    assertEquals(0, scores.score(P.get(0)));
    assertEquals(0, s.stats().retries());
  }

  @Test
  void aBanFromGossipWithdrawsTheBannedPeersRequests() {
    DownloadScheduler<Long> s = scheduler(1, 20);
    s.onPeerJoined(P.get(0), 20);
    List<Request> requests = s.poll(0);
    scores.record(P.get(0), PeerEvent.PROTOCOL_VIOLATION, 5);
    s.onPeerJoined(P.get(1), 20);
    List<Request> moved = s.poll(6);
    assertEquals(List.of(1L, 11L), moved.stream().map(Request::fromNumber).toList());
    assertTrue(moved.stream().allMatch(r -> r.peer().equals(P.get(1))));
    assertFalse(s.onResponse(requests.get(0).requestId(), 7, full(requests.get(0))));
  }

  @Test
  void theTailExtendsTheRange() {
    DownloadScheduler<Long> s = scheduler(1, 10);
    s.onPeerJoined(P.get(0), 30);
    Request r = s.poll(0).get(0);
    s.onResponse(r.requestId(), 1, full(r));
    importReady(s);
    assertTrue(s.done());
    s.extendTo(30);
    assertFalse(s.done());
    assertEquals(List.of(11L, 21L), s.poll(2).stream().map(Request::fromNumber).toList());
  }

  @Test
  void amongIdlePeersTheBetterScoredThenTheFasterIsAskedFirst() {
    DownloadScheduler<Long> s = scheduler(1, 1_000);
    s.onPeerJoined(P.get(0), 1_000);
    s.onPeerJoined(P.get(1), 1_000);
    s.onPeerJoined(P.get(2), 1_000);
    scores.record(P.get(2), PeerEvent.GOSSIP_ACCEPTED, 0);
    List<Request> first = s.poll(0);
    assertEquals(P.get(2), first.get(0).peer(), "the best score wins over the lowest id");
    first.forEach(r -> s.onResponse(r.requestId(), r.peer().equals(P.get(1)) ? 100 : 900, full(r)));
    scores.record(P.get(1), PeerEvent.GOSSIP_ACCEPTED, 0);
    scores.record(P.get(0), PeerEvent.GOSSIP_ACCEPTED, 0);
    List<Request> next = s.poll(1_000);
    assertEquals(List.of(P.get(1), P.get(0), P.get(2)), next.subList(0, 3).stream().map(Request::peer).toList(),
        "equal scores (3 each): the shortest timeout first, as P1 answered in 100 ms; P0 and P2 tie, the id decides");
  }
}
