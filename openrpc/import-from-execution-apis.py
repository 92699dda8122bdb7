#!/usr/bin/env python3
"""Builds openrpc/openrpc.json: the methods LuxTensor serves, with the definitions of Ethereum's execution-apis
(CC0) for the standard ones and our own for the rest. Run from the project root:

    python3 openrpc/import-from-execution-apis.py ../shared/spec/execution-apis/openrpc.json

It keeps the LuxTensor-specific methods already in openrpc/openrpc.json (those under "x-luxtensor": true) and
re-imports every standard one listed in STANDARD. OpenRpcDocumentTest keeps the file and the code in step.
"""
import json
import sys

STANDARD = [
    "eth_accounts", "eth_blockNumber", "eth_call", "eth_chainId", "eth_createAccessList", "eth_estimateGas",
    "eth_feeHistory", "eth_gasPrice", "eth_getBalance", "eth_getBlockByHash", "eth_getBlockByNumber",
    "eth_getBlockReceipts", "eth_getBlockTransactionCountByHash", "eth_getBlockTransactionCountByNumber",
    "eth_getCode", "eth_getFilterChanges", "eth_getFilterLogs", "eth_getLogs", "eth_getProof", "eth_getStorageAt",
    "eth_getTransactionByBlockHashAndIndex", "eth_getTransactionByBlockNumberAndIndex", "eth_getTransactionByHash",
    "eth_getTransactionCount", "eth_getTransactionReceipt", "eth_maxPriorityFeePerGas", "eth_newBlockFilter",
    "eth_newFilter", "eth_newPendingTransactionFilter", "eth_sendRawTransaction", "eth_syncing",
    "eth_uninstallFilter", "net_version", "txpool_content", "txpool_status",
]

# Served only by the dev node (luxtensor dev), which holds the funded dev keys; marked "x-luxtensor-dev-only".
DEV_ONLY_STANDARD = ["eth_sendTransaction", "eth_sign"]

QUANTITY = {"title": "hex encoded unsigned integer", "type": "string", "pattern": "^0x(0|[1-9a-f][0-9a-f]*)$"}
HASH32 = {"title": "32 byte hex value", "type": "string", "pattern": "^0x[0-9a-f]{64}$"}
HEX_DATA = {"title": "hex encoded bytes", "type": "string", "pattern": "^0x[0-9a-f]*$"}
NULL = {"title": "Not Found (null)", "type": "null"}
BLOCK_NUMBER_OR_TAG = {"title": "Block number or tag", "oneOf": [
    QUANTITY,
    {"title": "Block tag", "type": "string", "enum": ["earliest", "finalized", "safe", "latest", "pending"]},
]}

