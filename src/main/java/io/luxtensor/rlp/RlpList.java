package io.luxtensor.rlp;

import java.util.List;

/** An RLP list. */
public record RlpList(List<RlpItem> items) implements RlpItem {
  public RlpList {
    items = List.copyOf(items);
  }

  public static RlpList of(RlpItem... items) {
    return new RlpList(List.of(items));
  }

  public int size() {
    return items.size();
  }

  public RlpItem get(int index) {
    return items.get(index);
  }

  /** This list, after checking it has exactly {@code size} elements; {@code what} names it in the error. */
  public RlpList expectSize(String what, int size) {
    if (items.size() != size) {
      throw new RlpDecodingException(what + ": expected " + size + " elements, found " + items.size());
    }
    return this;
  }
}
