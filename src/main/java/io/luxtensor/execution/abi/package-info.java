/**
 * The Solidity contract ABI: function selectors, event topics, and the head/tail encoding of arguments and return
 * values, so system contracts speak to ethers, viem and web3j exactly as Solidity contracts do.
 *
 * <p>Part of the pure core ({@code execution}).
 */
package io.luxtensor.execution.abi;
