package io.luxtensor.execution.abi;

import io.luxtensor.crypto.Keccak256;
import io.luxtensor.types.Address;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Solidity ABI encoding and decoding of argument tuples. Values are Java objects by type: {@code BigInteger} for
 * integers, {@code Boolean}, {@link Address}, {@code byte[]} for bytes32 and bytes, {@code String}, and {@code List}
 * of the element type for arrays.
 */
public final class Abi {
  private static final int WORD = 32;
  /** Longest dynamic value or array decoded: bounds what hostile calldata can make us allocate. */
  public static final int DYNAMIC_LENGTH_MAX = 1 << 20;

  private Abi() {}

  /** The 4-byte function selector: the first bytes of keccak256 of the canonical signature, e.g. "ping(bytes32)". */
  public static byte[] selector(String signature) {
    return Arrays.copyOf(Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII)), 4);
  }

  /** The event's topic 0: keccak256 of its canonical signature, e.g. "Pinged(address,bytes32,uint256)". */
  public static byte[] eventTopic(String signature) {
    return Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII));
  }

  /** Calldata as a Solidity caller builds it: the selector of {@code signature}, then the encoded {@code values}. */
  public static byte[] calldata(String signature, List<AbiType> types, List<?> values) {
    byte[] selector = selector(signature);
    byte[] encoded = encode(types, values);
    byte[] input = new byte[selector.length + encoded.length];
    System.arraycopy(selector, 0, input, 0, selector.length);
    System.arraycopy(encoded, 0, input, selector.length, encoded.length);
    return input;
  }

  public static byte[] encode(List<AbiType> types, List<?> values) {
    if (types.size() != values.size()) {
      throw new IllegalArgumentException(types.size() + " types but " + values.size() + " values");
    }
    List<byte[]> heads = new ArrayList<>();
    List<byte[]> tails = new ArrayList<>();
    int headSize = types.size() * WORD;
    int tailOffset = headSize;
    for (int i = 0; i < types.size(); i++) {
      AbiType type = types.get(i);
      if (type.isDynamic()) {
        byte[] tail = encodeDynamic(type, values.get(i));
        heads.add(word(BigInteger.valueOf(tailOffset)));
        tails.add(tail);
        tailOffset += tail.length;
      } else {
        heads.add(encodeStatic(type, values.get(i)));
      }
    }
    byte[] out = new byte[tailOffset];
    int pos = 0;
    for (byte[] head : heads) {
      System.arraycopy(head, 0, out, pos, WORD);
      pos += WORD;
    }
    for (byte[] tail : tails) {
      System.arraycopy(tail, 0, out, pos, tail.length);
      pos += tail.length;
    }
    return out;
  }

  /**
   * Decodes a tuple of {@code types} from {@code data} (calldata without its selector, or return data).
   *
   * @throws AbiDecodingException naming the argument that is malformed
   */
  public static List<Object> decode(List<AbiType> types, byte[] data) {
    List<Object> out = new ArrayList<>(types.size());
    for (int i = 0; i < types.size(); i++) {
      AbiType type = types.get(i);
      String what = "argument " + i + " (" + type.solidityName() + ")";
      if (type.isDynamic()) {
        int offset = toIndex(readWord(data, i * WORD, what), what + " offset");
        out.add(decodeDynamic(type, data, offset, what));
      } else {
        out.add(decodeStatic(type, readWord(data, i * WORD, what), what));
      }
    }
    return out;
  }

  private static byte[] encodeStatic(AbiType type, Object value) {
    return switch (type) {
      case UINT256, UINT64, UINT16 -> word(checkUnsigned(type, (BigInteger) value));
      case BOOL -> word((Boolean) value ? BigInteger.ONE : BigInteger.ZERO);
      case ADDRESS -> {
        byte[] out = new byte[WORD];
        System.arraycopy(((Address) value).toBytes(), 0, out, WORD - Address.LENGTH, Address.LENGTH);
        yield out;
      }
      case BYTES32 -> {
        byte[] bytes = (byte[]) value;
        if (bytes.length != WORD) {
          throw new IllegalArgumentException("bytes32 needs 32 bytes, got " + bytes.length);
        }
        yield bytes.clone();
      }
      default -> throw new IllegalArgumentException(type + " is dynamic");
    };
  }

  private static byte[] encodeDynamic(AbiType type, Object value) {
    return switch (type) {
      case BYTES -> lengthPrefixed((byte[]) value);
      case STRING -> lengthPrefixed(((String) value).getBytes(StandardCharsets.UTF_8));
      case UINT16_ARRAY -> array(AbiType.UINT16, (List<?>) value);
      case ADDRESS_ARRAY -> array(AbiType.ADDRESS, (List<?>) value);
      case UINT256_ARRAY -> array(AbiType.UINT256, (List<?>) value);
      default -> throw new IllegalArgumentException(type + " is static");
    };
  }

  private static byte[] array(AbiType element, List<?> values) {
    byte[] out = new byte[WORD * (values.size() + 1)];
    System.arraycopy(word(BigInteger.valueOf(values.size())), 0, out, 0, WORD);
    for (int i = 0; i < values.size(); i++) {
      System.arraycopy(encodeStatic(element, values.get(i)), 0, out, WORD * (i + 1), WORD);
    }
    return out;
  }

  private static byte[] lengthPrefixed(byte[] bytes) {
    int padded = (bytes.length + WORD - 1) / WORD * WORD;
    byte[] out = new byte[WORD + padded];
    System.arraycopy(word(BigInteger.valueOf(bytes.length)), 0, out, 0, WORD);
    System.arraycopy(bytes, 0, out, WORD, bytes.length);
    return out;
  }

  private static Object decodeStatic(AbiType type, byte[] word, String what) {
    BigInteger value = new BigInteger(1, word);
    return switch (type) {
      case UINT256 -> value;
      case UINT64, UINT16 -> {
        if (value.bitLength() > (type == AbiType.UINT64 ? 64 : 16)) {
          throw new AbiDecodingException(what + " exceeds " + type.solidityName());
        }
        yield value;
      }
      case BOOL -> {
        if (value.compareTo(BigInteger.ONE) > 0) {
          throw new AbiDecodingException(what + " is not 0 or 1");
        }
        yield value.signum() == 1;
      }
      case ADDRESS -> {
        if (value.bitLength() > 160) {
          throw new AbiDecodingException(what + " has nonzero bytes above its 20 address bytes");
        }
        yield Address.wrap(Arrays.copyOfRange(word, WORD - Address.LENGTH, WORD));
      }
      case BYTES32 -> word;
      default -> throw new IllegalStateException(type + " is dynamic");
    };
  }

  private static Object decodeDynamic(AbiType type, byte[] data, int offset, String what) {
    int length = toIndex(readWord(data, offset, what + " length"), what + " length");
    if (length > DYNAMIC_LENGTH_MAX) {
      throw new AbiDecodingException(what + " length " + length + " exceeds " + DYNAMIC_LENGTH_MAX);
    }
    int start = offset + WORD;
    return switch (type) {
      case BYTES, STRING -> {
        if (start + (long) length > data.length) {
          throw new AbiDecodingException(what + " runs past the end of the data");
        }
        byte[] bytes = Arrays.copyOfRange(data, start, start + length);
        yield type == AbiType.BYTES ? bytes : utf8(bytes, what);
      }
      case UINT16_ARRAY, ADDRESS_ARRAY, UINT256_ARRAY -> {
        AbiType element = type == AbiType.UINT16_ARRAY ? AbiType.UINT16
            : type == AbiType.ADDRESS_ARRAY ? AbiType.ADDRESS : AbiType.UINT256;
        List<Object> values = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
          values.add(decodeStatic(element, readWord(data, start + i * WORD, what + "[" + i + "]"), what + "[" + i + "]"));
        }
        yield values;
      }
      default -> throw new IllegalStateException(type + " is static");
    };
  }

  private static String utf8(byte[] bytes, String what) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new AbiDecodingException(what + " is not valid UTF-8");
    }
  }

  private static byte[] readWord(byte[] data, long offset, String what) {
    if (offset < 0 || offset + WORD > data.length) {
      throw new AbiDecodingException(what + ": data ends before its 32-byte word at offset " + offset);
    }
    return Arrays.copyOfRange(data, (int) offset, (int) offset + WORD);
  }

  private static int toIndex(byte[] word, String what) {
    BigInteger value = new BigInteger(1, word);
    if (value.bitLength() > 31) {
      throw new AbiDecodingException(what + " is too large: " + value);
    }
    return value.intValueExact();
  }

  private static BigInteger checkUnsigned(AbiType type, BigInteger value) {
    int bits = switch (type) {
      case UINT64 -> 64;
      case UINT16 -> 16;
      default -> 256;
    };
    if (value.signum() < 0 || value.bitLength() > bits) {
      throw new IllegalArgumentException(value + " does not fit " + type.solidityName());
    }
    return value;
  }

  private static byte[] word(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[WORD];
    int copy = Math.min(raw.length, WORD);
    System.arraycopy(raw, raw.length - copy, out, WORD - copy, copy);
    return out;
  }
}
