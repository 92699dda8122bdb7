package io.luxtensor.p2p.transport;

import java.util.Arrays;
import java.util.Optional;

/**
 * Splits a byte stream, fed in chunks of any size, into frames: a 4-byte big-endian length, then that many bytes.
 * The caller states the cap of each next frame, because it tightens while the handshake runs; a length above the cap
 * is refused as soon as its 4 bytes arrive, before any of the body is buffered.
 */
public final class FrameDecoder {
  public static final int LENGTH_BYTES = 4;
  private static final int INITIAL_BYTES = 4096;
  /** A buffer grown for one large frame is given back once drained, so an idle peer does not pin megabytes. */
  private static final int RETAINED_BYTES_MAX = 64 * 1024;

  private byte[] buffer = new byte[INITIAL_BYTES];
  private int start;
  private int end;

  /** The frame with {@code body}: its length, then the body. */
  public static byte[] encode(byte[] body) {
    byte[] out = new byte[LENGTH_BYTES + body.length];
    writeLength(body.length, out);
    System.arraycopy(body, 0, out, LENGTH_BYTES, body.length);
    return out;
  }

  /** The 4 big-endian bytes of {@code length}, which authenticate a frame as its AES-GCM associated data. */
  public static byte[] lengthBytes(int length) {
    byte[] out = new byte[LENGTH_BYTES];
    writeLength(length, out);
    return out;
  }

  public void feed(byte[] chunk) {
    int length = chunk.length;
    if (buffer.length - end < length) {
      makeRoom(length);
    }
    System.arraycopy(chunk, 0, buffer, end, length);
    end += length;
  }

  /**
   * The body of the next complete frame, or empty until more bytes are fed.
   *
   * @throws TransportException with {@link CloseReason#FRAME_TOO_LARGE} if the next length exceeds {@code capBytes}
   */
  public Optional<byte[]> next(int capBytes) throws TransportException {
    if (end - start < LENGTH_BYTES) {
      return Optional.empty();
    }
    long length = Integer.toUnsignedLong(
        (buffer[start] & 0xff) << 24 | (buffer[start + 1] & 0xff) << 16 | (buffer[start + 2] & 0xff) << 8
            | (buffer[start + 3] & 0xff));
    if (length > capBytes) {
      throw new TransportException(CloseReason.FRAME_TOO_LARGE,
          "frame of " + length + " bytes, the cap is " + capBytes);
    }
    if (end - start - LENGTH_BYTES < length) {
      return Optional.empty();
    }
    int bodyStart = start + LENGTH_BYTES;
    byte[] body = Arrays.copyOfRange(buffer, bodyStart, bodyStart + (int) length);
    start = bodyStart + (int) length;
    if (start == end) {
      start = 0;
      end = 0;
      if (buffer.length > RETAINED_BYTES_MAX) {
        buffer = new byte[INITIAL_BYTES];
      }
    }
    return Optional.of(body);
  }

  /** Bytes fed but not yet returned as frames. */
  public int bufferedBytes() {
    return end - start;
  }

  private void makeRoom(int more) {
    int buffered = end - start;
    long needed = (long) buffered + more;
    if (needed > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("a frame decoder was fed " + needed + " bytes without draining them");
    }
    byte[] target = buffer.length >= needed ? buffer
        : new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * buffer.length))];
    System.arraycopy(buffer, start, target, 0, buffered);
    buffer = target;
    start = 0;
    end = buffered;
  }

  private static void writeLength(int length, byte[] out) {
    out[0] = (byte) (length >>> 24);
    out[1] = (byte) (length >>> 16);
    out[2] = (byte) (length >>> 8);
    out[3] = (byte) length;
  }
}
