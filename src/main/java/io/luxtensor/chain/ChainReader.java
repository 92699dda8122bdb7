package io.luxtensor.chain;

import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import java.util.Optional;

/** Stored headers, as the core reads them. */
public interface ChainReader {

  Optional<BlockHeader> header(Hash hash);
}
