#!/usr/bin/env bash
# Client benchmark: bytes, time to join prompt, join-to-first-frame against a plain HTML page, idle
# redraws. Runs Chromium and two treff-servers in a network namespace that has only loopback.
# Usage: bench/client_load.sh   (ROUNDS=N for more rounds; default 5; SITE=<built client folder>
# to measure another build, e.g. a copy of build/wasm/site from before a change)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/native/src/server/treff-server ] && [ -f build/wasm/site/treff.wasm ] || ./tools/build >&2
if [ "$(id -u)" = 0 ]; then run=(unshare --net); else run=(sudo unshare --net); fi
"${run[@]}" bash -c 'ip link set lo up && node bench/client_load.mjs'
