#!/usr/bin/env bash
# Builds the bench module (and what it needs) and runs the SIGKILL crash loop.
#   bench/run-crash-loop.sh --cycles 100
set -euo pipefail
cd "$(dirname "$0")/.."
exec bench/run-main.sh dev.hallmark.bench.CrashLoop "$@"
