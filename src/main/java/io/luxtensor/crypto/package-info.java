/**
 * Cryptography of the chain: Keccak-256, secp256k1 keys and recoverable ECDSA signatures (RFC 6979, low-S),
 * ECVRF (RFC 9381) for proposer randomness, Web3 Secret Storage v3 keystores and BIP-39/32/44 key derivation.
 *
 * <p>Pure core: imports {@code io.luxtensor.bytes} and BouncyCastle's lightweight API only. Randomness is always
 * a {@link java.security.SecureRandom} argument, never created here.
 */
package io.luxtensor.crypto;
