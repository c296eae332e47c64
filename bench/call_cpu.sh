#!/usr/bin/env bash
# Call benchmark: CPU per browser in a steady 2- and 3-person call, Treff's redraws during it, and
# join to first remote frame, each against the plain page in bench/plain_page, same run. Each
# person has a Chromium of their own; all run in a network namespace that has only loopback.
# Usage: bench/call_cpu.sh   (ROUNDS=N, default 3; STEADY_S=seconds measured, default 10;
# PEOPLE=2,3; SITE=<built client folder> to measure another build, e.g. one from before a change;
# OVERLAY=1 adds the plain page under a transparent WebGL canvas: what that layering alone costs)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/native/src/server/treff-server ] && [ -f build/wasm/site/treff.wasm ] || ./tools/build >&2
if [ "$(id -u)" = 0 ]; then run=(unshare --net); else run=(sudo unshare --net); fi
"${run[@]}" bash -c 'ip link set lo up && node bench/call_cpu.mjs'
