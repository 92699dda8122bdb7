package io.luxtensor.api.jsonrpc;

import io.luxtensor.types.Hash;

/** A block as JSON-RPC names it: a tag, a number, or (EIP-1898) a hash. */
public sealed interface BlockParameter {

  enum Tag { EARLIEST, LATEST, PENDING, SAFE, FINALIZED }

  record ByTag(Tag tag) implements BlockParameter {}

  record ByNumber(long number) implements BlockParameter {}

  /** @param requireCanonical EIP-1898: fail unless the block is on the canonical chain */
  record ByHash(Hash hash, boolean requireCanonical) implements BlockParameter {}

  BlockParameter LATEST = new ByTag(Tag.LATEST);
}
