package io.luxtensor.cli;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The name a person gives a key in the wallet: letters, digits, '.', '_' and '-', starting with a letter or digit.
 * Names compare without case, and none looks like an address (0x..., 40 hex digits), so "NAME or ADDRESS" arguments
 * are never ambiguous.
 *
 * @param value the name as given
 */
record KeyName(String value) {
  /** Long enough for "validator-eu-west-1-backup", short enough for a table column. */
  static final int CHARS_MAX = 64;
  static final String DEFAULT_PREFIX = "account-";
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  /** 0x-anything is meant as an address (a mistyped one must not be taken for a name), and so are 40 hex digits. */
  private static final Pattern ADDRESS_LIKE = Pattern.compile("0[xX].*|[0-9a-fA-F]{40}");

  KeyName {
    if (value.isEmpty() || value.length() > CHARS_MAX || !ALLOWED.matcher(value).matches()) {
      throw CliException.usage("a key name is 1 to " + CHARS_MAX + " letters, digits, '.', '_' or '-', starting "
          + "with a letter or digit");
    }
    if (looksLikeAddress(value)) {
      throw CliException.usage("a key name must not look like an address (0x..., or 40 hex digits)");
    }
  }

  /** The first of account-1, account-2, ... that no key has (the names in {@code taken} are lowercase). */
  static KeyName firstFree(Set<String> taken) {
    for (int n = 1; n <= taken.size() + 1; n++) {
      KeyName candidate = new KeyName(DEFAULT_PREFIX + n);
      if (!taken.contains(candidate.key())) {
        return candidate;
      }
    }
    throw new IllegalStateException("size + 1 candidates cannot all be taken");
  }

  /** Whether {@code text} is meant as an address, never a name: it starts with 0x or is 40 hex digits. */
  static boolean looksLikeAddress(String text) {
    return ADDRESS_LIKE.matcher(text).matches();
  }

  /** The form names compare in. */
  String key() {
    return value.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
