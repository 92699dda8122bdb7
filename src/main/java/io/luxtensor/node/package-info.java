/**
 * The node: configuration, the single-writer chain service, and the wiring of storage, chain, pool and API in one
 * place ({@link io.luxtensor.node.LuxtensorNode}).
 *
 * <p>Shell: may import anything in LuxTensor; owns the threads.
 */
package io.luxtensor.node;
