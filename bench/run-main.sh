#!/usr/bin/env bash
# run-main.sh MAIN_CLASS [ARGS...]: package bench with its dependencies, then run MAIN_CLASS.
# BENCH_JAVA_OPTS: extra JVM options for the tool itself (e.g. -XX:StartFlightRecording=...).
set -euo pipefail
cd "$(dirname "$0")/.."
main="$1"; shift
./mvnw -q -B -pl bench -am install -DskipTests -Dspotless.check.skip=true
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
exec java -Xmx3g -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-} -cp "$cp" "$main" "$@"
