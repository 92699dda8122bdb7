package io.luxtensor.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.KdfParams.ScryptParams;
import io.luxtensor.testing.SeededRandom;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile keystore files: random edits of a valid file either decrypt or are refused with a {@link KeystoreException},
 * never another exception, and no message shows the key or the password.
 */
class KeystoreProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PASSWORD = "fuzz";
  private static final PrivateKey KEY = PrivateKey.random(SeededRandom.of(42));
  /** Tiny scrypt parameters, so that edits which keep the file valid cost microseconds. */
  private static final String FILE = Keystore.encrypt(KEY, PASSWORD, new ScryptParams(16, 1, 1), SeededRandom.of(43));
  private static final String CHARACTERS = "0123456789abcdefxyz{}[]\":,.-+eE\\ \nnultrH";
  private static final List<JsonNode> VALUES = List.of(
      NODES.nullNode(), NODES.booleanNode(true), NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1),
      NODES.numberNode(3), NODES.numberNode(32), NODES.numberNode(4096), NODES.numberNode(1L << 31),
      NODES.numberNode(new BigInteger("99999999999999999999999")), NODES.numberNode(1.5), NODES.textNode(""),
      NODES.textNode("zz"), NODES.textNode("00"), NODES.textNode("scrypt"), NODES.textNode("pbkdf2"),
      NODES.textNode("hmac-sha256"), NODES.arrayNode(), NODES.objectNode());

  /** An edit of the JSON text: replace, delete or insert one character. */
  record TextEdit(int kind, int position, char character) {}

  /** An edit of the JSON tree: remove a field or give it another value. */
  record TreeEdit(int field, int value) {}

  @Property(tries = 1000)
  void textEditsDecryptOrFailTyped(@ForAll("textEdits") List<TextEdit> edits) {
    StringBuilder text = new StringBuilder(FILE);
    for (TextEdit edit : edits) {
      int at = Math.floorMod(edit.position(), text.length() + 1);
      switch (edit.kind()) {
        case 0 -> text.setCharAt(Math.min(at, text.length() - 1), edit.character());
        case 1 -> text.deleteCharAt(Math.min(at, text.length() - 1));
        default -> text.insert(at, edit.character());
      }
    }
    decryptsOrFailsTyped(text.toString());
  }

  @Property(tries = 1000)
  void treeEditsDecryptOrFailTyped(@ForAll("treeEdits") List<TreeEdit> edits) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(FILE);
    for (TreeEdit edit : edits) {
      List<Map.Entry<ObjectNode, String>> fields = new ArrayList<>();
      collectFields(root, fields);
      if (fields.isEmpty()) {
        break;
      }
      Map.Entry<ObjectNode, String> field = fields.get(Math.floorMod(edit.field(), fields.size()));
      int value = Math.floorMod(edit.value(), VALUES.size() + 1);
      if (value == VALUES.size()) {
        field.getKey().remove(field.getValue());
      } else {
        field.getKey().set(field.getValue(), VALUES.get(value));
      }
    }
    decryptsOrFailsTyped(root.toString());
  }

  /**
   * v3's MAC covers the ciphertext but not the IV, so a file whose IV was edited decrypts to another valid key; only
   * the optional address field can catch that, so a file that decrypts to another key must have lost its address.
   */
  private static void decryptsOrFailsTyped(String file) {
    try {
      PrivateKey decrypted = Keystore.decrypt(file, PASSWORD);
      if (!decrypted.equals(KEY)) {
        assertFalse(JSON.readTree(file).has("address"), "a file with its address field decrypted to another key");
      }
    } catch (JsonProcessingException e) {
      throw new AssertionError("a file that decrypts is JSON", e);
    } catch (KeystoreException refused) {
      assertFalse(refused.getMessage().contains(Hex.encodeNoPrefix(KEY.toBytes())));
      assertFalse(refused.getMessage().contains(PASSWORD));
    }
  }

  private static void collectFields(JsonNode node, List<Map.Entry<ObjectNode, String>> fields) {
    if (node instanceof ObjectNode object) {
      object.fieldNames().forEachRemaining(name -> fields.add(Map.entry(object, name)));
    }
    node.elements().forEachRemaining(child -> collectFields(child, fields));
  }

  @Provide
  Arbitrary<List<TextEdit>> textEdits() {
    Arbitrary<TextEdit> edit = Combinators.combine(
            Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, FILE.length()),
            Arbitraries.of(CHARACTERS.chars().mapToObj(c -> (char) c).toList()))
        .as(TextEdit::new);
    return edit.list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<TreeEdit>> treeEdits() {
    Arbitrary<TreeEdit> edit = Combinators.combine(Arbitraries.integers(), Arbitraries.integers()).as(TreeEdit::new);
    return edit.list().ofMinSize(1).ofMaxSize(3);
  }
}
