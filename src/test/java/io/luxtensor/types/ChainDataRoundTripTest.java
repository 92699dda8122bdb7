package io.luxtensor.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpDecodingException;
import io.luxtensor.rlp.RlpItem;
import io.luxtensor.rlp.RlpList;
import io.luxtensor.rlp.RlpString;
import io.luxtensor.testing.TestData;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChainDataRoundTripTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void signedHeadersRoundTripAndRecoverTheirProposer(long seed) {
    TestData data = new TestData(seed);
    PrivateKey proposer = data.key();
    BlockHeader header = data.header(proposer);
    BlockHeader decoded = BlockHeader.decode(header.encode());
    assertEquals(header, decoded);
    assertEquals(header.hash(), decoded.hash());
    assertEquals(header.proposer(), decoded.recoverSigner(TestData.CHAIN_ID));
    assertNotEquals(header.proposer(), decoded.recoverSigner(TestData.CHAIN_ID + 1), "the signature binds the chain");
    assertEquals(header.proposer(), decoded.recoverSigner(TestData.CHAIN_ID), "the signer is remembered per chain");
    PrivateKey other = new TestData(seed + 100).key();
    assertEquals(Address.of(other.publicKey()), decoded.sign(TestData.CHAIN_ID, other).recoverSigner(TestData.CHAIN_ID),
        "a header signed again recovers its new signer");
    assertNotEquals(header.hash(), header.signingHash(TestData.CHAIN_ID), "the block hash covers the signature");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void blocksWithLegacyAndTypedTransactionsRoundTrip(long seed) {
    TestData data = new TestData(seed);
    Block block = new Block(data.header(data.key()),
        List.of(data.legacyTransaction(), data.dynamicFeeTransaction(), data.legacyTransaction()));
    Block decoded = Block.decode(block.encode());
    assertEquals(block.header(), decoded.header());
    assertEquals(block.transactions().stream().map(Transaction::hash).toList(),
        decoded.transactions().stream().map(Transaction::hash).toList());
    assertArrayEquals(block.encode(), decoded.encode());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void receiptsOfEachTypeRoundTrip(long seed) {
    TestData data = new TestData(seed);
    for (TransactionType type : TransactionType.values()) {
      Receipt receipt = Receipt.of(type, seed % 2 == 0, 21_000 * seed, List.of(data.log(), data.log()));
      assertEquals(receipt, Receipt.decode(receipt.encode()));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void storedReceiptsLeaveTheirBloomOutAndReadBackWhole(long seed) {
    TestData data = new TestData(seed);
    for (TransactionType type : TransactionType.values()) {
      for (List<Log> logs : List.of(List.<Log>of(), List.of(data.log(), data.log()))) {
        Receipt receipt = Receipt.of(type, seed % 2 == 0, 21_000 * seed, logs);
        byte[] stored = receipt.encodeForStorage();
        assertTrue(stored.length <= receipt.encode().length - Bloom.LENGTH, type + " " + logs.size());
        assertEquals(receipt, Receipt.decodeStored(stored));
        // What nodes stored before: the consensus form, bloom included.
        assertEquals(receipt, Receipt.decodeStored(receipt.encode()));
        assertThrows(RlpDecodingException.class, () -> Receipt.decode(stored));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void aHeaderWithExtraDataOverTheLimitIsRejected(long seed) {
    TestData data = new TestData(seed);
    byte[] encoded = data.header(data.key()).encode();
    // Rebuild the header RLP with 33 bytes of extra data by hand: the constructor itself refuses such a header.
    RlpList fields = Rlp.decodeList(encoded, "header");
    List<RlpItem> items = new ArrayList<>(fields.items());
    items.set(12, RlpString.of(new byte[33]));
    byte[] tampered = Rlp.encode(new RlpList(items));
    assertThrows(RlpDecodingException.class, () -> BlockHeader.decode(tampered));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void headersThatDifferInAnyOneFieldAreUnequalAndHashApart(long seed) {
    TestData data = new TestData(seed);
    BlockHeader header = data.header(data.key());
    Hash hashBefore = header.hash();
    List<RlpItem> fields = Rlp.decodeList(header.encode(), "header").items();
    for (int field = 0; field < fields.size(); field++) {
      List<RlpItem> items = new ArrayList<>(fields);
      items.set(field, changed(field, items.get(field)));
      BlockHeader other = BlockHeader.decode(Rlp.encode(new RlpList(items)));
      assertNotEquals(header, other, "field " + field);
      assertNotEquals(hashBefore, other.hash(), "field " + field);
      assertEquals(Hash.keccak(other.encode()), other.hash(), "field " + field);
    }
    assertEquals(hashBefore, header.hash(), "asked again, the hash is the same");
    assertEquals(Hash.keccak(header.encode()), header.hash());
    BlockHeader resigned = header.sign(TestData.CHAIN_ID + 1, data.key());
    assertNotEquals(header.hash(), resigned.hash(), "a copy with another signature has its own hash");
  }

  /** The field at {@code index} of a header's RLP with a different, still valid value. */
  private static RlpItem changed(int index, RlpItem item) {
    if (item instanceof RlpList checkpoint) {
      Checkpoint c = Checkpoint.fromRlp(checkpoint, "checkpoint");
      return new Checkpoint(c.slot() + 1, c.blockHash()).toRlp();
    }
    byte[] bytes = ((RlpString) item).bytes();
    if (List.of(1, 2, 3, 9, 10, 11).contains(index)) {
      return RlpString.of(new BigInteger(1, bytes).add(BigInteger.ONE));
    }
    if (bytes.length == 0) {
      return RlpString.of(new byte[] {1});
    }
    byte[] flipped = bytes.clone();
    // The middle byte: for the signature it lies inside r, which stays a valid scalar.
    flipped[flipped.length / 2] ^= 1;
    return RlpString.of(flipped);
  }
}
