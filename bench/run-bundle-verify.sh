#!/usr/bin/env bash
# run-bundle-verify.sh [ARGS...]: Hallmark's BundleVerifier vs sigstore-java's KeylessVerifier
# (dev.hallmark.bench.BundleVerifyComparison). Packages bench and what it needs in one reactor
# run (no install into ~/.m2), writes the class path, then runs the comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl bench -am package dependency:build-classpath -DskipTests -Dspotless.check.skip=true \
  -Dmdep.outputFile="$PWD/bench/target/classpath.txt"
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
exec java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$cp" dev.hallmark.bench.BundleVerifyComparison "$@"