OWN = {
    "web3_clientVersion": {
        "name": "web3_clientVersion",
        "summary": "Returns the client version, e.g. luxtensor/v0.1.0/java-25.",
        "params": [],
        "result": {"name": "Client version", "schema": {"type": "string"}},
        "x-luxtensor": True,
    },
    "web3_sha3": {
        "name": "web3_sha3",
        "summary": "Returns Keccak-256 (not the standardized SHA3-256) of the given data.",
        "params": [{"name": "Data", "required": True, "schema": HEX_DATA}],
        "result": {"name": "Keccak-256 hash", "schema": HASH32},
        "x-luxtensor": True,
    },
    "net_listening": {
        "name": "net_listening",
        "summary": "Returns true: the node answering is listening. Until peer-to-peer networking lands this "
                   "reports the API; then it reports whether the node accepts peers.",
        "params": [],
        "result": {"name": "Listening", "schema": {"type": "boolean"}},
        "x-luxtensor": True,
    },
    "net_peerCount": {
        "name": "net_peerCount",
        "summary": "Returns the number of connected peers: 0x0 until peer-to-peer networking lands.",
        "params": [],
        "result": {"name": "Peer count", "schema": QUANTITY},
        "x-luxtensor": True,
    },
    "eth_getUncleCountByBlockNumber": {
        "name": "eth_getUncleCountByBlockNumber",
        "summary": "Returns 0x0 for a known block (proof of stake has no uncles), null for an unknown one.",
        "params": [{"name": "Block", "required": True, "schema": BLOCK_NUMBER_OR_TAG}],
        "result": {"name": "Uncle count", "schema": {"oneOf": [NULL, QUANTITY]}},
        "x-luxtensor": True,
    },
    "eth_getUncleCountByBlockHash": {
        "name": "eth_getUncleCountByBlockHash",
        "summary": "Returns 0x0 for a known block (proof of stake has no uncles), null for an unknown one.",
        "params": [{"name": "Block hash", "required": True, "schema": HASH32}],
        "result": {"name": "Uncle count", "schema": {"oneOf": [NULL, QUANTITY]}},
        "x-luxtensor": True,
    },
    "txpool_inspect": {
        "name": "txpool_inspect",
        "summary": "Returns a one-line summary of every pooled transaction, in Geth's shape: pending and queued, "
                   "by sender then nonce (decimal), each \"<to>: <value> wei + <gas> gas \u00d7 <gas price> wei\".",
        "params": [],
        "result": {"name": "Transaction pool summary", "schema": {
            "type": "object",
            "required": ["pending", "queued"],
            "properties": {
                "pending": {"type": "object", "additionalProperties": {
                    "type": "object", "additionalProperties": {"type": "string"}}},
                "queued": {"type": "object", "additionalProperties": {
                    "type": "object", "additionalProperties": {"type": "string"}}},
            },
        }},
        "x-luxtensor": True,
    },
    "personal_sign": {
        "name": "personal_sign",
        "summary": "Dev node only: signs an EIP-191 personal message with a dev account (MetaMask's parameter order).",
        "params": [
            {"name": "Message", "required": True, "schema": {"type": "string", "pattern": "^0x[0-9a-f]*$"}},
            {"name": "Address", "required": True, "schema": {"type": "string", "pattern": "^0x[0-9a-fA-F]{40}$"}},
        ],
        "result": {"name": "Signature", "schema": {"type": "string", "pattern": "^0x[0-9a-f]{130}$"}},
        "x-luxtensor": True,
        "x-luxtensor-dev-only": True,
    },
    "eth_signTypedData_v4": {
        "name": "eth_signTypedData_v4",
        "summary": "Dev node only: signs EIP-712 typed data (an object or its JSON string) with a dev account.",
        "params": [
            {"name": "Address", "required": True, "schema": {"type": "string", "pattern": "^0x[0-9a-fA-F]{40}$"}},
            {"name": "TypedData", "required": True, "schema": {"type": ["object", "string"]}},
        ],
        "result": {"name": "Signature", "schema": {"type": "string", "pattern": "^0x[0-9a-f]{130}$"}},
        "x-luxtensor": True,
        "x-luxtensor-dev-only": True,
    },
    "evm_mine": {
        "name": "evm_mine",
        "summary": "Dev node only (Hardhat's name): seals a block now, with whatever is pending.",
        "params": [],
        "result": {"name": "Zero", "schema": {"type": "string", "const": "0x0"}},
        "x-luxtensor": True,
        "x-luxtensor-dev-only": True,
    },
    "evm_increaseTime": {
        "name": "evm_increaseTime",
        "summary": "Dev node only (Hardhat's name): moves the chain's clock forward by the given seconds; returns "
                   "the total offset in seconds.",
        "params": [{"name": "Seconds", "required": True, "schema": {"type": ["integer", "string"]}}],
        "result": {"name": "Offset", "schema": {"type": "integer"}},
        "x-luxtensor": True,
        "x-luxtensor-dev-only": True,
    },
    "lux_getValidators": {
        "name": "lux_getValidators",
        "summary": "Returns the active validators in address order (address, stake in wei, compressed ECVRF-P256 "
                   "public key) and their total stake: the genesis validators until validator rotation lands.",
        "params": [],
        "result": {"name": "Validator set", "schema": {
            "type": "object",
            "required": ["validators", "totalStake"],
            "additionalProperties": False,
            "properties": {
                "validators": {"type": "array", "minItems": 1, "items": {
                    "type": "object",
                    "required": ["address", "stake", "vrfPublicKey"],
                    "additionalProperties": False,
                    "properties": {
                        "address": {"title": "hex encoded address", "type": "string",
                                    "pattern": "^0x[0-9a-f]{40}$"},
                        "stake": QUANTITY,
                        "vrfPublicKey": {"title": "33 byte compressed P-256 point", "type": "string",
                                         "pattern": "^0x0[23][0-9a-f]{64}$"},
                    },
                }},
                "totalStake": QUANTITY,
            },
        }},
        "x-luxtensor": True,
    },
    "rpc.discover": {
        "name": "rpc.discover",
        "summary": "Returns this OpenRPC document.",
        "params": [],
        "result": {"name": "OpenRPC document", "schema": {"type": "object", "required": ["openrpc", "info", "methods"]}},
        "x-luxtensor": True,
    },
}


def main(spec_path):
    spec = json.load(open(spec_path))
    by_name = {m["name"]: m for m in spec["methods"]}
    methods = [by_name[name] for name in STANDARD]
    for name in DEV_ONLY_STANDARD:
        methods.append(dict(by_name[name], **{"x-luxtensor-dev-only": True}))
    try:
        current = json.load(open("openrpc/openrpc.json"))
        own = {m["name"]: m for m in current["methods"] if m.get("x-luxtensor")}
    except FileNotFoundError:
        own = {}
    own.update({k: v for k, v in OWN.items() if k not in own})
    methods += own.values()
    methods.sort(key=lambda m: m["name"])
    doc = {
        "openrpc": spec["openrpc"],
        "info": {
            "title": "LuxTensor JSON-RPC API",
            "version": "0.1.0",
            "description": "The methods a LuxTensor node serves. Standard methods are Ethereum's execution-apis "
                           "definitions (CC0-1.0, github.com/ethereum/execution-apis); LuxTensor's own are marked "
                           "x-luxtensor.",
            "license": {"name": "CC0-1.0 (imported definitions); project licence for the rest"},
        },
        "methods": methods,
    }
    with open("openrpc/openrpc.json", "w") as out:
        json.dump(doc, out, indent=2)
        out.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
