/**
 * Methods served only by {@code luxtensor dev}, where the node holds the well-known dev keys: eth_accounts,
 * eth_sendTransaction, eth_sign, personal_sign, eth_signTypedData_v4, and Hardhat's evm_mine and
 * evm_increaseTime. A node that holds no dev keys never registers them.
 */
package io.luxtensor.api.jsonrpc.dev;
