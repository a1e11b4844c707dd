#!/usr/bin/env bash
# Builds the bench module (and what it needs) and runs the load generator.
#   bench/run-load.sh --rates 1000,3000,5000,max --duration-seconds 15 --read-concurrency 32
# Any option of LoadGenerator (see --help) is passed through.
set -euo pipefail
cd "$(dirname "$0")/.."
exec bench/run-main.sh dev.hallmark.bench.LoadGenerator "$@"
