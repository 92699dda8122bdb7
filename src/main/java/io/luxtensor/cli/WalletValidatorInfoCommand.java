package io.luxtensor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.luxtensor.consensus.ValidatorKeys;
import io.luxtensor.types.Wei;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code luxtensor wallet validator-info NAME}: the public identity a key has as a validator (its address and the
 * ECVRF key derived from it, as {@code luxtensor start} derives it), printed as a genesis {@code validators[]} entry.
 */
@Command(
    name = "validator-info",
    mixinStandardHelpOptions = true,
    description = {"Print the validator identity of a key: its address and the ECVRF-P256 public key the node derives "
        + "from it, as an entry for a genesis file's validators[] (docs/genesis.md).",
        "Nothing secret is printed; the password is needed because the VRF key is derived from the private key."},
    footer = {"", "Examples:",
        "  luxtensor wallet validator-info validator-1 --stake 32",
        "  luxtensor wallet validator-info validator-1 --password-file pw.txt > v1.json"})
final class WalletValidatorInfoCommand implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @ParentCommand
  WalletCommand wallet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  KeystoreOptions keystore;

  @Mixin
  PasswordOptions password;

  @Parameters(paramLabel = "NAME", description = "The key's name or address.")
  String nameOrAddress;

  @Option(names = "--stake", defaultValue = "32", paramLabel = "LUX",
      description = "The stake to write into the entry, in LUX (default: ${DEFAULT-VALUE}).")
  String stake;

  @Override
  public void run() {
    Wei stakeWei = LuxArgument.parse("--stake", stake);
    WalletDirectory directory = keystore.directory();
    WalletKey key = directory.find(nameOrAddress);
    ValidatorKeys validator = ValidatorKeys.derivedFrom(KeyUnlocking.unlock(directory.read(key), key.label(),
        password.existing(key.label(), wallet.console)));
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    entry.put("address", validator.address().toChecksumHex());
    entry.put("stake", "0x" + stakeWei.value().toString(16));
    entry.put("vrfPublicKey", validator.vrfPublicKey().toHex());
    try {
      spec.commandLine().getOut().println(JSON.writeValueAsString(entry));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a three-field object always serializes", e);
    }
    spec.commandLine().getOut().flush();
  }
}
