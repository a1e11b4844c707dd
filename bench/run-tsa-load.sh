#!/usr/bin/env bash
# Builds the bench module (and what it needs) and runs the timestamp authority load generator.
#   bench/run-tsa-load.sh --rates 500,1000,2000,3000,max --duration-seconds 15
# Any option of TsaLoad (see --help) is passed through.
set -euo pipefail
cd "$(dirname "$0")/.."
exec bench/run-main.sh dev.hallmark.bench.TsaLoad "$@"
