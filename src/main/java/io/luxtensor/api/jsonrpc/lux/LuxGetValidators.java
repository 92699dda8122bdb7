package io.luxtensor.api.jsonrpc.lux;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.api.ActiveValidators;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.jsonrpc.BlockParameter;
import io.luxtensor.api.jsonrpc.BlockResolver;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.consensus.Validator;
import io.luxtensor.consensus.ValidatorSet;

/**
 * {@code lux_getValidators(block)}: the active validators in address order (address, stake in wei, compressed
 * ECVRF-P256 public key) and their total stake; the same set as GraphQL's {@code validatorSet}. The block must
 * exist; until rotation lands every block has the genesis set.
 */
public final class LuxGetValidators implements JsonRpcMethod {
  private final BlockResolver blocks;
  private final ActiveValidators validators;

  public LuxGetValidators(BlockchainQueries chain, ActiveValidators validators) {
    this.blocks = new BlockResolver(chain);
    this.validators = validators;
  }

  @Override
  public String name() {
    return "lux_getValidators";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    ValidatorSet active = validators.at(blocks.require(params.block(0, "block", BlockParameter.LATEST)));
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode list = out.putArray("validators");
    active.validators().forEach(validator -> list.add(encode(validator)));
    out.put("totalStake", JsonRpcResults.quantity(active.totalStake()));
    return out;
  }

  /** One validator as the lux_ methods show it. */
  static ObjectNode encode(Validator validator) {
    return JsonNodeFactory.instance.objectNode()
        .put("address", validator.address().toHex())
        .put("stake", JsonRpcResults.quantity(validator.stake().value()))
        .put("vrfPublicKey", validator.vrfPublicKey().toHex());
  }
}
