package io.luxtensor.cli;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.Keccak256;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.types.AccessListTransaction;
import io.luxtensor.types.Address;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.Hash;
import io.luxtensor.types.IntrinsicGas;
import io.luxtensor.types.LegacyTransaction;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.TransactionType;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;

/**
 * The transfers {@code bench tps} sends, derived from a seed so that a run can be repeated: {@code senders} keys,
 * and transfer {@code i} signed by sender {@code i mod senders} with that sender's {@code (i div senders)}-th nonce
 * of the run, paying {@link #VALUE} to a fresh address of its own. Consecutive transfers come from different
 * senders, so wherever the submission has got to, each sender has about its share of what is in flight.
 */
final class BenchTransfers {
  /** One wei: the amount does not matter, the transfer does. */
  static final Wei VALUE = Wei.of(1);
  /** 1 gwei, what wallets commonly offer; the dev node's pool takes any tip, and blocks are ordered by it. */
  static final BigInteger TIP_PER_GAS = BigInteger.valueOf(1_000_000_000L);
  private static final String DOMAIN = "luxtensor bench tps";

  /**
   * What to sign.
   *
   * @param seed what the keys and recipients derive from
   * @param senders how many accounts send
   * @param transfers how many transfers, all senders together
   * @param type the envelope
   * @param maxFeePerGas the gas price of legacy and EIP-2930 transfers, the fee cap of EIP-1559 ones
   * @param chainId the chain the signatures commit to
   */
  record Plan(long seed, int senders, int transfers, TransactionType type, BigInteger maxFeePerGas, long chainId) {
    /** How many of the transfers {@code sender} signs. */
    int share(int sender) {
      return transfers / senders + (sender < transfers % senders ? 1 : 0);
    }

    /** The most one transfer may cost its sender, which the pool wants covered: the value and its gas at the cap. */
    BigInteger costMax() {
      return VALUE.value().add(maxFeePerGas.multiply(BigInteger.valueOf(IntrinsicGas.TRANSFER)));
    }
  }

  /**
   * Transfers signed and ready to send.
   *
   * @param requests each one's {@code eth_sendRawTransaction} request, with the transfer's index as its id
   * @param hashes each one's hash, in lowercase hex as JSON-RPC answers it
   * @param signing how long signing them took
   */
  record Signed(List<String> requests, List<String> hashes, Duration signing) {}

  private BenchTransfers() {}

  static PrivateKey senderKey(long seed, int sender) {
    return PrivateKey.fromBytes(derive(seed, "sender " + sender));
  }

  static Address recipient(long seed, int transfer) {
    return Address.wrap(Arrays.copyOfRange(derive(seed, "recipient " + transfer), Hash.LENGTH - Address.LENGTH,
        Hash.LENGTH));
  }

  /**
   * Signs every transfer of {@code plan}, on all cores (a signature takes ~150 µs).
   *
   * @param keys the senders' keys, by sender index
   * @param firstNonces each sender's next nonce on the chain, by sender index
   */
  static Signed sign(Plan plan, List<PrivateKey> keys, long[] firstNonces) {
    long start = System.nanoTime();
    String[] requests = new String[plan.transfers()];
    String[] hashes = new String[plan.transfers()];
    IntStream.range(0, plan.transfers()).parallel().forEach(i -> {
      int sender = i % plan.senders();
      byte[] raw = unsigned(plan, i, firstNonces[sender] + i / plan.senders()).sign(keys.get(sender)).encode();
      hashes[i] = Hash.keccak(raw).toHex();
      requests[i] = "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"eth_sendRawTransaction\",\"params\":[\""
          + Hex.encode(raw) + "\"]}";
    });
    return new Signed(List.of(requests), List.of(hashes), Duration.ofNanos(System.nanoTime() - start));
  }

  private static Transaction unsigned(Plan plan, int transfer, long nonce) {
    Optional<Address> to = Optional.of(recipient(plan.seed(), transfer));
    BigInteger fee = plan.maxFeePerGas();
    long gas = IntrinsicGas.TRANSFER;
    return switch (plan.type()) {
      case LEGACY -> new LegacyTransaction(OptionalLong.of(plan.chainId()), nonce, fee, gas, to, VALUE, Bytes.EMPTY,
          null);
      case ACCESS_LIST -> new AccessListTransaction(plan.chainId(), nonce, fee, gas, to, VALUE, Bytes.EMPTY,
          List.of(), null);
      case DYNAMIC_FEE -> new DynamicFeeTransaction(plan.chainId(), nonce, TIP_PER_GAS.min(fee), fee, gas, to, VALUE,
          Bytes.EMPTY, List.of(), null);
    };
  }

  /** 32 bytes for {@code what} under this seed: Keccak-256 of a text naming both. */
  private static byte[] derive(long seed, String what) {
    return Keccak256.hash((DOMAIN + " seed " + seed + " " + what).getBytes(StandardCharsets.UTF_8));
  }
}
