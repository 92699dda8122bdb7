package io.luxtensor.api.jsonrpc.lux;

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
import io.luxtensor.chain.ChainParameters;
import io.luxtensor.consensus.ValidatorSet;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Checkpoint;
import java.math.BigInteger;

/**
 * {@code lux_getEpochInfo(block)}: where a block stands in LuxTensor's time — its slot and epoch, the epoch's first
 * slot and the next's, the slot length — and the justified and finalized checkpoints its header carries, with the
 * validator set's size and stake.
 */
public final class LuxGetEpochInfo implements JsonRpcMethod {
  private final BlockResolver blocks;
  private final ChainParameters parameters;
  private final ActiveValidators validators;

  public LuxGetEpochInfo(BlockchainQueries chain, ChainParameters parameters, ActiveValidators validators) {
    this.blocks = new BlockResolver(chain);
    this.parameters = parameters;
    this.validators = validators;
  }

  @Override
  public String name() {
    return "lux_getEpochInfo";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(1);
    BlockHeader header = blocks.require(params.block(0, "block", BlockParameter.LATEST));
    long epoch = parameters.epochOf(header.slot());
    ValidatorSet active = validators.at(header);
    ObjectNode out = JsonNodeFactory.instance.objectNode()
        .put("blockNumber", JsonRpcResults.quantity(BigInteger.valueOf(header.number())))
        .put("blockHash", header.hash().toHex())
        .put("slot", JsonRpcResults.quantity(BigInteger.valueOf(header.slot())))
        .put("epoch", JsonRpcResults.quantity(BigInteger.valueOf(epoch)))
        .put("epochStartSlot", JsonRpcResults.quantity(BigInteger.valueOf(epoch * parameters.slotsPerEpoch())))
        .put("nextEpochStartSlot",
            JsonRpcResults.quantity(BigInteger.valueOf((epoch + 1) * parameters.slotsPerEpoch())))
        .put("slotsPerEpoch", JsonRpcResults.quantity(BigInteger.valueOf(parameters.slotsPerEpoch())))
        .put("slotMillis", JsonRpcResults.quantity(BigInteger.valueOf(parameters.slotMillis())))
        .put("validatorCount", JsonRpcResults.quantity(BigInteger.valueOf(active.validators().size())))
        .put("totalStake", JsonRpcResults.quantity(active.totalStake()));
    out.set("justified", checkpoint(header.justified()));
    out.set("finalized", checkpoint(header.finalized()));
    return out;
  }

  private static ObjectNode checkpoint(Checkpoint checkpoint) {
    return JsonNodeFactory.instance.objectNode()
        .put("slot", JsonRpcResults.quantity(BigInteger.valueOf(checkpoint.slot())))
        .put("blockHash", checkpoint.blockHash().toHex());
  }
}
