package io.luxtensor.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.PrivateKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;

/**
 * Cross-checks against web3j, an independent implementation: what web3j signs, we decode to the same sender and
 * hash and re-sign to the same bytes; what we sign, web3j decodes to the same sender.
 */
class Web3jCrossCheckProperties {

  /** The fields of a transaction, to be built and signed by both libraries. */
  record Fields(
      TransactionType type, long chainId, long nonce, BigInteger tip, BigInteger feeCap, long gasLimit,
      Optional<Address> to, BigInteger value, byte[] data, List<AccessListEntry> accessList, BigInteger key) {}

  @Property(tries = 150)
  void web3jSignedTransactionsDecodeIdentically(@ForAll("fields") Fields f) throws Exception {
    Credentials credentials = Credentials.create(f.key().toString(16));
    byte[] web3jBytes = web3jSign(f, credentials);

    Transaction ours = Transaction.decode(web3jBytes);
    assertEquals(f.type(), ours.type());
    assertEquals(Address.fromHex(credentials.getAddress()), ours.recoverSender());
    assertArrayEquals(unsigned(f).signingPayload(), ours.signingPayload(), "payload cut from the encoding");
    assertEquals(Hash.wrap(org.web3j.crypto.Hash.sha3(web3jBytes)), ours.hash());
    assertArrayEquals(web3jBytes, ours.encode(), "re-encoding");
    assertArrayEquals(web3jBytes, unsigned(f).sign(PrivateKey.fromScalar(f.key())).encode(), "our signature");
  }

  @Property(tries = 150)
  void ourSignedTransactionsDecodeInWeb3j(@ForAll("fields") Fields f) throws Exception {
    Transaction ours = unsigned(f).sign(PrivateKey.fromScalar(f.key()));
    SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(Hex.encode(ours.encode()));
    assertEquals(ours.recoverSender(), Address.fromHex(decoded.getFrom()));
    assertEquals(BigInteger.valueOf(f.nonce()), decoded.getNonce());
    assertEquals(f.value(), decoded.getValue());
  }

  private static Transaction unsigned(Fields f) {
    Wei value = Wei.of(f.value());
    Bytes data = Bytes.of(f.data());
    return switch (f.type()) {
      case LEGACY -> new LegacyTransaction(
          OptionalLong.of(f.chainId()), f.nonce(), f.feeCap(), f.gasLimit(), f.to(), value, data, null);
      case ACCESS_LIST -> new AccessListTransaction(
          f.chainId(), f.nonce(), f.feeCap(), f.gasLimit(), f.to(), value, data, f.accessList(), null);
      case DYNAMIC_FEE -> new DynamicFeeTransaction(
          f.chainId(), f.nonce(), f.tip(), f.feeCap(), f.gasLimit(), f.to(), value, data, f.accessList(), null);
    };
  }

  private static byte[] web3jSign(Fields f, Credentials credentials) {
    BigInteger nonce = BigInteger.valueOf(f.nonce());
    BigInteger gasLimit = BigInteger.valueOf(f.gasLimit());
    String to = f.to().map(Address::toHex).orElse("");
    String data = Hex.encode(f.data());
    List<AccessListObject> accessList = new ArrayList<>();
    for (AccessListEntry entry : f.accessList()) {
      accessList.add(new AccessListObject(
          entry.address().toHex(), entry.storageKeys().stream().map(Hash::toHex).toList()));
    }
    RawTransaction raw = switch (f.type()) {
      case LEGACY -> RawTransaction.createTransaction(nonce, f.feeCap(), gasLimit, to, f.value(), data);
      case ACCESS_LIST -> RawTransaction.createTransaction(
          f.chainId(), nonce, f.feeCap(), gasLimit, to, f.value(), data, accessList);
      case DYNAMIC_FEE -> RawTransaction.createTransaction(
          f.chainId(), nonce, gasLimit, to, f.value(), data, f.tip(), f.feeCap(), accessList);
    };
    return f.type() == TransactionType.LEGACY
        ? TransactionEncoder.signMessage(raw, f.chainId(), credentials)
        : TransactionEncoder.signMessage(raw, credentials);
  }

  @Provide
  Arbitrary<Fields> fields() {
    Arbitrary<BigInteger> fee = Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(30));
    Arbitrary<Optional<Address>> to =
        Arbitraries.bytes().array(byte[].class).ofSize(20).map(Address::wrap).optional(0.9);
    Arbitrary<List<AccessListEntry>> accessList = Combinators.combine(
            Arbitraries.bytes().array(byte[].class).ofSize(20).map(Address::wrap),
            Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash::wrap).list().ofMaxSize(3))
        .as(AccessListEntry::new).list().ofMaxSize(3);
    Arbitrary<BigInteger> key = Arbitraries.bigIntegers()
        .between(BigInteger.ONE, io.luxtensor.crypto.Secp256k1.N.subtract(BigInteger.ONE));
    return Combinators.combine(
            Arbitraries.of(TransactionType.class),
            Arbitraries.longs().between(1, 1L << 40),
            Arbitraries.longs().between(0, Long.MAX_VALUE),
            fee, fee,
            Arbitraries.longs().between(21_000, 30_000_000),
            to,
            Arbitraries.bigIntegers().between(BigInteger.ZERO, Wei.MAX_VALUE))
        .flatAs((type, chainId, nonce, tip, feeCap, gas, recipient, value) -> Combinators.combine(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                type == TransactionType.LEGACY ? Arbitraries.just(List.<AccessListEntry>of()) : accessList,
                key)
            .as((data, list, k) -> new Fields(type, chainId, nonce, tip, feeCap, gas, recipient, value, data, list, k)));
  }
}
