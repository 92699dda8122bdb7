package io.luxtensor.chain;

/** Why a block is refused. */
public enum BlockInvalidReason {
  UNKNOWN_PARENT("parent block is unknown"),
  WRONG_NUMBER("number is not parent + 1"),
  SLOT_NOT_AFTER_PARENT("slot is not after the parent's slot"),
  SLOT_IN_FUTURE("slot has not started yet"),
  WRONG_TIMESTAMP("timestamp is not the start of its slot"),
  GAS_LIMIT_OUT_OF_BOUNDS("gas limit changed by 1/1024 of the parent's or more, or is below the minimum"),
  GAS_USED_ABOVE_LIMIT("gas used exceeds the gas limit"),
  WRONG_BASE_FEE("base fee is not the EIP-1559 base fee of its parent"),
  WRONG_PROPOSER("proposer is not the validator scheduled for the slot"),
  BAD_SIGNATURE("signature is missing, malformed or not the proposer's"),
  BAD_VRF_PROOF("VRF proof does not verify with the proposer's VRF key"),
  WRONG_RANDAO_MIX("RANDAO mix is not the parent's mix folded with the VRF output"),
  BAD_TRANSACTION_SIGNATURE("a transaction's signature is invalid"),
  WRONG_TRANSACTIONS_ROOT("transactions root does not match the transactions"),
  WRONG_CONSENSUS_ROOT("consensus root does not match the block's votes and evidence"),
  INVALID_VOTE("a vote is not a validator's signed vote for an earlier slot"),
  WRONG_FINALITY("justified or finalized checkpoint does not follow from the votes the chain carries"),
  INVALID_EVIDENCE("slashing evidence does not prove an offence"),
  INVALID_TRANSACTION("a transaction cannot execute"),
  WRONG_GAS_USED("gas used does not match execution"),
  WRONG_LOGS_BLOOM("logs bloom does not match the receipts"),
  WRONG_RECEIPTS_ROOT("receipts root does not match execution"),
  WRONG_STATE_ROOT("state root does not match execution");

  private final String message;

  BlockInvalidReason(String message) {
    this.message = message;
  }

  public String message() {
    return message;
  }
}
