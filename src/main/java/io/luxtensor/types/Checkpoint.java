package io.luxtensor.types;

import io.luxtensor.rlp.RlpItem;
import io.luxtensor.rlp.RlpList;
import io.luxtensor.rlp.RlpString;

/**
 * A finality checkpoint: a block by slot and hash. Headers carry the justified and finalized checkpoints their
 * proposer saw, so a reader of one header knows what was final when it was made.
 *
 * @param slot the slot of the checkpoint block
 * @param blockHash its hash
 */
public record Checkpoint(long slot, Hash blockHash) {
  public static final Checkpoint GENESIS_UNSET = new Checkpoint(0, Hash.ZERO);

  public RlpList toRlp() {
    return RlpList.of(RlpString.of(slot), RlpString.of(blockHash.toBytes()));
  }

  public static Checkpoint fromRlp(RlpItem item, String field) {
    RlpList f = item.asList(field).expectSize(field, 2);
    return new Checkpoint(
        f.get(0).asString(field + ".slot").asLong(field + ".slot"),
        Hash.wrap(f.get(1).asString(field + ".blockHash").asBytes(field + ".blockHash", Hash.LENGTH)));
  }
}
