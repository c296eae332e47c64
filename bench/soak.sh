#!/usr/bin/env bash
# Soak run against a freshly started treff-server: clients join, relay, leave, drop and come back at
# random; prints memory over time, messages sent vs delivered and errors, and a verdict (exit 1 on a
# lost message, an unexpected error or memory growth past the bound).
# Usage: bench/soak.sh [--seconds 600] [--clients 3000] [--rate 1] [--churn 0.02] [--max-growth-mib 32]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/native/bench/soak ] || ./tools/build >&2
# Each client is a socket here and one in the server: raise this process tree's limit, not the machine's.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
exec build/native/bench/soak "$@"
