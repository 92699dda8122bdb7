package io.luxtensor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.node.validators.StoredValidator;
import io.luxtensor.node.validators.ValidatorKeyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code luxtensor validator list}: the validator keys in the data directory, without opening any. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {"List the validator keys in DATADIR/validators/: address (EIP-55) and ECVRF public key, by "
        + "address. No password is needed: the VRF key was recorded when the key was imported.",
        "Exit code 1 if DATADIR does not exist."},
    footer = {"", "Examples:",
        "  luxtensor validator list --datadir /var/lib/luxtensor",
        "  luxtensor validator list --datadir data --json"})
final class ValidatorListCommand implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  DatadirOptions datadir;

  @Option(names = "--json", description = "Print a JSON array of {address, vrfPublicKey, keystoreFile, "
      + "passwordFile}.")
  boolean json;

  @Override
  public void run() {
    if (!Files.isDirectory(datadir.datadir)) {
      throw CliException.notFound("no data directory " + datadir.datadir + " (luxtensor init, or --datadir)");
    }
    ValidatorKeyStore store = datadir.validators();
    ValidatorKeyStore.Contents contents = store.contents();
    Terminal terminal = Terminal.of(spec.commandLine());
    if (json) {
      ArrayNode keys = JSON.createArrayNode();
      for (StoredValidator key : contents.validators()) {
        ObjectNode entry = keys.addObject();
        entry.put("address", key.address().toChecksumHex());
        entry.put("vrfPublicKey", key.vrfPublicKey().toHex());
        entry.put("keystoreFile", key.keystoreFile().toAbsolutePath().toString());
        entry.put("passwordFile", key.passwordFile().toAbsolutePath().toString());
      }
      terminal.out().println(keys);
    } else if (contents.validators().isEmpty()) {
      terminal.out().println("No validator keys in " + store.path() + " (add one: luxtensor validator import)");
    } else {
      terminal.table(List.of("ADDRESS", "VRF PUBLIC KEY"), contents.validators().stream()
          .map(key -> List.of(key.address().toChecksumHex(), key.vrfPublicKey().toHex())).toList());
      terminal.out().println("(in " + store.path() + ")");
    }
    terminal.out().flush();
    if (!contents.ignored().isEmpty()) {
      spec.commandLine().getErr().println("note: ignored " + contents.ignored().size() + " file(s) that are not "
          + "validator keys (put keys there with luxtensor validator import): "
          + contents.ignored().stream().map(Path::getFileName).toList());
      spec.commandLine().getErr().flush();
    }
  }
}
