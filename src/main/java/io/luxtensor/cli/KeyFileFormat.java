package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.types.Address;
import io.luxtensor.types.AddressFormatException;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * What the wallet adds to a Web3 Secret Storage v3 file, kept so that Geth, MetaMask and web3j still read it: Geth's
 * file name ({@code UTC--<time>--<address>}), the {@code address} field Geth lists keys by, and the key's name under
 * {@code "x-luxtensor"}, a key those wallets ignore (as they ignore ethers' {@code "x-ethers"}).
 */
final class KeyFileFormat {
  static final String EXTENSION_FIELD = "x-luxtensor";
  static final String NAME_FIELD = "name";
  private static final String ADDRESS_FIELD = "address";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Geth's toISO8601 for UTC: colons would not do in file names on Windows. */
  private static final DateTimeFormatter GETH_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private KeyFileFormat() {}

  /** Geth's name for a key file written at {@code now}. */
  static String fileName(Instant now, Address address) {
    return "UTC--" + GETH_TIME.format(now) + "--" + Hex.encodeNoPrefix(address.toBytes());
  }

  /** {@code keystoreJson} with the wallet's name for the key and the address it holds; every other field as it was. */
  static String named(String keystoreJson, KeyName name, Address address) {
    ObjectNode file = object(keystoreJson).orElseThrow(() -> new IllegalArgumentException("not a JSON object"));
    file.put(ADDRESS_FIELD, Hex.encodeNoPrefix(address.toBytes()));
    ObjectNode extension = file.get(EXTENSION_FIELD) instanceof ObjectNode existing
        ? existing : file.putObject(EXTENSION_FIELD);
    extension.put(NAME_FIELD, name.value());
    return file.toString();
  }

  /** The address a key file says it holds; empty if it is not a key file with one. */
  static Optional<Address> address(ObjectNode file) {
    JsonNode address = file.get(ADDRESS_FIELD);
    if (address == null || !address.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Address.fromHex(address.textValue()));
    } catch (AddressFormatException e) {
      return Optional.empty();
    }
  }

  /** The wallet's name for the key; empty if it has none or an invalid one (someone edited the file). */
  static Optional<KeyName> name(ObjectNode file) {
    JsonNode name = file.path(EXTENSION_FIELD).path(NAME_FIELD);
    if (!name.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new KeyName(name.textValue()));
    } catch (CliException invalid) {
      return Optional.empty();
    }
  }

  /** {@code text} as a JSON object; empty if it is not one. */
  static Optional<ObjectNode> object(String text) {
    try {
      return JSON.readTree(text) instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }
}
