package io.luxtensor.api.jsonrpc.eth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.chain.StoredBlock;
import java.math.BigInteger;
import java.util.Optional;

/** The transaction at an index of a block, for the ...AndIndex methods: null past the end, as Geth answers. */
final class BlockTransactions {
  private BlockTransactions() {}

  static ObjectNode at(Optional<StoredBlock> block, JsonRpcParams params, int index) throws JsonRpcException {
    BigInteger position = params.quantity(index, "index");
    if (block.isEmpty() || position.compareTo(BigInteger.valueOf(block.get().block().transactions().size())) >= 0) {
      return null;
    }
    int i = position.intValueExact();
    return JsonRpcResults.transaction(block.get().block().transactions().get(i), block.get().senders().get(i),
        block.get().block().header(), i);
  }
}
