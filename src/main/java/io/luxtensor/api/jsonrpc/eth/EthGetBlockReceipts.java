package io.luxtensor.api.jsonrpc.eth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.BlockResolver;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.chain.StoredBlock;
import io.luxtensor.types.Receipt;
import java.util.List;
import java.util.Optional;

/** {@code eth_getBlockReceipts(block)}: every receipt of a block given by number, tag or hash, or null. */
public final class EthGetBlockReceipts implements JsonRpcMethod {
  private final BlockchainQueries chain;
  private final BlockResolver blocks;

  public EthGetBlockReceipts(BlockchainQueries chain) {
    this.chain = chain;
    this.blocks = new BlockResolver(chain);
  }

  @Override
  public String name() {
    return "eth_getBlockReceipts";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    Optional<StoredBlock> block = blocks.resolve(params.block(0, "block")).flatMap(h -> chain.block(h.hash()));
    if (block.isEmpty()) {
      return null;
    }
    Optional<List<Receipt>> receipts = chain.receipts(block.get().block().hash());
    if (receipts.isEmpty()) {
      return null;
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < receipts.get().size(); i++) {
      out.add(JsonRpcResults.receipt(block.get(), receipts.get(), i));
    }
    return out;
  }
}
