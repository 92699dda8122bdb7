package io.luxtensor.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md and docs/ leads to a file of the repository that exists, and to a heading that
 * exists in it.
 */
class DocLinksTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");

  @Test
  void everyRelativeLinkResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path doc : documents()) {
      Matcher link = LINK.matcher(Files.readString(doc));
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("[a-z]+:.*")) {
          continue;
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? doc : doc.resolveSibling(file).normalize();
        if (!resolved.toAbsolutePath().normalize().startsWith(Path.of("").toAbsolutePath())) {
          broken.add(doc + ": " + target + " (outside the repository: a clone does not have it)");
        } else if (!Files.exists(resolved)) {
          broken.add(doc + ": " + target + " (no such file)");
        } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
          broken.add(doc + ": " + target + " (no such heading)");
        }
      }
    }
    assertTrue(broken.isEmpty(), "broken links:\n" + String.join("\n", broken));
  }

  private static List<Path> documents() throws IOException {
    List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
      docs.filter(path -> path.toString().endsWith(".md") && !path.toString().contains("node_modules"))
          .forEach(documents::add);
    }
    return documents;
  }

  private static List<String> anchors(Path file) throws IOException {
    List<String> anchors = new ArrayList<>();
    if (!file.toString().endsWith(".md")) {
      return anchors;
    }
    Matcher heading = HEADING.matcher(Files.readString(file));
    while (heading.find()) {
      anchors.add(heading.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_ -]", "").replace(' ', '-'));
    }
    return anchors;
  }
}
