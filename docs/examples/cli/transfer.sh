#!/usr/bin/env bash
# The first transfer from the command line: imports dev account (0) into a throwaway keystore, sends 1.5 LUX to
# account (1), then shows the recipient's balance and the receipt. Needs a running `luxtensor dev`.
set -euo pipefail
luxtensor=${LUXTENSOR:-luxtensor}           # e.g. LUXTENSOR=./luxtensor from the repository's root
rpc=${LUXTENSOR_RPC:-http://127.0.0.1:8545}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export LUXTENSOR_KEYSTORE="$dir/keystore"   # instead of ~/.luxtensor/keystore

# Secrets go in files, never in flags. This key is public (Hardhat's account 0): never use it on a real chain.
echo 0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80 > "$dir/dev0.key"
echo "a password for this example" > "$dir/password.txt"

"$luxtensor" wallet import --private-key-file "$dir/dev0.key" --name dev0 --password-file "$dir/password.txt"
sent=$("$luxtensor" wallet send --from dev0 --to 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 --value 1.5 \
  --password-file "$dir/password.txt" --rpc "$rpc")
echo "$sent"
hash=$(sed -n 's/^Sent //p' <<< "$sent")

"$luxtensor" wallet balance 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 --rpc "$rpc"
"$luxtensor" query receipt "$hash" --rpc "$rpc"
