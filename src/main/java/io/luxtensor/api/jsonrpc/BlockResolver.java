package io.luxtensor.api.jsonrpc;

import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.types.BlockHeader;
import java.util.Optional;

/** Turns a block parameter into a header of the canonical chain. */
public final class BlockResolver {
  private final BlockchainQueries chain;

  public BlockResolver(BlockchainQueries chain) {
    this.chain = chain;
  }

  /**
   * The header, or empty for a number or hash the node does not have.
   *
   * @throws JsonRpcException -39001 for safe/finalized before any exists; -32000 for a non-canonical block when
   *     EIP-1898's requireCanonical is set
   */
  public Optional<BlockHeader> resolve(BlockParameter block) throws JsonRpcException {
    return switch (block) {
      case BlockParameter.ByTag tag -> switch (tag.tag()) {
        case LATEST, PENDING -> Optional.of(chain.latest());
        case EARLIEST -> chain.canonicalHash(0).flatMap(chain::header);
        case SAFE -> Optional.of(chain.safe().orElseThrow(() -> unknown("safe")));
        case FINALIZED -> Optional.of(chain.finalized().orElseThrow(() -> unknown("finalized")));
      };
      case BlockParameter.ByNumber number -> chain.canonicalHash(number.number()).flatMap(chain::header);
      case BlockParameter.ByHash byHash -> {
        Optional<BlockHeader> header = chain.header(byHash.hash());
        if (header.isPresent() && byHash.requireCanonical()
            && !chain.canonicalHash(header.get().number()).equals(Optional.of(byHash.hash()))) {
          throw new JsonRpcException(JsonRpcError.SERVER_ERROR, "hash " + byHash.hash() + " is not currently canonical");
        }
        yield header;
      }
    };
  }

  /** Like {@link #resolve}, but a missing block is an error: for state queries, which need one. */
  public BlockHeader require(BlockParameter block) throws JsonRpcException {
    return resolve(block).orElseThrow(() -> new JsonRpcException(JsonRpcError.SERVER_ERROR, "header not found"));
  }

  private static JsonRpcException unknown(String tag) {
    return new JsonRpcException(JsonRpcError.UNKNOWN_BLOCK, "unknown block: no " + tag + " block yet");
  }
}
