#!/usr/bin/env bash
# Six browsers in one room (load check, not a test): prints how long until all six joined and until
# each sees the five others live. Runs in a network namespace that has only loopback.
# Usage: bench/mesh_six.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/native/src/server/treff-server ] && [ -f build/wasm/site/treff.wasm ] || ./tools/build >&2
if [ "$(id -u)" = 0 ]; then run=(unshare --net); else run=(sudo unshare --net); fi
"${run[@]}" bash -c 'ip link set lo up && node --test bench/mesh_six.test.js'
