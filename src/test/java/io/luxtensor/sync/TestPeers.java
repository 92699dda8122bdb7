package io.luxtensor.sync;

import io.luxtensor.types.Hash;
import java.util.List;
import java.util.stream.IntStream;

/** Peer ids and hashes made from small integers, for readable tests. */
final class TestPeers {
  private TestPeers() {}

  static PeerId peer(int i) {
    return new PeerId(hash(1_000_000 + i));
  }

  /** {@code n} peers in id order, so that tests can reason about tie-breaks. */
  static List<PeerId> sortedPeers(int n) {
    return IntStream.range(0, n).mapToObj(TestPeers::peer).sorted().toList();
  }

  static Hash hash(int i) {
    return Hash.keccak(new byte[] {(byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i});
  }
}
