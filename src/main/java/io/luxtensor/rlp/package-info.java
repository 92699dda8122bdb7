/**
 * Recursive Length Prefix (RLP), Ethereum's serialization, in its canonical form only: a value has exactly one
 * encoding, and every other byte string is rejected with an {@link io.luxtensor.rlp.RlpDecodingException}.
 *
 * <p>Pure core: imports only {@code io.luxtensor.bytes}.
 */
package io.luxtensor.rlp;
