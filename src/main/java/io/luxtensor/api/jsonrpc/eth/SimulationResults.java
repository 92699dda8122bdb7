package io.luxtensor.api.jsonrpc.eth;

import io.luxtensor.api.jsonrpc.JsonRpcError;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.bytes.Hex;
import io.luxtensor.execution.TransactionResult;

/** Turns a simulated call's result into the answer eth_call and eth_estimateGas give, or their errors. */
final class SimulationResults {
  private SimulationResults() {}

  /** The executed result of a call that succeeded; else the error Geth gives (3 for reverts, -32000 otherwise). */
  static TransactionResult.Executed succeeded(TransactionResult result) throws JsonRpcException {
    return switch (result) {
      case TransactionResult.Invalid invalid -> throw new JsonRpcException(JsonRpcError.SERVER_ERROR, invalid.message());
      case TransactionResult.Executed executed when !executed.succeeded() -> throw new JsonRpcException(
          JsonRpcError.EXECUTION_REVERTED, "execution reverted: " + executed.revertReason(),
          Hex.encode(executed.returnData()));
      case TransactionResult.Executed executed -> executed;
    };
  }
}
