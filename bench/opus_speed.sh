#!/usr/bin/env bash
# Opus encoding speed, native against wasm (node), same source and bitrate: ×realtime for 48 kHz
# mono and stereo, and the wasm/native ratio. The two builds run alternately ROUNDS times
# (default 3) and each keeps its best, so a busy moment on the machine does not decide the ratio.
# Usage: bench/opus_speed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs EMSDK_PYTHON=/usr/bin/python3
[ -x build/native/bench/opus_speed ] || cmake --build build/native --target opus_speed >&2
[ -f build/wasm/bench/opus_speed.js ] || cmake --build build/wasm --target opus_speed >&2
rounds=${ROUNDS:-3}
best() { sort -g | tail -1; }
native_mono=(); native_stereo=(); wasm_mono=(); wasm_stereo=()
for ((r = 0; r < rounds; r++)); do
  n=$(build/native/bench/opus_speed | sed -n 's/^RESULT //p')
  w=$(node --no-experimental-fetch build/wasm/bench/opus_speed.js | sed -n 's/^RESULT //p')
  native_mono+=("$(sed 's/.*mono=\([0-9.]*\).*/\1/' <<<"$n")"); native_stereo+=("$(sed 's/.*stereo=\([0-9.]*\).*/\1/' <<<"$n")")
  wasm_mono+=("$(sed 's/.*mono=\([0-9.]*\).*/\1/' <<<"$w")"); wasm_stereo+=("$(sed 's/.*stereo=\([0-9.]*\).*/\1/' <<<"$w")")
done
nm=$(printf '%s\n' "${native_mono[@]}" | best); ns=$(printf '%s\n' "${native_stereo[@]}" | best)
wm=$(printf '%s\n' "${wasm_mono[@]}" | best); ws=$(printf '%s\n' "${wasm_stereo[@]}" | best)
echo "Opus encode at the call bitrate (32 kbit/s per channel), 48 kHz, best of $rounds:"
awk -v nm="$nm" -v wm="$wm" -v ns="$ns" -v ws="$ws" 'BEGIN {
  printf "  mono    native %6.0fx realtime   wasm %6.0fx realtime   wasm/native %.2f\n", nm, wm, wm / nm
  printf "  stereo  native %6.0fx realtime   wasm %6.0fx realtime   wasm/native %.2f\n", ns, ws, ws / ns }'
