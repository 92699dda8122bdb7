package io.luxtensor.rlp;

import java.util.Arrays;

/**
 * Reads canonical RLP in place, item by item, for decoders of hot structures that would otherwise build an item tree
 * only to take it apart ({@link Rlp#decode} is built on it, so both accept exactly the same input).
 *
 * <p>The reader stands inside a list, at first the whole input: {@link #hasNext} says whether that list holds another
 * item, {@link #readString} consumes a byte string, {@link #enterList} steps into a list and {@link #leaveList}
 * steps back out after its last item. Every malformation throws {@link RlpDecodingException} naming its offset.
 */
public final class RlpReader {

  private static final byte[] EMPTY = new byte[0];

  private final byte[] in;
  private int pos;
  private int end;
  private int depth;

  /** A reader at the start of {@code in}, which must hold exactly one item. */
  public RlpReader(byte[] in) {
    if (in.length == 0) {
      throw new RlpDecodingException("empty input");
    }
    this.in = in;
    this.end = in.length;
  }

  /** The offset of the next item in the input: the difference of two positions is the encoded length between them. */
  public int position() {
    return pos;
  }

  /** Whether the list the reader stands in holds another item. */
  public boolean hasNext() {
    return pos < end;
  }

  /** Whether the next item is a list. */
  public boolean nextIsList() {
    checkNotAtEnd();
    return (in[pos] & 0xff) >= 0xc0;
  }

  /** Reads the next item, which must be a byte string, and returns a copy of its content. */
  public byte[] readString() {
    int length = readStringHeader();
    pos += length;
    return length == 0 ? EMPTY : Arrays.copyOfRange(in, pos - length, pos);
  }

  /**
   * Reads the next item, which must be a byte string, without copying it: returns its content's length; the content
   * is that many bytes of the input just before {@link #position()}.
   */
  public int readStringInPlace() {
    int length = readStringHeader();
    pos += length;
    return length;
  }

  /**
   * Reads the header of the next item, which must be a canonical byte string; leaves the reader at its content and
   * returns the content's length (a single byte below 0x80 is its own content).
   */
  private int readStringHeader() {
    checkNotAtEnd();
    int start = pos;
    int prefix = in[pos] & 0xff;
    if (prefix < 0x80) {
      return 1;
    }
    if (prefix >= 0xc0) {
      throw new RlpDecodingException("expected a byte string at offset " + start + ", found a list");
    }
    pos++;
    int length = readPayloadLength(prefix, start);
    if (length == 1 && (in[pos] & 0xff) < 0x80) {
      throw new RlpDecodingException(
          "non-canonical: single byte 0x" + Integer.toHexString(in[pos]) + " at offset " + start
              + " must be encoded as itself");
    }
    return length;
  }

  /**
   * Steps into the next item, which must be a list; returns the end of the enclosing list, to hand back to
   * {@link #leaveList} once this list's items are read.
   */
  public int enterList() {
    checkNotAtEnd();
    int start = pos;
    int prefix = in[pos++] & 0xff;
    if (prefix < 0xc0) {
      pos = start;
      throw new RlpDecodingException("expected a list at offset " + start + ", found a byte string");
    }
    int length = readPayloadLength(prefix, start);
    if (depth >= Rlp.NESTING_DEPTH_MAX) {
      throw new RlpDecodingException("lists nested deeper than " + Rlp.NESTING_DEPTH_MAX + " at offset " + start);
    }
    depth++;
    int enclosingEnd = end;
    end = pos + length;
    return enclosingEnd;
  }

  /** Steps out of the list entered last, whose items must all have been read. */
  public void leaveList(int enclosingEnd) {
    if (pos != end) {
      throw new IllegalStateException("leaving a list at offset " + pos + " before its end at " + end);
    }
    depth--;
    end = enclosingEnd;
  }

  /**
   * How many items are left in the list the reader stands in; reads only their headers, so a malformed item may
   * still be found when it is read.
   */
  public int remainingItems() {
    int saved = pos;
    int count = 0;
    try {
      while (pos < end) {
        int start = pos;
        int prefix = in[pos++] & 0xff;
        int length = prefix < 0x80 ? 0 : readPayloadLength(prefix, start);
        pos += length;
        count++;
      }
      return count;
    } finally {
      pos = saved;
    }
  }

  /** Throws unless the reader has read its one item and nothing follows it. */
  public void checkFinished() {
    if (depth != 0 || pos != in.length) {
      throw new RlpDecodingException(
          "trailing bytes: the item ends at offset " + pos + " of " + in.length);
    }
  }

  private void checkNotAtEnd() {
    if (pos >= end) {
      throw new RlpDecodingException("unexpected end of input at offset " + pos);
    }
  }

  /**
   * Reads the rest of the header of a string or list that starts at {@code start} with {@code prefix} (0x80 or
   * more; the reader is past it) and returns its payload's length, checked to fit in the enclosing list.
   */
  private int readPayloadLength(int prefix, int start) {
    int length;
    if (prefix < 0xc0) {
      length = prefix <= 0xb7 ? prefix - 0x80 : readLongLength(prefix - 0xb7, start);
    } else {
      length = prefix <= 0xf7 ? prefix - 0xc0 : readLongLength(prefix - 0xf7, start);
    }
    checkFits(length, start);
    return length;
  }

  private int readLongLength(int lengthOfLength, int start) {
    if (lengthOfLength > 4) {
      throw new RlpDecodingException(
          "length of " + lengthOfLength + " bytes at offset " + start + " exceeds 2^31 - 1");
    }
    if (pos + lengthOfLength > end) {
      throw new RlpDecodingException("length at offset " + start + " runs past the end of its input");
    }
    if (in[pos] == 0) {
      throw new RlpDecodingException("non-canonical: length at offset " + start + " has leading zero bytes");
    }
    long length = 0;
    for (int i = 0; i < lengthOfLength; i++) {
      length = (length << 8) | (in[pos++] & 0xff);
    }
    if (length <= Rlp.SHORT_LENGTH_MAX) {
      throw new RlpDecodingException(
          "non-canonical: length " + length + " at offset " + start + " must use the short form");
    }
    if (length > Integer.MAX_VALUE) {
      throw new RlpDecodingException("length " + length + " at offset " + start + " exceeds 2^31 - 1");
    }
    return (int) length;
  }

  private void checkFits(int length, int start) {
    if (length > end - pos) {
      throw new RlpDecodingException(
          "item at offset " + start + " declares " + length + " bytes but only " + (end - pos) + " remain");
    }
  }
}
