package io.luxtensor.api.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.node.LuxtensorNode;
import io.luxtensor.testing.AbiCalls;
import io.luxtensor.types.Address;
import io.luxtensor.types.Wei;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Signed calls of system contracts from the dev accounts to a manually sealed node, through eth_sendRawTransaction,
 * each account's nonces counted here; blocks are sealed until every call sent has landed and succeeded.
 */
final class DevCalls {
  private static final long GAS = 300_000;

  private final LuxtensorNode node;
  private final GraphQlHttp http;
  private final Map<Integer, Long> nonces = new HashMap<>();
  private final List<String> sent = new ArrayList<>();

  DevCalls(LuxtensorNode node, GraphQlHttp http) {
    this.node = node;
    this.http = http;
  }

  /** Sends {@code signature(args)} to {@code to} with {@code lux} from dev account {@code account}: its nonce. */
  long send(int account, Address to, String lux, String signature, List<AbiType> types, List<?> args)
      throws IOException, InterruptedException {
    long nonce = nonces.merge(account, 1L, Long::sum) - 1;
    sent.add(http.rpc("eth_sendRawTransaction", DevTransactions.call(account, nonce, to, Wei.ofLux(lux), GAS,
        AbiCalls.calldata(signature, types, args))).asText());
    return nonce;
  }

  /** Seals blocks until block {@code last}; every call sent must have landed and succeeded. */
  void sealThrough(long last) throws IOException, InterruptedException, ExecutionException {
    while (node.chain().head().latest().number() < last) {
      node.chain().seal().get();
    }
    for (String hash : sent) {
      assertEquals("0x1", http.rpc("eth_getTransactionReceipt", hash).get("status").asText(), hash);
    }
    sent.clear();
  }
}
