/**
 * System contracts: protocol code at fixed addresses that speaks the Solidity ABI (calldata in, return data and
 * event logs out) and keeps its state in its account's storage trie, so {@code new ethers.Contract(address, abi,
 * signer)} drives it and eth_getProof proves its state. Staking and the AI network are built on this.
 *
 * <p>Part of the pure core ({@code execution}).
 */
package io.luxtensor.execution.system;
