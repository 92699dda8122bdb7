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
