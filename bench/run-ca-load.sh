#!/usr/bin/env bash
# Builds the bench module (and what it needs) and runs the certificate authority load generator.
#   bench/run-ca-load.sh --rates 100,300,500,800,max --duration-seconds 15
# Any option of CaLoad (see --help) is passed through.
set -euo pipefail
cd "$(dirname "$0")/.."
exec bench/run-main.sh dev.hallmark.bench.CaLoad "$@"
