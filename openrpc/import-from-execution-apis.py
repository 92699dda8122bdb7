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
    "eth_accounts", "eth_blockNumber", "eth_call", "eth_chainId", "eth_estimateGas", "eth_feeHistory",
    "eth_gasPrice", "eth_getBalance", "eth_getBlockByHash", "eth_getBlockByNumber", "eth_getCode",
    "eth_getStorageAt", "eth_getTransactionByHash", "eth_getTransactionCount", "eth_getTransactionReceipt",
    "eth_maxPriorityFeePerGas", "eth_sendRawTransaction", "eth_syncing", "net_version",
]

OWN = {
    "web3_clientVersion": {
        "name": "web3_clientVersion",
        "summary": "Returns the client version, e.g. luxtensor/v0.1.0/java-25.",
        "params": [],
        "result": {"name": "Client version", "schema": {"type": "string"}},
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
