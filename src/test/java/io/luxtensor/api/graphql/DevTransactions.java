package io.luxtensor.api.graphql;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.bytes.Hex;
import io.luxtensor.chain.DevChain;
import io.luxtensor.crypto.PrivateKey;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.execution.system.ChainInfoContract;
import io.luxtensor.testing.AbiCalls;
import io.luxtensor.types.Address;
import io.luxtensor.types.DynamicFeeTransaction;
import io.luxtensor.types.Hash;
import io.luxtensor.types.LegacyTransaction;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Signed transactions from the dev chain's prefunded accounts, as raw hex for eth_sendRawTransaction. */
final class DevTransactions {
  static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);
  static final BigInteger MAX_FEE = GWEI.multiply(BigInteger.TEN);
  static final Address RECIPIENT = Address.fromHex("0x000000000000000000000000000000000000beef");
  static final List<DevChain.DevAccount> ACCOUNTS = DevChain.accounts(DevChain.ACCOUNTS_DEFAULT);

  private DevTransactions() {}

  static PrivateKey key(int account) {
    return ACCOUNTS.get(account).key();
  }

  static Address address(int account) {
    return ACCOUNTS.get(account).address();
  }

  /** An EIP-1559 transfer of {@code wei} to {@link #RECIPIENT}. */
  static String transfer(int account, long nonce, long wei) {
    return transfer(account, nonce, Wei.of(wei));
  }

  static String transfer(int account, long nonce, Wei value) {
    return Hex.encode(new DynamicFeeTransaction(DevChain.CHAIN_ID, nonce, GWEI, MAX_FEE, 21_000,
        Optional.of(RECIPIENT), value, Bytes.EMPTY, List.of(), null).sign(key(account)).encode());
  }

  /** A legacy (EIP-155) transfer of {@code wei} to {@link #RECIPIENT}. */
  static String legacyTransfer(int account, long nonce, long wei) {
    return Hex.encode(new LegacyTransaction(OptionalLong.of(DevChain.CHAIN_ID), nonce, MAX_FEE, 21_000,
        Optional.of(RECIPIENT), Wei.of(wei), Bytes.EMPTY, null).sign(key(account)).encode());
  }

  /** ChainInfo's {@code ping(note)}, which counts pings in storage slot 0 and emits Pinged(sender, note, count). */
  static String ping(int account, long nonce, Hash note) {
    return call(account, nonce, ChainInfoContract.ADDRESS, Wei.ZERO, 100_000,
        AbiCalls.calldata("ping(bytes32)", List.of(AbiType.BYTES32), List.of(note.toBytes())));
  }

  /** An EIP-1559 transaction that calls the system contract at {@code to} with {@code calldata}. */
  static String call(int account, long nonce, Address to, Wei value, long gas, byte[] calldata) {
    return Hex.encode(new DynamicFeeTransaction(DevChain.CHAIN_ID, nonce, GWEI, MAX_FEE, gas, Optional.of(to), value,
        Bytes.of(calldata), List.of(), null).sign(key(account)).encode());
  }

  static Hash pingedTopic() {
    return Hash.wrap(Abi.eventTopic(ChainInfoContract.PINGED_EVENT));
  }
}
