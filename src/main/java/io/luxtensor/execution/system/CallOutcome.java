package io.luxtensor.execution.system;

import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.types.Log;
import java.util.List;

/** How a system-contract call ended, with the gas it used. */
public sealed interface CallOutcome {
  long gasUsed();

  /** @param returnData ABI-encoded return values; @param logs events emitted, in order */
  record Success(byte[] returnData, List<Log> logs, long gasUsed) implements CallOutcome {
    public Success {
      logs = List.copyOf(logs);
    }
  }

  /** @param revertData Solidity's {@code Error(string)} encoding of the reason, as ethers decodes it */
  record Revert(byte[] revertData, String reason, long gasUsed) implements CallOutcome {}

  /** A revert with Solidity's {@code Error(string)} payload, so wallets show the reason. */
  static Revert revert(String reason, long gasUsed) {
    byte[] selector = Abi.selector("Error(string)");
    byte[] args = Abi.encode(List.of(AbiType.STRING), List.of(reason));
    byte[] data = new byte[selector.length + args.length];
    System.arraycopy(selector, 0, data, 0, selector.length);
    System.arraycopy(args, 0, data, selector.length, args.length);
    return new Revert(data, reason, gasUsed);
  }
}
