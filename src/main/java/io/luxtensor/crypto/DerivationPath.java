package io.luxtensor.crypto;

import io.luxtensor.crypto.Bip32Exception.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * A BIP-32 path from the master key, such as {@code m/44'/60'/0'/0/0}: child indices, hardened ones with the top bit
 * set ({@link #HARDENED_BIT}).
 *
 * @param indices the child indices from the master key down
 */
public record DerivationPath(List<Integer> indices) {
  public static final int HARDENED_BIT = 0x80000000;
  /** Serialized extended keys store their depth in one byte. */
  public static final int DEPTH_MAX = 255;
  /** 255 levels of at most 10 digits, a hardened mark and a slash fit in 3,062 characters. */
  public static final int PATH_CHARS_MAX = 4096;
  public static final DerivationPath MASTER = new DerivationPath(List.of());

  public DerivationPath {
    indices = List.copyOf(indices);
    if (indices.size() > DEPTH_MAX) {
      throw new Bip32Exception(Reason.TOO_DEEP, indices.size() + " levels");
    }
  }

  /**
   * Parses {@code m}, {@code m/0/1}, with {@code '}, {@code h} or {@code H} after an index to harden it.
   *
   * @throws Bip32Exception naming the step that is malformed or out of range
   */
  public static DerivationPath parse(String path) {
    if (path.length() > PATH_CHARS_MAX) {
      throw new Bip32Exception(Reason.MALFORMED_PATH, path.length() + " characters, over " + PATH_CHARS_MAX);
    }
    String[] steps = path.split("/", -1);
    if (!steps[0].equals("m")) {
      throw new Bip32Exception(Reason.MALFORMED_PATH, "must start with \"m\", got " + quoted(steps[0]));
    }
    List<Integer> indices = new ArrayList<>();
    for (int i = 1; i < steps.length; i++) {
      indices.add(parseStep(steps[i], i));
    }
    return new DerivationPath(indices);
  }

  /** This path with one more step. */
  public DerivationPath child(int index) {
    List<Integer> longer = new ArrayList<>(indices);
    longer.add(index);
    return new DerivationPath(longer);
  }

  /** The hardened index {@code index}': index + 2^31. */
  public static int hardened(int index) {
    checkNormal(index);
    return index | HARDENED_BIT;
  }

  /** @throws Bip32Exception unless {@code index} is in [0, 2^31 - 1] */
  public static int checkNormal(int index) {
    if (index < 0) {
      throw new Bip32Exception(Reason.INDEX_OUT_OF_RANGE, index + " is not in [0, 2^31 - 1]");
    }
    return index;
  }

  public static boolean isHardened(int index) {
    return (index & HARDENED_BIT) != 0;
  }

  /** An index as a path writes it: {@code 5} or {@code 5'}. */
  public static String format(int index) {
    return isHardened(index) ? (index & ~HARDENED_BIT) + "'" : Integer.toString(index);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("m");
    indices.forEach(index -> out.append('/').append(format(index)));
    return out.toString();
  }

  private static int parseStep(String step, int position) {
    boolean hardened = step.endsWith("'") || step.endsWith("h") || step.endsWith("H");
    String digits = hardened ? step.substring(0, step.length() - 1) : step;
    if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new Bip32Exception(Reason.MALFORMED_PATH, "step " + position + " " + quoted(step) + " is not an index");
    }
    long value = Long.parseLong(digits);
    if (value > Integer.MAX_VALUE) {
      throw new Bip32Exception(Reason.INDEX_OUT_OF_RANGE, "step " + position + " " + quoted(step) + " is over 2^31 - 1");
    }
    return hardened ? hardened((int) value) : (int) value;
  }

  private static String quoted(String text) {
    String shown = text.length() <= 16 ? text : text.substring(0, 16) + "...";
    return '"' + shown.replaceAll("\\p{Cntrl}", "?") + '"';
  }
}
