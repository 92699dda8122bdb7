package io.luxtensor.cli;

import java.util.Arrays;

/**
 * Where each transfer of {@code bench tps} stands: accepted or refused by the node, seen in a block, and whether it
 * still holds a place in the window of transfers in flight. A transfer leaves the window once, when it is refused,
 * included, or stranded: accepted behind a refused nonce of its sender, which no block can include. Transfer
 * {@code i} is sent by sender {@code i mod senders} with its {@code i div senders}-th nonce of the run. Not
 * thread-safe: one owner.
 */
final class TransferLedger {
  private static final byte ACCEPTED = 1;
  private static final byte INCLUDED = 2;
  private static final byte LEFT_WINDOW = 4;

  private final int senders;
  private final Runnable leftWindow;
  private final byte[] state;
  /** Per sender, the round of its lowest refused transfer; MAX_VALUE while none is. */
  private final int[] lowestRefusedRound;
  private final Rejections rejections = new Rejections();
  private int accepted;
  private int included;
  private int acceptedInWindow;

  /** @param leftWindow called each time a transfer leaves the window */
  TransferLedger(int transfers, int senders, Runnable leftWindow) {
    this.senders = senders;
    this.leftWindow = leftWindow;
    this.state = new byte[transfers];
    this.lowestRefusedRound = new int[senders];
    Arrays.fill(lowestRefusedRound, Integer.MAX_VALUE);
  }

  void accepted(int transfer) {
    state[transfer] |= ACCEPTED;
    accepted++;
    if ((state[transfer] & LEFT_WINDOW) == 0) {
      acceptedInWindow++;
      if (round(transfer) > lowestRefusedRound[transfer % senders]) {
        leaveWindow(transfer);
      }
    }
  }

  void refused(int transfer, String message) {
    rejections.add(message);
    leaveWindow(transfer);
    int sender = transfer % senders;
    if (round(transfer) < lowestRefusedRound[sender]) {
      lowestRefusedRound[sender] = round(transfer);
      for (int later = transfer + senders; later < state.length; later += senders) {
        if ((state[later] & ACCEPTED) != 0) {
          leaveWindow(later);
        }
      }
    }
  }

  /** Records {@code transfer} seen in a block; false if it had been already. */
  boolean included(int transfer) {
    if ((state[transfer] & INCLUDED) != 0) {
      return false;
    }
    state[transfer] |= INCLUDED;
    included++;
    leaveWindow(transfer);
    return true;
  }

  int accepted() {
    return accepted;
  }

  int included() {
    return included;
  }

  /** Accepted transfers still awaited in a block: neither included nor stranded. */
  int awaited() {
    return acceptedInWindow;
  }

  Rejections rejections() {
    return rejections;
  }

  private void leaveWindow(int transfer) {
    if ((state[transfer] & LEFT_WINDOW) != 0) {
      return;
    }
    state[transfer] |= LEFT_WINDOW;
    if ((state[transfer] & ACCEPTED) != 0) {
      acceptedInWindow--;
    }
    leftWindow.run();
  }

  private int round(int transfer) {
    return transfer / senders;
  }
}
