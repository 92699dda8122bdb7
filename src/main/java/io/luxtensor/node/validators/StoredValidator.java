package io.luxtensor.node.validators;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.types.Address;
import java.nio.file.Path;

/**
 * A validator key in the store, as listed without opening it.
 *
 * @param address the validator's address, which names its files
 * @param vrfPublicKey the ECVRF-P256 public key derived from its signing key, recorded at import (checked against
 *     the key whenever it is unlocked)
 * @param keystoreFile its Web3 Secret Storage v3 file
 * @param passwordFile the file holding that keystore's password
 */
public record StoredValidator(Address address, Bytes vrfPublicKey, Path keystoreFile, Path passwordFile) {}
