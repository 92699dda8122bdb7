package io.luxtensor.node;

import io.luxtensor.api.DevControls;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The dev chain's helpers over the chain service and its clock. */
final class NodeDevControls implements DevControls {
  /** How long evm_mine waits for the chain thread to seal. */
  static final long SEAL_TIMEOUT_SECONDS_MAX = 30;

  private final ChainService chain;
  private final OffsetClock clock;

  NodeDevControls(ChainService chain, OffsetClock clock) {
    this.chain = chain;
    this.clock = clock;
  }

  @Override
  public Mined mine() {
    try {
      return new Mined.Sealed(chain.seal().get(SEAL_TIMEOUT_SECONDS_MAX, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sealing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SigningRefusedException refused) {
        return new Mined.Refused(refused.getMessage());
      }
      throw new IllegalStateException("sealing failed", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("sealing failed", e);
    }
  }

  @Override
  public long increaseTime(long seconds) {
    return clock.advance(Math.multiplyExact(seconds, 1000)) / 1000;
  }
}
