package io.luxtensor.p2p.transport;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** zlib (deflate) for payloads, inflating with a cap so a small bomb cannot expand into memory without limit. */
final class Deflate {
  private static final int CHUNK_BYTES = 64 * 1024;

  private Deflate() {}

  static byte[] compress(byte[] data) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 4));
      byte[] chunk = new byte[CHUNK_BYTES];
      while (!deflater.finished()) {
        out.write(chunk, 0, deflater.deflate(chunk));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /**
   * The inflated {@code compressed}, which must be one complete zlib stream and nothing after it.
   *
   * @throws TransportException {@link CloseReason#DECOMPRESSED_TOO_LARGE} as soon as the output passes
   *     {@code capBytes}; {@link CloseReason#PROTOCOL_ERROR} if it is not a valid, complete stream
   */
  static byte[] inflate(byte[] compressed, int capBytes) throws TransportException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(compressed);
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(capBytes, Math.max(64, compressed.length * 4)));
      byte[] chunk = new byte[CHUNK_BYTES];
      while (!inflater.finished()) {
        int n = inflater.inflate(chunk, 0, Math.min(chunk.length, capBytes - out.size() + 1));
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new TransportException(CloseReason.PROTOCOL_ERROR, "compressed payload is truncated");
        }
        out.write(chunk, 0, n);
        if (out.size() > capBytes) {
          throw new TransportException(CloseReason.DECOMPRESSED_TOO_LARGE,
              "compressed payload of " + compressed.length + " bytes inflates past the cap of " + capBytes);
        }
      }
      if (inflater.getRemaining() != 0) {
        throw new TransportException(CloseReason.PROTOCOL_ERROR,
            inflater.getRemaining() + " bytes follow the compressed payload");
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new TransportException(CloseReason.PROTOCOL_ERROR, "compressed payload is corrupt: " + e.getMessage());
    } finally {
      inflater.end();
    }
  }
}
