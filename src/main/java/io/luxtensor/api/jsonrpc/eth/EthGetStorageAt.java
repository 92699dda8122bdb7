package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.BlockParameter;
import io.luxtensor.api.jsonrpc.BlockResolver;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.Secp256k1;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import java.math.BigInteger;

/** {@code eth_getStorageAt(address, slot, block)}: a 32-byte storage word (system contracts keep state there). */
public final class EthGetStorageAt implements JsonRpcMethod {
  private final BlockchainQueries chain;
  private final BlockResolver blocks;

  public EthGetStorageAt(BlockchainQueries chain) {
    this.chain = chain;
    this.blocks = new BlockResolver(chain);
  }

  @Override
  public String name() {
    return "eth_getStorageAt";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(3);
    Address address = params.address(0, "address");
    BigInteger slot = params.word(1, "slot");
    var header = blocks.require(params.block(2, "block", BlockParameter.LATEST));
    BigInteger value = chain.state(header).storage(address, Hash.wrap(Secp256k1.toBytes32(slot)));
    return Hex.encode(Secp256k1.toBytes32(value));
  }
}
