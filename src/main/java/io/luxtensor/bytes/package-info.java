/**
 * Byte strings and their hexadecimal text form, as JSON-RPC, test vectors and configuration files write them.
 *
 * <p>Imports nothing from the rest of LuxTensor; every other package may import it.
 */
package io.luxtensor.bytes;
