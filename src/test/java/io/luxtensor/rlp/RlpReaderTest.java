package io.luxtensor.rlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Hex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Reading in place: what the trie codec relies on beyond what {@link Rlp#decode} (built on it) already shows. */
class RlpReaderTest {
  /** ["cat", ["dog", ""], 0x05]. */
  private static final byte[] NESTED = Rlp.encode(RlpList.of(
      RlpString.of("cat".getBytes()), RlpList.of(RlpString.of("dog".getBytes()), RlpString.EMPTY), RlpString.of(5)));

  @Test
  void walksANestedListInPlace() {
    RlpReader reader = new RlpReader(NESTED);
    int outside = reader.enterList();
    assertEquals(3, reader.remainingItems());
    assertArrayEquals("cat".getBytes(), reader.readString());
    assertEquals(2, reader.remainingItems(), "counting leaves the reader where it was");

    int start = reader.position();
    assertTrue(reader.nextIsList());
    int inside = reader.enterList();
    assertEquals(2, reader.remainingItems());
    assertEquals(3, reader.readStringInPlace());
    assertArrayEquals("dog".getBytes(),
        Arrays.copyOfRange(NESTED, reader.position() - 3, reader.position()), "the content lies just before");
    assertArrayEquals(new byte[0], reader.readString());
    assertFalse(reader.hasNext(), "the inner list ends before the outer one does");
    reader.leaveList(inside);
    assertEquals(Rlp.encode(RlpList.of(RlpString.of("dog".getBytes()), RlpString.EMPTY)).length,
        reader.position() - start, "positions measure an item's encoded length");

    assertArrayEquals(new byte[] {5}, reader.readString());
    reader.leaveList(outside);
    reader.checkFinished();
  }

  @Test
  void refusesTheWrongKindOfItemWithoutMoving() {
    RlpReader reader = new RlpReader(NESTED);
    RlpDecodingException notAString = assertThrows(RlpDecodingException.class, reader::readString);
    assertEquals("expected a byte string at offset 0, found a list", notAString.getMessage());
    reader.enterList();
    RlpDecodingException notAList = assertThrows(RlpDecodingException.class, reader::enterList);
    assertEquals("expected a list at offset 1, found a byte string", notAList.getMessage());
    assertArrayEquals("cat".getBytes(), reader.readString());
  }

  @Test
  void leavingAListEarlyIsAProgrammingError() {
    RlpReader reader = new RlpReader(NESTED);
    int outside = reader.enterList();
    reader.readString();
    assertThrows(IllegalStateException.class, () -> reader.leaveList(outside));
  }

  @Test
  void findsTrailingBytesAndItemsThatOverrunTheirList() {
    RlpReader trailing = new RlpReader(Hex.decode("0x0102"));
    trailing.readString();
    assertThrows(RlpDecodingException.class, trailing::checkFinished);

    // A list of 2 payload bytes whose only item claims 3.
    RlpReader overrun = new RlpReader(Hex.decode("0xc283616263"));
    overrun.enterList();
    RlpDecodingException e = assertThrows(RlpDecodingException.class, overrun::remainingItems);
    assertEquals("item at offset 1 declares 3 bytes but only 1 remain", e.getMessage());
    assertThrows(RlpDecodingException.class, () -> new RlpReader(new byte[0]));
  }
}
