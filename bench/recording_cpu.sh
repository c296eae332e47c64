#!/usr/bin/env bash
# What recording a call costs: the recorder's browser CPU in a steady 3-person call with and
# without "Record this call" running, rounds alternating (ROUNDS=N, default 3; STEADY_S, default
# 10). Each person has a Chromium of their own, in a network namespace with only loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/native/src/server/treff-server ] && [ -f build/wasm/site/treff.wasm ] || ./tools/build >&2
if [ "$(id -u)" = 0 ]; then run=(unshare --net); else run=(sudo unshare --net); fi
"${run[@]}" bash -c 'ip link set lo up && node bench/recording_cpu.mjs'
