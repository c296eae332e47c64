#!/usr/bin/env bash
# Runs the signaling load benchmark against a freshly started treff-server.
# Usage: bench/signaling_load.sh [--clients N] [--room-size K] [--rate MSGS_PER_S] [--seconds S]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/native/bench/signaling_load ] || ./tools/build >&2
# Each client is a socket here and one in the server: raise this process tree's limit, not the machine's.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
exec build/native/bench/signaling_load "$@"
