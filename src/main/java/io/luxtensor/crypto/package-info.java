/**
 * Cryptography of the chain: Keccak-256, secp256k1 keys and recoverable ECDSA signatures (RFC 6979, low-S),
 * ECVRF (RFC 9381) for proposer randomness, Web3 Secret Storage v3 keystores and BIP-39/32/44 key derivation.
 *
 * <p>Pure core: imports {@code io.luxtensor.bytes}, BouncyCastle's lightweight API and, for the JSON of keystore
 * files only, Jackson. Randomness is always a {@link java.security.SecureRandom} argument, never created here; the one
 * resource read is the BIP-39 wordlist, from the classpath.
 */
package io.luxtensor.crypto;
