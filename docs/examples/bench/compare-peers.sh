#!/usr/bin/env bash
# Runs `luxtensor bench tps` against Hardhat's node, Ganache and a fresh `luxtensor dev`, one after another, each
# on a free loopback port, and prints each result line labelled with the node's name. The arguments go to every
# `bench tps`, e.g.   docs/examples/bench/compare-peers.sh --senders 200 --txs 20000 --json
#
# Needs node >= 18 and npm; network access once, to install hardhat and ganache (pinned below) into
# $PEERS_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/luxtensor-bench-peers).
# LUXTENSOR is the luxtensor command, run from the repository's root (default ./luxtensor), e.g.
#   LUXTENSOR="$(.ci/find-jdk)/bin/java -jar target/luxtensor.jar"
# BLOCK_MS (default 0) chooses how blocks are made: 0 is each node's instant mode (Hardhat automine, Ganache
# instamine, `luxtensor dev`); N > 0 is a block every N ms (Hardhat interval mining, --miner.blockTime,
# --block-time). Hardhat's automine refuses a nonce ahead of the account's ("can't be queued when automining"),
# so with BLOCK_MS=0 pass --connections 1 --batch 1 for transfers in order. PEERS picks the nodes to run.
# ROUNDS (default 1) runs the bench that many times on each node, one after another (later rounds on a node whose
# JIT has warmed up); the script gives each round its own --seed, so pass none.
# All three start with the dev mnemonic's accounts (10,000 ETH/LUX each) and chain id 31337.
set -euo pipefail
hardhat_version=2.29.1
ganache_version=7.9.2
mnemonic="test test test test test test test test test test test junk"
cache=${PEERS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/luxtensor-bench-peers}
block_ms=${BLOCK_MS:-0}
read -ra luxtensor <<< "${LUXTENSOR:-./luxtensor}"
mkdir -p "$cache" && cache=$(cd "$cache" && pwd)
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."

node -e 'process.exit(+process.versions.node.split(".")[0] >= 18 ? 0 : 1)' || { echo "needs node >= 18" >&2; exit 2; }
stamp="$cache/installed-hardhat@$hardhat_version-ganache@$ganache_version"
if [ ! -f "$stamp" ]; then
  echo '{"private": true}' > "$cache/package.json"
  npm install --prefix "$cache" --no-audit --no-fund --save-exact "hardhat@$hardhat_version" \
    "ganache@$ganache_version" >&2
  touch "$stamp"
fi
# No request log (it slows the node); mining as BLOCK_MS says.
cat > "$cache/hardhat.config.js" <<'EOF'
const ms = Number(process.env.BLOCK_MS || 0);
module.exports = {
  networks: { hardhat: { loggingEnabled: false, mining: ms > 0 ? { auto: false, interval: ms } : { auto: true } } },
};
EOF

pid="" bench=""
stop() { # the running bench and node, if any
  for p in $bench $pid; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  bench="" pid=""
}
trap stop EXIT
trap 'exit 130' INT TERM
free_port() {
  node -e 's = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close() })'
}
answers() { # $1 = URL; exit 0 once eth_chainId answers
  node -e 'fetch(process.argv[1],{method:"POST",headers:{"content-type":"application/json"},
    body:JSON.stringify({jsonrpc:"2.0",id:1,method:"eth_chainId",params:[]})}).then(r=>r.json())
    .then(j=>process.exit(j.result?0:1),()=>process.exit(1))' "$1"
}

status=0
for peer in ${PEERS:-hardhat ganache luxtensor}; do
  port=$(free_port)
  log="$cache/$peer.log"
  case $peer in
    hardhat) (cd "$cache" && BLOCK_MS=$block_ms HARDHAT_DISABLE_TELEMETRY_PROMPT=true \
               exec node_modules/.bin/hardhat node --hostname 127.0.0.1 --port "$port") > "$log" 2>&1 &
             label="hardhat $hardhat_version" ;;
    ganache) mining=(); [ "$block_ms" -gt 0 ] && mining=(--miner.blockTime "$(awk "BEGIN{print $block_ms/1000}")")
             "$cache/node_modules/.bin/ganache" --server.host 127.0.0.1 --server.port "$port" --logging.quiet \
               --wallet.mnemonic "$mnemonic" --wallet.defaultBalance 10000 --chain.chainId 31337 "${mining[@]}" \
               > "$log" 2>&1 &
             label="ganache $ganache_version" ;;
    luxtensor) mining=(); [ "$block_ms" -gt 0 ] && mining=(--block-time "$block_ms")
               "${luxtensor[@]}" dev --port "$port" "${mining[@]}" > "$log" 2>&1 &
               label="luxtensor dev" ;;
    *) echo "unknown peer $peer (hardhat, ganache or luxtensor)" >&2; exit 2 ;;
  esac
  pid=$!
  url="http://127.0.0.1:$port"
  for _ in $(seq 1 180); do
    answers "$url" && break
    kill -0 "$pid" 2>/dev/null || { echo "$label exited; see $log" >&2; exit 3; }
    sleep 1
  done
  answers "$url" || { echo "$label did not answer on $url within 180 s; see $log" >&2; exit 3; }
  echo "== $label on $url (pid $pid, BLOCK_MS=$block_ms)" >&2
  for round in $(seq 1 "${ROUNDS:-1}"); do
    # In the background, so that a signal stops it and the node at once; each round with its own senders.
    "${luxtensor[@]}" bench tps --rpc "$url" --seed "$round" "$@" > "$cache/result" & bench=$!
    rc=0; wait "$bench" || rc=$?; bench=""
    while IFS= read -r line; do echo "$label (round $round): $line"; done < "$cache/result"
    [ "$rc" -eq 0 ] || { echo "$label: bench tps exited $rc" >&2; status=$rc; }
  done
  stop
done
exit "$status"
