package io.luxtensor.crypto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.bytes.HexFormatException;
import io.luxtensor.crypto.KdfParams.Pbkdf2Params;
import io.luxtensor.crypto.KdfParams.ScryptParams;
import io.luxtensor.crypto.KeystoreException.Reason;
import java.util.Optional;

/**
 * The fields of a Web3 Secret Storage v3 file as typed values, read strictly from JSON and written in Geth's layout.
 * Reading checks shape, types, lengths and KDF limits, so nothing after it can fail on a malformed file.
 *
 * @param address the 20-byte address the file claims to hold, if it says
 * @param id the file's UUID, as written
 * @param kdf the key derivation function and its parameters
 * @param salt the key derivation salt
 * @param iv the AES-128-CTR initial counter block (16 bytes)
 * @param ciphertext the encrypted private key (32 bytes)
 * @param mac keccak256(derived key[16..32] || ciphertext)
 */
record KeystoreFile(
    Optional<byte[]> address, String id, KdfParams kdf, byte[] salt, byte[] iv, byte[] ciphertext, byte[] mac) {
  static final int VERSION = 3;
  static final String CIPHER = "aes-128-ctr";
  static final int IV_LENGTH = 16;
  static final int ADDRESS_LENGTH = 20;
  /** A v3 file is about 500 characters; 64 KiB leaves room for the extra fields some wallets add. */
  static final int JSON_CHARS_MAX = 64 * 1024;
  /** Geth writes 32-byte salts; a long salt costs nothing but is refused to keep the file bounded. */
  static final int SALT_BYTES_MAX = 1024;

  /** Two values for one field, or text after the document, would make the file mean different things to readers. */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final String SCRYPT = "scrypt";
  private static final String PBKDF2 = "pbkdf2";
  private static final String PBKDF2_PRF = "hmac-sha256";

  static KeystoreFile parse(String json) {
    if (json == null) {
      throw new KeystoreException(Reason.MALFORMED_JSON, "no JSON text");
    }
    if (json.length() > JSON_CHARS_MAX) {
      throw new KeystoreException(Reason.TOO_LARGE, json.length() + " characters, over " + JSON_CHARS_MAX);
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "unknown position" : e.getLocation().offsetDescription();
      throw new KeystoreException(Reason.MALFORMED_JSON, "at " + where, e);
    }
    if (root.isMissingNode()) {
      throw new KeystoreException(Reason.MALFORMED_JSON, "empty document");
    }
    JsonNode top = object(root, "the document");
    int version = integer(top, "version", "version");
    if (version != VERSION) {
      throw new KeystoreException(Reason.UNSUPPORTED_VERSION, "version " + version + ", only " + VERSION + " is read");
    }
    JsonNode crypto = object(required(top, "crypto", "crypto"), "crypto");
    String cipher = text(crypto, "cipher", "crypto.cipher");
    if (!cipher.equals(CIPHER)) {
      throw new KeystoreException(Reason.UNSUPPORTED_CIPHER, "crypto.cipher is " + quoted(cipher) + ", only " + CIPHER + " is read");
    }
    JsonNode cipherParams = object(required(crypto, "cipherparams", "crypto.cipherparams"), "crypto.cipherparams");
    JsonNode kdfParams = object(required(crypto, "kdfparams", "crypto.kdfparams"), "crypto.kdfparams");
    byte[] salt = hex(kdfParams, "salt", "crypto.kdfparams.salt");
    if (salt.length > SALT_BYTES_MAX) {
      throw new KeystoreException(Reason.INVALID_FIELD, "crypto.kdfparams.salt is " + salt.length + " bytes, over " + SALT_BYTES_MAX);
    }
    return new KeystoreFile(
        address(top),
        top.has("id") ? text(top, "id", "id") : "",
        kdf(text(crypto, "kdf", "crypto.kdf"), kdfParams),
        salt,
        hexOfLength(cipherParams, "iv", "crypto.cipherparams.iv", IV_LENGTH),
        hexOfLength(crypto, "ciphertext", "crypto.ciphertext", 32),
        hexOfLength(crypto, "mac", "crypto.mac", Keccak256.LENGTH));
  }

  /** Geth's layout: address, crypto (cipher, ciphertext, cipherparams, kdf, kdfparams, mac), id, version. */
  String toJson() {
    ObjectNode top = JSON.createObjectNode();
    address.ifPresent(bytes -> top.put("address", Hex.encodeNoPrefix(bytes)));
    ObjectNode crypto = top.putObject("crypto");
    crypto.put("cipher", CIPHER);
    crypto.put("ciphertext", Hex.encodeNoPrefix(ciphertext));
    crypto.putObject("cipherparams").put("iv", Hex.encodeNoPrefix(iv));
    ObjectNode params = JSON.createObjectNode();
    params.put("dklen", KdfParams.DERIVED_KEY_LENGTH);
    switch (kdf) {
      case ScryptParams scrypt -> {
        crypto.put("kdf", SCRYPT);
        params.put("n", scrypt.n()).put("p", scrypt.p()).put("r", scrypt.r());
      }
      case Pbkdf2Params pbkdf2 -> {
        crypto.put("kdf", PBKDF2);
        params.put("c", pbkdf2.iterations()).put("prf", PBKDF2_PRF);
      }
    }
    params.put("salt", Hex.encodeNoPrefix(salt));
    crypto.set("kdfparams", params);
    crypto.put("mac", Hex.encodeNoPrefix(mac));
    top.put("id", id);
    top.put("version", VERSION);
    return top.toString();
  }

  private static KdfParams kdf(String name, JsonNode params) {
    int keyLength = integer(params, "dklen", "crypto.kdfparams.dklen");
    if (keyLength != KdfParams.DERIVED_KEY_LENGTH) {
      throw new KeystoreException(
          Reason.KDF_PARAMS_OUT_OF_BOUNDS, "crypto.kdfparams.dklen = " + keyLength + " must be " + KdfParams.DERIVED_KEY_LENGTH);
    }
    return switch (name) {
      case SCRYPT -> new ScryptParams(
          integer(params, "n", "crypto.kdfparams.n"),
          integer(params, "r", "crypto.kdfparams.r"),
          integer(params, "p", "crypto.kdfparams.p"));
      case PBKDF2 -> {
        String prf = text(params, "prf", "crypto.kdfparams.prf");
        if (!prf.equals(PBKDF2_PRF)) {
          throw new KeystoreException(
              Reason.UNSUPPORTED_KDF, "crypto.kdfparams.prf is " + quoted(prf) + ", only " + PBKDF2_PRF + " is read");
        }
        yield new Pbkdf2Params(integer(params, "c", "crypto.kdfparams.c"));
      }
      default -> throw new KeystoreException(
          Reason.UNSUPPORTED_KDF, "crypto.kdf is " + quoted(name) + ", only " + SCRYPT + " and " + PBKDF2 + " are read");
    };
  }

  private static Optional<byte[]> address(JsonNode top) {
    if (!top.has("address") || top.get("address").isNull()) {
      return Optional.empty();
    }
    return Optional.of(hexOfLength(top, "address", "address", ADDRESS_LENGTH));
  }

  private static JsonNode required(JsonNode parent, String name, String path) {
    JsonNode value = parent.get(name);
    if (value == null || value.isNull()) {
      throw new KeystoreException(Reason.MISSING_FIELD, path);
    }
    return value;
  }

  private static JsonNode object(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new KeystoreException(Reason.INVALID_FIELD, path + " must be a JSON object");
    }
    return node;
  }

  private static String text(JsonNode parent, String name, String path) {
    JsonNode value = required(parent, name, path);
    if (!value.isTextual()) {
      throw new KeystoreException(Reason.INVALID_FIELD, path + " must be a string");
    }
    return value.textValue();
  }

  private static int integer(JsonNode parent, String name, String path) {
    JsonNode value = required(parent, name, path);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new KeystoreException(Reason.INVALID_FIELD, path + " must be an integer in the range of int");
    }
    return value.intValue();
  }

  private static byte[] hex(JsonNode parent, String name, String path) {
    String text = text(parent, name, path);
    try {
      return Hex.decode(text);
    } catch (HexFormatException e) {
      throw new KeystoreException(Reason.INVALID_FIELD, path + " is not hex: " + e.getMessage(), e);
    }
  }

  private static byte[] hexOfLength(JsonNode parent, String name, String path, int length) {
    byte[] bytes = hex(parent, name, path);
    if (bytes.length != length) {
      throw new KeystoreException(Reason.INVALID_FIELD, path + " must be " + length + " bytes, got " + bytes.length);
    }
    return bytes;
  }

  /** A value from the file, quoted and cut short, so a hostile file cannot flood a log line. */
  private static String quoted(String value) {
    String shown = value.length() <= 32 ? value : value.substring(0, 32) + "...";
    return '"' + shown.replaceAll("\\p{Cntrl}", "?") + '"';
  }
}
