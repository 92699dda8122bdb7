package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.KdfParams.Pbkdf2Params;
import io.luxtensor.crypto.KdfParams.ScryptParams;
import io.luxtensor.crypto.KeystoreException.Reason;
import io.luxtensor.testing.SeededRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;

class KeystoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "correct horse battery staple";
  private static final PrivateKey KEY = PrivateKey.random(SeededRandom.of(1));
  /** Cheap to derive, so that tests of the file's shape stay fast. */
  private static final KdfParams FAST = new Pbkdf2Params(16);
  private static final String FAST_FILE = Keystore.encrypt(KEY, PASSWORD, FAST, SeededRandom.of(2));

  @Test
  void scryptRoundTrip() {
    String file = Keystore.encrypt(KEY, PASSWORD, KdfParams.LIGHT, SeededRandom.of(3));
    assertEquals(KEY, Keystore.decrypt(file, PASSWORD));
  }

  @Test
  void pbkdf2RoundTrip() {
    String file = Keystore.encrypt(KEY, PASSWORD, new Pbkdf2Params(1000), SeededRandom.of(4));
    assertEquals(KEY, Keystore.decrypt(file, PASSWORD));
  }

  @Test
  void nonAsciiPasswordRoundTrips() {
    String password = "pässwörd 密码 🔑";
    assertEquals(KEY, Keystore.decrypt(Keystore.encrypt(KEY, password, FAST, SeededRandom.of(5)), password));
  }

  @Test
  void wrongPasswordIsAClearError() {
    KeystoreException e = assertThrows(KeystoreException.class, () -> Keystore.decrypt(FAST_FILE, PASSWORD + "!"));
    assertEquals(Reason.WRONG_PASSWORD, e.reason());
    assertEquals("wrong password or corrupted keystore: MAC mismatch", e.getMessage());
  }

  @Test
  void fileHasGethsShapeAndNamesTheAddress() throws Exception {
    JsonNode file = JSON.readTree(Keystore.encrypt(KEY, PASSWORD, KdfParams.LIGHT, SeededRandom.of(6)));
    assertEquals(3, file.get("version").intValue());
    assertEquals(Hex.encodeNoPrefix(KEY.publicKey().address()), file.get("address").textValue());
    assertTrue(file.get("id").textValue().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    JsonNode crypto = file.get("crypto");
    assertEquals("aes-128-ctr", crypto.get("cipher").textValue());
    assertEquals("scrypt", crypto.get("kdf").textValue());
    JsonNode params = crypto.get("kdfparams");
    assertEquals(4096, params.get("n").intValue());
    assertEquals(8, params.get("r").intValue());
    assertEquals(6, params.get("p").intValue());
    assertEquals(32, params.get("dklen").intValue());
    assertEquals(64, params.get("salt").textValue().length());
    assertEquals(32, crypto.get("cipherparams").get("iv").textValue().length());
  }

  @Test
  void theRandomStreamDeterminesTheFile() {
    assertEquals(Keystore.encrypt(KEY, PASSWORD, FAST, SeededRandom.of(7)), Keystore.encrypt(KEY, PASSWORD, FAST, SeededRandom.of(7)));
    assertNotEquals(Keystore.encrypt(KEY, PASSWORD, FAST, SeededRandom.of(7)), Keystore.encrypt(KEY, PASSWORD, FAST, SeededRandom.of(8)));
  }

  @Test
  void decryptsWhatWeb3jWrites() throws Exception {
    WalletFile written = Wallet.createLight(PASSWORD, ECKeyPair.create(KEY.toBytes()));
    assertEquals(KEY, Keystore.decrypt(JSON.writeValueAsString(written), PASSWORD));
  }

  @ParameterizedTest
  @ValueSource(strings = {"scrypt", "pbkdf2"})
  void web3jDecryptsWhatWeWrite(String kdf) throws Exception {
    KdfParams params = kdf.equals("scrypt") ? KdfParams.LIGHT : new Pbkdf2Params(1000);
    WalletFile file = JSON.readValue(Keystore.encrypt(KEY, PASSWORD, params, SeededRandom.of(9)), WalletFile.class);
    assertEquals(KEY.scalar(), Wallet.decrypt(PASSWORD, file).getPrivateKey());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "version", "crypto", "crypto.cipher", "crypto.ciphertext", "crypto.cipherparams", "crypto.cipherparams.iv",
      "crypto.kdf", "crypto.kdfparams", "crypto.kdfparams.salt", "crypto.kdfparams.dklen", "crypto.kdfparams.c",
      "crypto.kdfparams.prf", "crypto.mac"})
  void missingFieldIsNamed(String path) {
    assertRefused(Reason.MISSING_FIELD, path, edit(file -> parentOf(file, path).remove(lastName(path))));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "version        | \"3\"            | version must be an integer",
      "version        | 3.0              | version must be an integer",
      "crypto         | []               | crypto must be a JSON object",
      "crypto.cipher  | 7                | crypto.cipher must be a string",
      "crypto.mac     | \"zz\"           | crypto.mac is not hex",
      "crypto.mac     | \"00\"           | crypto.mac must be 32 bytes",
      "crypto.cipherparams.iv | \"0011\" | crypto.cipherparams.iv must be 16 bytes",
      "crypto.ciphertext | \"00\"        | crypto.ciphertext must be 32 bytes",
      "crypto.kdfparams.c | 99999999999 | crypto.kdfparams.c must be an integer",
      "address        | \"abcd\"         | address must be 20 bytes"})
  void wrongTypeOrLengthIsNamed(String path, String json, String message) throws Exception {
    JsonNode value = JSON.readTree(json);
    assertRefused(Reason.INVALID_FIELD, message, edit(file -> parentOf(file, path).set(lastName(path), value)));
  }

  @Test
  void unsupportedVersionKdfCipherAndPrf() {
    assertRefused(Reason.UNSUPPORTED_VERSION, "version 1", edit(file -> file.put("version", 1)));
    assertRefused(Reason.UNSUPPORTED_KDF, "crypto.kdf is \"argon2id\"", edit(file -> crypto(file).put("kdf", "argon2id")));
    assertRefused(Reason.UNSUPPORTED_CIPHER, "crypto.cipher is \"aes-128-cbc\"", edit(file -> crypto(file).put("cipher", "aes-128-cbc")));
    assertRefused(Reason.UNSUPPORTED_KDF, "crypto.kdfparams.prf", edit(file -> kdfParams(file).put("prf", "hmac-sha512")));
  }

  @ParameterizedTest
  @CsvSource({
      "1, 8, 1, n = 1",
      "3, 8, 1, n = 3",
      "2097152, 1, 1, n = 2097152",
      "1024, 0, 1, r = 0",
      "1024, 33, 1, r = 33",
      "1024, 8, 0, p = 0",
      "1024, 8, 17, p = 17",
      "1048576, 8, 1, need 1073741824 bytes",
      "262144, 8, 16, n * r * p = 33554432"})
  void scryptParametersOutOfBoundsAreRefusedBeforeAnyWork(int n, int r, int p, String message) {
    String file = edit(Keystore.encrypt(KEY, PASSWORD, KdfParams.LIGHT, SeededRandom.of(10)),
        json -> kdfParams(json).put("n", n).put("r", r).put("p", p));
    assertRefused(Reason.KDF_PARAMS_OUT_OF_BOUNDS, message, file);
  }

  @ParameterizedTest
  @CsvSource({"0, c = 0", "2097153, c = 2097153"})
  void pbkdf2IterationsOutOfBoundsAreRefused(int iterations, String message) {
    assertRefused(Reason.KDF_PARAMS_OUT_OF_BOUNDS, message, edit(file -> kdfParams(file).put("c", iterations)));
  }

  @Test
  void derivedKeyLengthMustBe32() {
    assertRefused(Reason.KDF_PARAMS_OUT_OF_BOUNDS, "crypto.kdfparams.dklen = 64", edit(file -> kdfParams(file).put("dklen", 64)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "[]", "null", "42", "{} {}", "{\"version\": 3, \"version\": 3}", "not json"})
  void malformedJsonIsRefused(String json) {
    KeystoreException e = assertThrows(KeystoreException.class, () -> Keystore.decrypt(json, PASSWORD));
    assertTrue(e.reason() == Reason.MALFORMED_JSON || e.reason() == Reason.INVALID_FIELD, e::getMessage);
  }

  @Test
  void oversizedFileIsRefusedUnread() {
    String huge = "{\"pad\": \"" + "x".repeat(KeystoreFile.JSON_CHARS_MAX) + "\"}";
    assertEquals(Reason.TOO_LARGE, assertThrows(KeystoreException.class, () -> Keystore.decrypt(huge, PASSWORD)).reason());
  }

  @Test
  void addressThatIsNotTheKeysIsRefused() {
    String other = Hex.encodeNoPrefix(PrivateKey.random(SeededRandom.of(11)).publicKey().address());
    assertRefused(Reason.ADDRESS_MISMATCH, "address field", edit(file -> file.put("address", other)));
  }

  @Test
  void editedIvIsCaughtByTheAddressSinceTheMacDoesNotCoverIt() {
    String editedIv = edit(file -> ((ObjectNode) crypto(file).get("cipherparams")).put("iv", "00".repeat(16)));
    assertRefused(Reason.ADDRESS_MISMATCH, "address field", editedIv);
  }

  @Test
  void addressIsOptional() {
    assertEquals(KEY, Keystore.decrypt(edit(file -> file.remove("address")), PASSWORD));
  }

  @Test
  void gethsStandardSettingIsWithinTheLimits() {
    ScryptParams standard = KdfParams.STANDARD;
    assertEquals(ScryptParams.MEMORY_BYTES_MAX, ScryptParams.memoryBytes(standard.n(), standard.r()));
    assertTrue((long) standard.n() * standard.r() * standard.p() <= ScryptParams.COST_MAX);
    assertTrue(ScryptParams.memoryBytes(ScryptParams.N_MAX, 1) <= ScryptParams.MEMORY_BYTES_MAX, "n = N_MAX is reachable");
    assertTrue((long) KdfParams.LIGHT.n() * KdfParams.LIGHT.r() * KdfParams.LIGHT.p() <= ScryptParams.COST_MAX);
    assertTrue(1 << 18 <= Pbkdf2Params.ITERATIONS_MAX, "the ethereum/tests PBKDF2 vectors are readable");
  }

  private static void assertRefused(Reason reason, String messagePart, String file) {
    KeystoreException e = assertThrows(KeystoreException.class, () -> Keystore.decrypt(file, PASSWORD));
    assertEquals(reason, e.reason(), e::getMessage);
    assertTrue(e.getMessage().contains(messagePart), () -> "'" + e.getMessage() + "' should name '" + messagePart + "'");
    assertTrue(!e.getMessage().contains(Hex.encodeNoPrefix(KEY.toBytes())) && !e.getMessage().contains(PASSWORD));
  }

  private static String edit(Consumer<ObjectNode> change) {
    return edit(FAST_FILE, change);
  }

  private static String edit(String file, Consumer<ObjectNode> change) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(file);
      change.accept(root);
      return root.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode parentOf(ObjectNode root, String path) {
    ObjectNode node = root;
    String[] names = path.split("\\.");
    for (int i = 0; i < names.length - 1; i++) {
      node = (ObjectNode) node.get(names[i]);
    }
    return node;
  }

  private static String lastName(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  private static ObjectNode crypto(ObjectNode root) {
    return (ObjectNode) root.get("crypto");
  }

  private static ObjectNode kdfParams(ObjectNode root) {
    return (ObjectNode) crypto(root).get("kdfparams");
  }
}
