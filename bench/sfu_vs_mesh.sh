#!/usr/bin/env bash
# The same N browsers in one room as a mesh and through a local Janus (load check, not a test):
# uplink per person, CPU per browser, join to first frames, side by side. Runs in a network
# namespace of its own (Janus gets an interface there, tests/e2e/lib/janus.js).
# Usage: PEOPLE=6 STEADY_S=10 bench/sfu_vs_mesh.sh; ten people on Janus: PEOPLE=10 MODES=janus ONE_BROWSER=1
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/native/src/server/treff-server ] && [ -f build/wasm/site/treff.wasm ] || ./tools/build >&2
if [ "$(id -u)" = 0 ]; then run=(unshare --net); else run=(sudo unshare --net); fi
"${run[@]}" bash -c 'ip link set lo up && node bench/sfu_vs_mesh.mjs'
