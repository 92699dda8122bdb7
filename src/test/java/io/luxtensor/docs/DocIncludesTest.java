package io.luxtensor.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every file a document includes is shown in it verbatim, and every runnable example is shown somewhere. */
class DocIncludesTest {
  private static final List<String> EXAMPLE_FOLDERS = List.of("docs/examples",
      "src/test/java/io/luxtensor/docs/examples");
  /** Generated or installed, not written for readers. */
  private static final Set<String> NOT_SHOWN = Set.of("package-lock.json", "node_modules");

  @Test
  void everyIncludeMarkerInTheDocsIsFollowedByTheFileVerbatim() {
    List<String> problems = new ArrayList<>();
    for (String doc : documents()) {
      problems.addAll(DocIncludes.problems(doc, Docs.read(doc), DocIncludesTest::repositoryFile));
    }
    assertEquals(List.of(), problems, () -> "stale includes:\n" + String.join("\n", problems));
  }

  @Test
  void everyExampleIsShownInADocument() throws IOException {
    Set<String> included = documents().stream().flatMap(doc -> DocIncludes.includes(doc, Docs.read(doc)).stream())
        .map(DocIncludes.Include::path).collect(Collectors.toSet());
    Set<String> examples = new TreeSet<>();
    for (String folder : EXAMPLE_FOLDERS) {
      try (Stream<Path> files = Files.walk(Path.of(folder))) {
        files.filter(Files::isRegularFile)
            .filter(f -> Stream.of(f.toString().split("/")).noneMatch(NOT_SHOWN::contains))
            .forEach(f -> examples.add(f.toString()));
      }
    }
    assertTrue(examples.size() >= 6, () -> "the examples were not found: " + examples);
    examples.removeAll(included);
    assertEquals(Set.of(), examples, "examples no document includes (<!-- include: PATH --> before a code block)");
  }

  @Test
  void aBlockThatEqualsTheFilePasses() {
    String doc = "Intro\n\n<!-- include: a.sh -->\n```bash\necho hi\n\necho there\n```\nAfter\n";
    assertEquals(List.of(), DocIncludes.problems("docs/x.md", doc, files(Map.of("a.sh", "echo hi\n\necho there\n"))));
  }

  @Test
  void aLongerFenceHoldsAFileWithFencesInside() {
    String doc = "<!-- include: a.md -->\n````md\n```\ncode\n```\n````\n";
    assertEquals(List.of(), DocIncludes.problems("docs/x.md", doc, files(Map.of("a.md", "```\ncode\n```\n"))));
  }

  @Test
  void aStaleBlockIsReportedWithTheDocumentTheMarkerAndTheFirstDifference() {
    String doc = "# Title\n<!-- include: a.sh -->\n```bash\necho hi\necho old\n```\n";
    assertEquals(List.of("docs/x.md:2 <!-- include: a.sh -->: the code block differs from a.sh, first at line 5 of the"
        + " document (line 2 of the file): the document has 'echo old', the file 'echo new'; copy the file into the"
        + " block"), DocIncludes.problems("docs/x.md", doc, files(Map.of("a.sh", "echo hi\necho new\n"))));
  }

  @Test
  void aBlockMissingTheFilesLastLinesIsReported() {
    String doc = "<!-- include: a.sh -->\n```\necho hi\n```\n";
    List<String> problems = DocIncludes.problems("docs/x.md", doc, files(Map.of("a.sh", "echo hi\nexit 0\n")));
    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).contains("the document has the end of the block, the file 'exit 0'"), problems::toString);
  }

  @Test
  void aMarkerWithoutACodeBlockOrWithoutAFileIsReported() {
    Function<String, Optional<String>> files = files(Map.of("a.sh", "echo hi\n"));
    assertEquals(List.of("docs/x.md:1 <!-- include: a.sh -->: not followed by a fenced code block (```)"),
        DocIncludes.problems("docs/x.md", "<!-- include: a.sh -->\nText, not code.\n", files));
    assertEquals(List.of("docs/x.md:1 <!-- include: a.sh -->: not followed by a fenced code block (```)"),
        DocIncludes.problems("docs/x.md", "<!-- include: a.sh -->\n", files));
    assertEquals(List.of("docs/x.md:1 <!-- include: b.sh -->: there is no file b.sh"),
        DocIncludes.problems("docs/x.md", "<!-- include: b.sh -->\n```\necho hi\n```\n", files));
    assertEquals(List.of("docs/x.md:1 <!-- include: a.sh -->: the code block opened on line 2 is never closed"),
        DocIncludes.problems("docs/x.md", "<!-- include: a.sh -->\n```\necho hi\n", files));
  }

  private static List<String> documents() {
    List<String> documents = new ArrayList<>(Docs.markdownFiles());
    documents.add("README.md");
    return documents;
  }

  private static Optional<String> repositoryFile(String path) {
    Path file = Path.of(path);
    return Files.isRegularFile(file) ? Optional.of(Docs.read(path)) : Optional.empty();
  }

  private static Function<String, Optional<String>> files(Map<String, String> contents) {
    return path -> Optional.ofNullable(contents.get(path));
  }
}
