/**
 * Health checks for orchestrators and load balancers, as Besu serves them: {@code /liveness} (the process answers)
 * and {@code /readiness} (enough peers and close enough to the best known block to serve reads).
 *
 * <p>Shell (part of {@code api}): reads only published, non-blocking values, so it answers on the event loop.
 */
package io.luxtensor.api.health;
