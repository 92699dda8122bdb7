package io.luxtensor.trie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Hex;
import io.luxtensor.crypto.Keccak256;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpItem;
import io.luxtensor.rlp.RlpList;
import io.luxtensor.rlp.RlpString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hex-prefix encoding (Yellow Paper appendix C) and the strictness of the node decoder, by example. */
class TrieNodeCodecTest {

  @Test
  void hexPrefixMatchesTheYellowPaperExamples() {
    assertEquals("0x112345", hexPrefix("12345", false));
    assertEquals("0x00012345", hexPrefix("012345", false));
    assertEquals("0x200f1cb8", hexPrefix("0f1cb8", true));
    assertEquals("0x3f1cb8", hexPrefix("f1cb8", true));
    assertEquals("0x20", hexPrefix("", true));

    Nibbles.HexPrefixPath decoded = Nibbles.decodeHexPrefix(Hex.decode("0x3f1cb8"));
    assertTrue(decoded.leaf());
    assertArrayEquals(nibbles("f1cb8"), decoded.nibbles());
  }

  @Test
  void decodesTheEmptyTrie() {
    assertSame(EmptyNode.INSTANCE, TrieNodeCodec.decode(Rlp.encode(RlpString.EMPTY)));
  }

  @Test
  void decodedNodesEncodeBackToTheirInput() {
    byte[] leaf = Rlp.encode(RlpList.of(hp("0f1cb8", true), str("value")));
    byte[] extension = Rlp.encode(RlpList.of(hp("1", false), RlpString.of(new byte[32])));
    byte[] branchWithEmbeddedLeaf = Rlp.encode(branch(RlpList.of(hp("", true), str("a")), str("v")));
    for (byte[] rlp : List.of(leaf, extension, branchWithEmbeddedLeaf)) {
      assertEquals(Hex.encode(rlp), Hex.encode(((ContentNode) TrieNodeCodec.decode(rlp)).encoding().rlp()));
    }
  }

  @Test
  void rejectsWhatIsNotANode() {
    assertMalformed("0x", "not canonical RLP");
    assertMalformed("0x8100", "not canonical RLP");
    assertMalformed("0x83646f67", "byte string of 3 bytes");
    assertMalformed(Hex.encode(Rlp.encode(RlpList.of(str("a"), str("b"), str("c")))), "list of 3 items");
  }

  @Test
  void rejectsBadHexPrefixPaths() {
    assertMalformed(RlpList.of(RlpString.EMPTY, str("v")), "hex-prefix path is empty");
    assertMalformed(RlpList.of(RlpString.of(new byte[] {0x40}), str("v")), "flag nibble is 4");
    assertMalformed(RlpList.of(RlpString.of(new byte[] {0x21}), str("v")), "padding nibble");
    assertMalformed(RlpList.of(RlpList.of(), str("v")), "path must be a byte string");
  }

  @Test
  void rejectsNodesEthereumNeverBuilds() {
    assertMalformed(RlpList.of(hp("1", true), RlpString.EMPTY), "leaf value is empty");
    assertMalformed(RlpList.of(hp("", false), RlpString.of(new byte[32])), "extension path is empty");
    assertMalformed(RlpList.of(hp("1", false), RlpString.EMPTY), "extension child must be a branch");
    RlpList embeddedLeaf = RlpList.of(hp("2", true), str("v"));
    assertMalformed(RlpList.of(hp("1", false), embeddedLeaf), "extension child must be a branch");
    assertMalformed(branch(RlpString.of(new byte[32]), RlpString.EMPTY), "branch holds 1 children and values");
    assertMalformed(branch(RlpString.EMPTY, str("v")), "branch holds 1 children and values");
  }

  @Test
  void rejectsBadChildReferences() {
    assertMalformed(branch(RlpString.of(new byte[31]), str("v")), "child reference is 31 bytes");
    assertMalformed(branch(RlpString.of(new byte[33]), str("v")), "child reference is 33 bytes");
    RlpList tooLongToEmbed = RlpList.of(hp("1", true), RlpString.of(new byte[40]));
    assertMalformed(branch(tooLongToEmbed, str("v")), "embedded child is 43 bytes");
  }

  /**
   * A branch that refers by hash to a 3-byte leaf, which Ethereum would embed: the root commits to it, but a proof
   * through it is malformed.
   */
  @Test
  void proofsRejectShortNodesReferencedByHash() {
    byte[] shortLeaf = Rlp.encode(RlpList.of(hp("", true), str("a")));
    RlpString byHash = RlpString.of(Keccak256.hash(shortLeaf));
    byte[] branch = Rlp.encode(branch(byHash, str("v")));
    InvalidProofException e = assertThrows(InvalidProofException.class, () -> MerklePatriciaTrie.verifyProof(
        Keccak256.hash(branch), new byte[] {0x00}, List.of(branch, shortLeaf)));
    assertEquals(InvalidProofException.Reason.MALFORMED_NODE, e.reason());
    assertTrue(e.getMessage().contains("node 1 is 3 bytes"), e.getMessage());
  }

  private static void assertMalformed(RlpItem node, String expectedMessage) {
    assertMalformed(Hex.encode(Rlp.encode(node)), expectedMessage);
  }

  private static void assertMalformed(String rlpHex, String expectedMessage) {
    MalformedTrieNodeException e =
        assertThrows(MalformedTrieNodeException.class, () -> TrieNodeCodec.decode(Hex.decode(rlpHex)));
    assertTrue(e.getMessage().contains(expectedMessage), e.getMessage());
  }

  /** A branch with {@code child} in slot 0, the other slots empty, and {@code value}. */
  private static RlpList branch(RlpItem child, RlpString value) {
    List<RlpItem> items = new ArrayList<>();
    items.add(child);
    for (int slot = 1; slot < BranchNode.WIDTH; slot++) {
      items.add(RlpString.EMPTY);
    }
    items.add(value);
    return new RlpList(items);
  }

  private static String hexPrefix(String nibbleDigits, boolean leaf) {
    return Hex.encode(Nibbles.encodeHexPrefix(nibbles(nibbleDigits), leaf));
  }

  private static RlpString hp(String nibbleDigits, boolean leaf) {
    return RlpString.of(Nibbles.encodeHexPrefix(nibbles(nibbleDigits), leaf));
  }

  private static RlpString str(String text) {
    return RlpString.of(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] nibbles(String digits) {
    byte[] out = new byte[digits.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Character.digit(digits.charAt(i), 16);
    }
    return out;
  }
}
