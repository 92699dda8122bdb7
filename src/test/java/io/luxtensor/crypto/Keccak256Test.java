package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.luxtensor.bytes.Hex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;

/** Keccak-256 with Ethereum's padding, against published digests and BouncyCastle's implementation. */
class Keccak256Test {
  @Test
  void knownDigests() {
    assertEquals("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        Hex.encode(Keccak256.hash(new byte[0])));
    assertEquals("0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
        Hex.encode(Keccak256.hash("abc".getBytes(StandardCharsets.US_ASCII))));
  }

  /** Every length from empty to past five blocks, where the padding falls at each place in a lane and a block. */
  @Test
  void agreesWithBouncyCastlesKeccakOnEveryLengthUpToFiveBlocks() {
    Random random = new Random(11);
    for (int length = 0; length <= 5 * 136 + 8; length++) {
      byte[] input = new byte[length];
      random.nextBytes(input);
      KeccakDigest reference = new KeccakDigest(256);
      reference.update(input, 0, length);
      byte[] expected = new byte[Keccak256.LENGTH];
      reference.doFinal(expected, 0);
      assertArrayEquals(expected, Keccak256.hash(input), "length " + length);
    }
  }

  @Test
  void aRangeHashesOnlyItsBytes() {
    byte[] framed = "xxabcyy".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(Keccak256.hash("abc".getBytes(StandardCharsets.US_ASCII)), Keccak256.hash(framed, 2, 3));
  }

  @Test
  void aBadRangeIsRefusedAndLeavesTheNextHashRight() {
    byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
    byte[] expected = Keccak256.hash(abc);
    assertThrows(IndexOutOfBoundsException.class, () -> Keccak256.hash(abc, 1, 5));
    assertThrows(IndexOutOfBoundsException.class, () -> Keccak256.hash(abc, -1, 2));
    assertArrayEquals(expected, Keccak256.hash(abc));
  }

  @Test
  void threadsHashingAtOnceAgreeWithOneThread() throws Exception {
    Random random = new Random(7);
    List<byte[]> inputs = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      byte[] input = new byte[random.nextInt(300)];
      random.nextBytes(input);
      inputs.add(input);
    }
    List<byte[]> expected = inputs.stream().map(Keccak256::hash).toList();
    try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
      List<Future<List<byte[]>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(threads.submit(() -> inputs.stream().map(Keccak256::hash).toList()));
      }
      for (Future<List<byte[]>> result : results) {
        List<byte[]> hashes = result.get();
        for (int i = 0; i < inputs.size(); i++) {
          assertArrayEquals(expected.get(i), hashes.get(i));
        }
      }
    }
  }
}
