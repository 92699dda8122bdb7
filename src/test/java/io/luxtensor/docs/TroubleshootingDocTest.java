package io.luxtensor.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.api.jsonrpc.JsonRpcError;
import io.luxtensor.cli.ExitCodes;
import io.luxtensor.crypto.Bip32Exception;
import io.luxtensor.crypto.KeystoreException;
import io.luxtensor.crypto.MnemonicException;
import io.luxtensor.execution.TransactionInvalidReason;
import io.luxtensor.txpool.TxPoolRejection;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** docs/troubleshooting.md explains every error a user can meet: the enumerated ones and the node's own words. */
class TroubleshootingDocTest {
  private static final String DOC = Docs.read("docs/troubleshooting.md");

  /** Messages built in code from parts: each part here must still be in the sources and in the doc. */
  private static final List<String> MESSAGE_PARTS = List.of(
      "validators: a chain needs at least one validator",
      "is not a validator of this chain",
      "validator: keystore and passwordFile go together",
      "the database holds another chain (genesis ",
      " with other rules ",
      ": use another datadir or the same --chain-id",
      " is in use by another process",
      " is corrupt: ",
      "the API could not listen on ",
      "config is not valid JSON: ",
      "config must be a JSON object",
      "genesis is not valid JSON: ",
      "extraData: at most 32 bytes, got ",
      ": must be in [",
      " is below config.staking.minimumStake (",
      " listed, more than config.staking.activeValidatorsMax (",
      "cannot reach the node at ",
      "): is it running? (luxtensor dev, or --rpc URL)",
      " did not answer with JSON-RPC (HTTP ",
      "--rpc: expected an http:// or https:// URL, got ",
      "not an address: ",
      "mixed case must be a valid EIP-55 checksum: a typo? ",
      "block number out of range: ",
      "the node's answer has no ",
      ": is --rpc a LuxTensor node?",
      "wrong password for ",
      "the passwords do not match",
      "the password is empty: a keystore file is only as safe as its password",
      " is not an option: a secret on the command line stays in the shell's history ",
      " takes the path of a file holding the secret, not the secret itself; ",
      "a key named ",
      " is already in the keystore as ",
      " keys are named ",
      "a key name must not look like an address (0x..., or 40 hex digits)",
      "say where the key is: --private-key-file, --mnemonic-file or --keystore-file",
      "--index applies to --mnemonic-file only",
      "--private-key-file does not hold a private key: expected 64 hex ",
      "--mnemonic-file does not hold a BIP-39 mnemonic: ",
      "export asks for confirmation on a terminal; pass --yes to skip it",
      "export cancelled: nothing printed",
      "no terminal to ask on: ",
      "standard input can carry one secret only: put the password in a file",
      "no receipt for ",
      " reverted in block ",
      "the node answered hash ",
      "header not found",
      "filter not found",
      "unknown block: no ",
      "unknown block tag \\\"",
      " requests exceeds the limit of ",
      "response size of ",
      " blocks exceeds the ",
      "too many filters: the node holds at most ",
      "too many storage keys: ",
      "subscription limit reached: at most ",
      "too many WebSocket connections (limit ",
      "too many connections: the limit is ",
      "rate limit exceeded: ",
      "host not allowed: ",
      " is not allowed",
      ": CORS is off",
      "outbound queue full",
      "logs block range too large: ",
      "blocks range too large: ",
      "query returned more than ",
      "missing bearer token (Authorization: Bearer <JWT>)",
      "malformed token: expected header.payload.signature",
      "malformed token header",
      "malformed token payload",
      ": only HS256",
      "invalid signature",
      "missing issued-at (iat) claim",
      "stale token: issued at ",
      "expired token (exp ",
      "token longer than ",
      "slashing protection: validator ",
      " will not sign slot ",
      "no validator key: ",
      "and validator.keystore is not set; import one with luxtensor validator import, or set ",
      " validator keys and ",
      " a validator in the genesis: this release runs one validator per ",
      "chain until the peer-to-peer release; ",
      " is already imported (",
      " does not open ",
      "no password file ",
      ", not of the address it is named by",
      " records another VRF ",
      "public key than its key derives: ",
      " has no valid ",
      "keystores here with luxtensor validator import",
      " validator keys, the most a node holds",
      " files: it is not a validator key store",
      "--keystore is the wallet's keystore directory (for --from-wallet); a keystore ",
      "say which key: --keystore-file FILE or --from-wallet NAME",
      "no data directory ");

  @Test
  void everyRefusalOfATransactionIsExplained() {
    assertDocumented(TransactionInvalidReason.values(), TransactionInvalidReason::message);
    assertDocumented(TxPoolRejection.values(), TxPoolRejection::message);
  }

  @Test
  void everyKeyAndRecoveryPhraseProblemIsExplained() {
    assertDocumented(KeystoreException.Reason.values(), KeystoreException.Reason::description);
    assertDocumented(MnemonicException.Reason.values(), MnemonicException.Reason::description);
    assertDocumented(Bip32Exception.Reason.values(), Bip32Exception.Reason::description);
  }

  @Test
  void everyJsonRpcErrorCodeIsExplained() {
    for (int code : intConstants(JsonRpcError.class)) {
      assertTrue(DOC.contains("| `" + code + "` |"), "docs/troubleshooting.md has no row for JSON-RPC error " + code);
    }
  }

  @Test
  void everyExitCodeIsExplained() {
    for (int code : intConstants(ExitCodes.class)) {
      assertTrue(DOC.contains("\n| " + code + " | "), "docs/troubleshooting.md has no row for exit code " + code);
    }
  }

  @Test
  void theMessagesListedAreTheOnesTheCodeSendsAndTheDocExplains() throws IOException {
    String sources = Docs.mainSources();
    for (String part : MESSAGE_PARTS) {
      assertTrue(sources.contains(part), "no longer in the sources, update the doc and this list: " + part);
      String asUserSeesIt = part.replace("\\\"", "\"");
      assertTrue(DOC.contains(asUserSeesIt), "docs/troubleshooting.md does not explain: " + asUserSeesIt);
    }
  }

  private static <E extends Enum<E>> void assertDocumented(E[] values, Function<E, String> message) {
    for (E value : values) {
      assertTrue(
          DOC.contains("`" + message.apply(value) + "`"),
          () -> "docs/troubleshooting.md does not explain " + value.getDeclaringClass().getName() + "." + value
              + ": " + message.apply(value));
    }
  }

  private static List<Integer> intConstants(Class<?> holder) {
    List<Integer> codes = new ArrayList<>();
    for (Field field : holder.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
        try {
          codes.add(field.getInt(null));
        } catch (IllegalAccessException e) {
          throw new AssertionError(field + " is public and static", e);
        }
      }
    }
    assertTrue(codes.size() >= 3, holder + " lost its constants");
    return codes;
  }
}
