package io.luxtensor.execution.system;

import io.luxtensor.execution.abi.Abi;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How system contracts lay out their storage and logs, as Solidity would: records at a hash plus a field offset, words
 * of 32 bytes, addresses in the low 20 bytes, event topics from signatures.
 */
final class ContractStorage {
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  private ContractStorage() {}

  /** The slot named by {@code name} (e.g. {@code "luxtensor.staking.count"}). */
  static Hash named(String name) {
    return Hash.keccak(name.getBytes(StandardCharsets.US_ASCII));
  }

  /** The number a slot name stands for, to offset fields from. */
  static BigInteger base(String name) {
    return new BigInteger(1, named(name).toBytes());
  }

  /** Field {@code field} of the record whose key hashes to {@code key}: {@code keccak256(key) + field}. */
  static Hash field(byte[] key, long field) {
    return slot(new BigInteger(1, Hash.keccak(key).toBytes()).add(BigInteger.valueOf(field)));
  }

  /** A record key naming its kind, then its parts as words: {@code kind ‖ word(part) ‖ …}. */
  static byte[] key(String kind, BigInteger... parts) {
    ByteArrayOutputStream key = new ByteArrayOutputStream();
    key.writeBytes(kind.getBytes(StandardCharsets.US_ASCII));
    for (BigInteger part : parts) {
      key.writeBytes(word(part));
    }
    return key.toByteArray();
  }

  /** The slot {@code value} (mod 2^256). */
  static Hash slot(BigInteger value) {
    return Hash.wrap(word(value.mod(TWO_256)));
  }

  /** {@code value}'s low 32 bytes, big-endian. */
  static byte[] word(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] out = new byte[32];
    int length = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
    return out;
  }

  /** {@code bytes} zero-padded into {@code words} words: a short string kept in consecutive fields. */
  static List<BigInteger> toWords(byte[] bytes, int words) {
    byte[] padded = Arrays.copyOf(bytes, 32 * words);
    List<BigInteger> out = new ArrayList<>(words);
    for (int i = 0; i < words; i++) {
      out.add(new BigInteger(1, Arrays.copyOfRange(padded, 32 * i, 32 * (i + 1))));
    }
    return out;
  }

  /** The string of {@code length} UTF-8 bytes that {@link #toWords} stored in {@code words}. */
  static String stringOf(List<BigInteger> words, int length) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    words.forEach(w -> bytes.writeBytes(word(w)));
    return new String(bytes.toByteArray(), 0, length, StandardCharsets.UTF_8);
  }

  static BigInteger wordOf(Address address) {
    return new BigInteger(1, address.toBytes());
  }

  static Address addressOf(BigInteger storedWord) {
    return Address.wrap(Arrays.copyOfRange(word(storedWord), 12, 32));
  }

  static Hash topic(String event) {
    return Hash.wrap(Abi.eventTopic(event));
  }

  static Hash addressTopic(Address address) {
    byte[] topic = new byte[32];
    System.arraycopy(address.toBytes(), 0, topic, 12, Address.LENGTH);
    return Hash.wrap(topic);
  }
}
