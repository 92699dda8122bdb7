package io.luxtensor.api.jsonrpc.lux;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.consensus.Validator;
import io.luxtensor.consensus.ValidatorSet;

/**
 * {@code lux_getValidators}: the active validators in address order (address, stake in wei, compressed ECVRF-P256
 * public key) and their total stake; the same set as GraphQL's {@code validatorSet}.
 */
public final class LuxGetValidators implements JsonRpcMethod {
  private final ValidatorSet validators;

  public LuxGetValidators(ValidatorSet validators) {
    this.validators = validators;
  }

  @Override
  public String name() {
    return "lux_getValidators";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(0);
    return encode(validators);
  }

  private static ObjectNode encode(ValidatorSet set) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode validators = out.putArray("validators");
    for (Validator validator : set.validators()) {
      validators.addObject()
          .put("address", validator.address().toHex())
          .put("stake", JsonRpcResults.quantity(validator.stake().value()))
          .put("vrfPublicKey", validator.vrfPublicKey().toHex());
    }
    out.put("totalStake", JsonRpcResults.quantity(set.totalStake()));
    return out;
  }
}
