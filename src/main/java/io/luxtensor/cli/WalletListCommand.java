package io.luxtensor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code luxtensor wallet list}: the keys in the keystore, without opening any. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {"List the keys in the keystore: name, address (EIP-55) and file.",
        "Files put there by other wallets (Geth) are listed by address, with no name."},
    footer = {"", "Examples:",
        "  luxtensor wallet list",
        "  luxtensor wallet list --json --keystore ~/.ethereum/keystore"})
final class WalletListCommand implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NO_NAME = "-";

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  KeystoreOptions keystore;

  @Option(names = "--json", description = "Print a JSON array of {name, address, file}.")
  boolean json;

  @Override
  public void run() {
    WalletDirectory directory = keystore.directory();
    WalletDirectory.Contents contents = directory.contents();
    Terminal terminal = Terminal.of(spec.commandLine());
    if (json) {
      ArrayNode keys = JSON.createArrayNode();
      for (WalletKey key : contents.keys()) {
        ObjectNode entry = keys.addObject();
        entry.put("name", key.name().map(KeyName::value).orElse(null));
        entry.put("address", key.address().toChecksumHex());
        entry.put("file", key.file().toAbsolutePath().toString());
      }
      terminal.out().println(keys);
    } else if (contents.keys().isEmpty()) {
      terminal.out().println("No keys in " + directory.path() + " (create one: luxtensor wallet new)");
    } else {
      terminal.table(List.of("NAME", "ADDRESS", "FILE"), contents.keys().stream()
          .map(key -> List.of(key.name().map(KeyName::value).orElse(NO_NAME), key.address().toChecksumHex(),
              key.file().getFileName().toString()))
          .toList());
      terminal.out().println("(in " + directory.path() + ")");
    }
    terminal.out().flush();
    if (!contents.skipped().isEmpty()) {
      spec.commandLine().getErr().println("note: skipped " + contents.skipped().size() + " file(s) that are not "
          + "keystores with an address: " + contents.skipped().stream().map(Path::getFileName).toList());
      spec.commandLine().getErr().flush();
    }
  }
}
