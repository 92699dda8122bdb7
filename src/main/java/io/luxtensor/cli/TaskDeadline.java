package io.luxtensor.cli;

import io.luxtensor.execution.system.AiTasksContract;
import java.util.regex.Pattern;

/**
 * A task's deadline as {@code ai task submit --deadline} takes it: a block number, or {@code +N}, N blocks after the
 * head when the command runs.
 *
 * @param blocks the block number, or with {@code afterHead} how many blocks after the head
 * @param afterHead whether {@code blocks} counts from the head
 */
record TaskDeadline(long blocks, boolean afterHead) {
  /** As far ahead as the chain accepts a deadline. */
  static final long BLOCKS_AHEAD_MAX = AiTasksContract.Rules.DEFAULTS.deadlineBlocksMax();
  /** Up to 18 digits, so it fits a long: a block that far is out of any deadline's reach anyway. */
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");

  /**
   * The deadline {@code text} gives, checked before the node is asked anything.
   *
   * @throws CliException (usage) for anything but a block number or {@code +N} with N from 1 to
   *     {@link #BLOCKS_AHEAD_MAX}: {@code +0} is the head itself, already past
   */
  static TaskDeadline parse(String text) {
    boolean afterHead = text.startsWith("+");
    String number = afterHead ? text.substring(1) : text;
    if (!NUMBER.matcher(number).matches()) {
      throw CliException.usage("--deadline must be a block number or +N (N blocks after the head), not " + text);
    }
    long blocks = Long.parseLong(number);
    if (afterHead && (blocks < 1 || blocks > BLOCKS_AHEAD_MAX)) {
      throw CliException.usage("--deadline must be 1 to " + BLOCKS_AHEAD_MAX + " blocks after the head, not " + text);
    }
    return new TaskDeadline(blocks, afterHead);
  }

  /** The deadline's block number; counted from the head {@code node} has now if {@link #afterHead}. */
  long block(NodeClient node) {
    if (!afterHead) {
      return blocks;
    }
    return TransactionFiller.quantity(node.call("eth_blockNumber"), "eth_blockNumber").longValueExact() + blocks;
  }
}
