package io.luxtensor.cli;

import java.io.PrintWriter;
import java.time.Duration;

/** Shows that a command is waiting: a spinner on a terminal, a line now and then otherwise (logs, CI). */
interface WaitProgress {

  /** Still waiting, {@code elapsed} since the start. */
  void waiting(Duration elapsed);

  /** The wait is over; leave the output clean. */
  void done();

  /** The progress for {@code out}: a spinner if a person watches it. */
  static WaitProgress on(PrintWriter out, boolean terminal, String what) {
    return terminal ? new Spinner(out, what) : new ProgressLines(out, what);
  }

  /** Redraws one line in place. */
  final class Spinner implements WaitProgress {
    private static final String FRAMES = "|/-\\";
    private final PrintWriter out;
    private final String what;
    private int frame;
    private int width;

    Spinner(PrintWriter out, String what) {
      this.out = out;
      this.what = what;
    }

    @Override
    public void waiting(Duration elapsed) {
      String line = FRAMES.charAt(frame++ % FRAMES.length()) + " " + what + " (" + elapsed.toSeconds() + " s)";
      width = Math.max(width, line.length());
      out.print("\r" + line);
      out.flush();
    }

    @Override
    public void done() {
      if (width > 0) {
        out.print("\r" + " ".repeat(width) + "\r");
        out.flush();
      }
    }
  }

  /** A line every {@link #INTERVAL} (none for a short wait); nothing to erase. */
  final class ProgressLines implements WaitProgress {
    /** Often enough to show the command is alive, rarely enough not to flood a CI log. */
    static final Duration INTERVAL = Duration.ofSeconds(5);
    private final PrintWriter out;
    private final String what;
    private Duration nextLineAt = INTERVAL;

    ProgressLines(PrintWriter out, String what) {
      this.out = out;
      this.what = what;
    }

    @Override
    public void waiting(Duration elapsed) {
      if (elapsed.compareTo(nextLineAt) >= 0) {
        out.println(what + " (" + elapsed.toSeconds() + " s)");
        out.flush();
        nextLineAt = nextLineAt.plus(INTERVAL);
        while (nextLineAt.compareTo(elapsed) <= 0) {
          nextLineAt = nextLineAt.plus(INTERVAL);
        }
      }
    }

    @Override
    public void done() {}
  }
}
