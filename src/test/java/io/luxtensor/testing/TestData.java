package io.luxtensor.testing;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.types.AccessListEntry;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Bloom;
import io.luxtensor.types.Checkpoint;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.Hash;
import io.luxtensor.types.LegacyTransaction;
import io.luxtensor.types.Log;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

/** Seeded builders of chain data: the same seed gives the same data, so a failing case replays from its seed. */
public final class TestData {
  public static final long CHAIN_ID = 31337;
  private final Random random;

  public TestData(long seed) {
    this.random = new Random(seed);
  }

  public byte[] bytes(int length) {
    byte[] out = new byte[length];
    random.nextBytes(out);
    return out;
  }

  public Hash hash() {
    return Hash.wrap(bytes(32));
  }

  public Address address() {
    return Address.wrap(bytes(20));
  }

  public PrivateKey key() {
    return PrivateKey.fromBytes(Hash.keccak(bytes(32)).toBytes());
  }

  public Log log() {
    List<Hash> topics = new ArrayList<>();
    int count = random.nextInt(Log.TOPICS_MAX + 1);
    for (int i = 0; i < count; i++) {
      topics.add(hash());
    }
    return new Log(address(), topics, Bytes.of(bytes(random.nextInt(100))));
  }

  /** A signed EIP-1559 transfer with some calldata and an access list. */
  public Transaction dynamicFeeTransaction() {
    List<AccessListEntry> accessList = List.of(new AccessListEntry(address(), List.of(hash(), hash())));
    return new DynamicFeeTransaction(CHAIN_ID, random.nextInt(1000), BigInteger.valueOf(1_000_000_000),
        BigInteger.valueOf(30_000_000_000L), 100_000, Optional.of(address()), Wei.of(random.nextInt(1 << 30)),
        Bytes.of(bytes(random.nextInt(64))), accessList, null).sign(key());
  }

  /** A signed EIP-155 legacy transfer. */
  public Transaction legacyTransaction() {
    return new LegacyTransaction(OptionalLong.of(CHAIN_ID), random.nextInt(1000), BigInteger.valueOf(7_000_000_000L),
        21_000, Optional.of(address()), Wei.of(random.nextInt(1 << 30)), Bytes.EMPTY, null).sign(key());
  }

  /** A header signed by {@code proposerKey}, with every field populated. */
  public BlockHeader header(PrivateKey proposerKey) {
    long number = random.nextInt(1_000_000);
    return new BlockHeader(hash(), number, number + random.nextInt(10), 1_700_000_000L + number,
        Address.of(proposerKey.publicKey()), hash(), hash(), hash(), Bloom.of(List.of(log())), 30_000_000,
        random.nextInt(30_000_000), BigInteger.valueOf(1_000_000_000L + random.nextInt(1000)),
        Bytes.of(bytes(random.nextInt(BlockHeader.EXTRA_DATA_MAX + 1))), hash(), Bytes.of(bytes(81)),
        new Checkpoint(number - 1, hash()), new Checkpoint(number - 2, hash()), hash(), null)
        .sign(CHAIN_ID, proposerKey);
  }
}
