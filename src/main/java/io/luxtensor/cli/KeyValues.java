package io.luxtensor.cli;

import java.util.ArrayList;
import java.util.List;

/** The rows of a two-column listing, built in display order and printed by {@link Terminal#keyValues}. */
final class KeyValues {
  private final List<String[]> rows = new ArrayList<>();

  KeyValues add(String key, String value) {
    rows.add(new String[] {key, value});
    return this;
  }

  void printTo(Terminal terminal) {
    terminal.keyValues(rows);
    terminal.out().flush();
  }
}
