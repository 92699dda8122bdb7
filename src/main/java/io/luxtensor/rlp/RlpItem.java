package io.luxtensor.rlp;

/** A decoded (or to-be-encoded) RLP value: a byte string or a list of values. */
public sealed interface RlpItem permits RlpString, RlpList {

  /** This item as a string, or a decoding error naming {@code field} if it is a list. */
  default RlpString asString(String field) {
    if (this instanceof RlpString s) {
      return s;
    }
    throw new RlpDecodingException(field + ": expected a byte string, found a list");
  }

  /** This item as a list, or a decoding error naming {@code field} if it is a byte string. */
  default RlpList asList(String field) {
    if (this instanceof RlpList l) {
      return l;
    }
    throw new RlpDecodingException(field + ": expected a list, found a byte string");
  }
}
