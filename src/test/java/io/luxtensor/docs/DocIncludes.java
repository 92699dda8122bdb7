package io.luxtensor.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files a document shows verbatim, so its examples can be run and cannot drift from what readers copy. The marker
 * {@code <!-- include: PATH -->} (PATH relative to the repository's root) must be followed, after blank lines at
 * most, by a fenced code block whose content is exactly the file's.
 */
final class DocIncludes {
  private static final Pattern MARKER = Pattern.compile("^<!-- include: (\\S+) -->$");
  private static final Pattern FENCE_OPEN = Pattern.compile("^(`{3,})[^`]*$");

  private DocIncludes() {}

  /** One include marker: the document, its line (from 1) and the file it names. */
  record Include(String doc, int line, String path) {
    @Override
    public String toString() {
      return doc + ":" + line + " <!-- include: " + path + " -->";
    }
  }

  /** Every include marker of {@code text}, the document at {@code doc}. */
  static List<Include> includes(String doc, String text) {
    List<String> lines = text.lines().toList();
    List<Include> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = MARKER.matcher(lines.get(i).strip());
      if (m.matches()) {
        found.add(new Include(doc, i + 1, m.group(1)));
      }
    }
    return found;
  }

  /**
   * What is wrong with each include of {@code text}: one message per bad marker naming the document, the line, the
   * file and the first line that differs. {@code files} reads a file by its path, empty when there is none.
   */
  static List<String> problems(String doc, String text, Function<String, Optional<String>> files) {
    List<String> lines = text.lines().toList();
    List<String> problems = new ArrayList<>();
    for (Include include : includes(doc, text)) {
      Optional<String> file = files.apply(include.path());
      if (file.isEmpty()) {
        problems.add(include + ": there is no file " + include.path());
        continue;
      }
      int open = include.line();
      while (open < lines.size() && lines.get(open).isBlank()) {
        open++;
      }
      Matcher fence = open < lines.size() ? FENCE_OPEN.matcher(lines.get(open)) : null;
      if (fence == null || !fence.matches()) {
        problems.add(include + ": not followed by a fenced code block (```)");
        continue;
      }
      String closing = fence.group(1);
      int close = open + 1;
      while (close < lines.size() && !(lines.get(close).startsWith(closing) && lines.get(close).strip().matches(
          "`+"))) {
        close++;
      }
      if (close == lines.size()) {
        problems.add(include + ": the code block opened on line " + (open + 1) + " is never closed");
        continue;
      }
      List<String> shown = lines.subList(open + 1, close);
      List<String> expected = file.get().lines().toList();
      if (!shown.equals(expected)) {
        problems.add(include + ": the code block differs from " + include.path() + ", " + firstDifference(shown,
            expected, open + 2) + "; copy the file into the block");
      }
    }
    return problems;
  }

  private static String firstDifference(List<String> shown, List<String> expected, int firstLine) {
    int i = 0;
    while (i < shown.size() && i < expected.size() && shown.get(i).equals(expected.get(i))) {
      i++;
    }
    String docLine = i < shown.size() ? "'" + shown.get(i) + "'" : "the end of the block";
    String fileLine = i < expected.size() ? "'" + expected.get(i) + "'" : "the end of the file";
    return "first at line " + (firstLine + i) + " of the document (line " + (i + 1) + " of the file): the document has "
        + docLine + ", the file " + fileLine;
  }
}
