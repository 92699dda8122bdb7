package io.luxtensor.rlp;

import java.util.ArrayList;
import java.util.List;

/** Encodes RLP items and decodes canonical RLP. */
public final class Rlp {
  /**
   * Deepest list nesting the decoder follows. Nothing LuxTensor encodes nests deeper than 4 (an access list inside
   * a transaction inside a block); the bound keeps hostile input from exhausting the stack.
   */
  public static final int NESTING_DEPTH_MAX = 64;

  /** Longest payload whose length fits the header's first byte. */
  static final int SHORT_LENGTH_MAX = 55;

  private Rlp() {}

  public static byte[] encode(RlpItem item) {
    byte[] out = new byte[encodedLength(item)];
    int end = write(item, out, 0);
    assert end == out.length;
    return out;
  }

  /** Decodes one item that must span all of {@code input}. */
  public static RlpItem decode(byte[] input) {
    RlpReader reader = new RlpReader(input);
    RlpItem item = read(reader);
    reader.checkFinished();
    return item;
  }

  private static RlpItem read(RlpReader reader) {
    if (!reader.nextIsList()) {
      return new RlpString(reader.readString());
    }
    int enclosingEnd = reader.enterList();
    List<RlpItem> items = new ArrayList<>();
    while (reader.hasNext()) {
      items.add(read(reader));
    }
    reader.leaveList(enclosingEnd);
    return new RlpList(items);
  }

  /** Decodes a list that must span all of {@code input}; {@code what} names it in errors. */
  public static RlpList decodeList(byte[] input, String what) {
    return decode(input).asList(what);
  }

  /*
   * Writing in place, for encoders of hot structures that would otherwise build an item tree only to flatten it:
   * size the output with the length methods, then write each part where it goes.
   */

  /** The length of {@code bytes} encoded as an RLP string. */
  public static int encodedStringLength(byte[] bytes) {
    return isSingleByte(bytes) ? 1 : headerLength(bytes.length) + bytes.length;
  }

  /** Writes {@code bytes} as an RLP string into {@code out} at {@code pos}; returns the position after it. */
  public static int writeString(byte[] bytes, byte[] out, int pos) {
    if (isSingleByte(bytes)) {
      out[pos] = bytes[0];
      return pos + 1;
    }
    pos = writeHeader(0x80, bytes.length, out, pos);
    System.arraycopy(bytes, 0, out, pos, bytes.length);
    return pos + bytes.length;
  }

  /** The length of the header of a list whose items take {@code payloadLength} bytes. */
  public static int listHeaderLength(int payloadLength) {
    return headerLength(payloadLength);
  }

  /** Writes the header of a list whose items take {@code payloadLength} bytes; returns the position after it. */
  public static int writeListHeader(int payloadLength, byte[] out, int pos) {
    return writeHeader(0xc0, payloadLength, out, pos);
  }

  private static boolean isSingleByte(byte[] bytes) {
    return bytes.length == 1 && (bytes[0] & 0xff) < 0x80;
  }

  /** How many bytes {@link #encode} would write for {@code item}, without writing them. */
  public static int encodedLength(RlpItem item) {
    return switch (item) {
      case RlpString s -> encodedStringLength(s.bytes());
      case RlpList l -> {
        int payload = payloadLength(l);
        yield headerLength(payload) + payload;
      }
    };
  }

  private static int payloadLength(RlpList list) {
    int payload = 0;
    for (RlpItem child : list.items()) {
      payload = Math.addExact(payload, encodedLength(child));
    }
    return payload;
  }

  private static int headerLength(int payloadLength) {
    return payloadLength <= SHORT_LENGTH_MAX ? 1 : 1 + bytesNeeded(payloadLength);
  }

  private static int bytesNeeded(int value) {
    return (Integer.SIZE - Integer.numberOfLeadingZeros(value) + 7) / 8;
  }

  private static int write(RlpItem item, byte[] out, int pos) {
    switch (item) {
      case RlpString s -> {
        return writeString(s.bytes(), out, pos);
      }
      case RlpList l -> {
        pos = writeListHeader(payloadLength(l), out, pos);
        for (RlpItem child : l.items()) {
          pos = write(child, out, pos);
        }
        return pos;
      }
    }
  }

  private static int writeHeader(int base, int payloadLength, byte[] out, int pos) {
    if (payloadLength <= SHORT_LENGTH_MAX) {
      out[pos] = (byte) (base + payloadLength);
      return pos + 1;
    }
    int lengthOfLength = bytesNeeded(payloadLength);
    out[pos++] = (byte) (base + SHORT_LENGTH_MAX + lengthOfLength);
    for (int i = lengthOfLength - 1; i >= 0; i--) {
      out[pos++] = (byte) (payloadLength >>> (8 * i));
    }
    return pos;
  }
}
