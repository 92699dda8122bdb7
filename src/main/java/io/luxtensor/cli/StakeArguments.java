package io.luxtensor.cli;

import io.luxtensor.bytes.Hex;
import io.luxtensor.types.Address;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import picocli.CommandLine.Parameters;

/** What {@code ai stake add} and {@code remove} take (a subnet, a hotkey, an amount) and what they report. */
final class StakeArguments {
  @Parameters(index = "0", paramLabel = "NETUID", description = "The subnet: 0 to 65535.")
  String netuid;

  @Parameters(index = "1", paramLabel = "HOTKEY", description = "The hotkey: an address, or a key's name in the "
      + "keystore.")
  String hotkey;

  @Parameters(index = "2", paramLabel = "LUX", description = "The amount in LUX, up to 18 decimals (e.g. 1.5).")
  String amount;

  /**
   * The stake moved, checked before anything is sent.
   *
   * @param netuid the subnet
   * @param hotkey the hotkey staked on
   * @param amount how much
   */
  record Change(int netuid, Address hotkey, Wei amount) {}

  Change change(WalletDirectory directory) {
    int subnet = AiArguments.netuid(netuid);
    Wei wei = LuxArgument.parse("LUX", amount);
    return new Change(subnet, AccountArgument.resolve(hotkey, "HOTKEY", directory), wei);
  }

  /**
   * The amount from {@code event} (StakeAdded or StakeRemoved), then the coldkey's and the hotkey's stake on the state
   * after the block: an epoch closing the block may have paid into both since the event.
   */
  static TransactionSender.Outcome outcome(ContractEvent event, Change change, Address coldkey, NodeClient node) {
    return (receipt, report) -> {
      BigInteger amount = (BigInteger) event.decodeFrom(receipt).get(2);
      String block = Hex.encodeQuantity(report.blockNumber());
      BigInteger coldkeyStake = (BigInteger) AiContracts.STAKE.read(node, block, change.netuid(), change.hotkey(),
          coldkey).get(0);
      BigInteger hotkeyStake = (BigInteger) AiContracts.TOTAL_STAKE.read(node, block, change.netuid(),
          change.hotkey()).get(0);
      report.number("netuid", "netuid", change.netuid())
          .text("hotkey", "hotkey", change.hotkey().toChecksumHex())
          .amount("amount", "amountWei", amount)
          .amount("coldkey's stake", "coldkeyStakeWei", coldkeyStake)
          .amount("hotkey's stake", "hotkeyStakeWei", hotkeyStake);
    };
  }
}
