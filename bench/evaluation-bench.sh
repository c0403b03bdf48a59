#!/usr/bin/env bash
# Evaluation benchmark: the engine against DuckDB SQL on 1 000 000 enterprises, same data, same process.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl bench -am package -DskipTests
exec java -Xmx6g -cp bench/target/parkscope-bench.jar org.parkscope.bench.EvaluationBenchmark "${1:-1000000}" "${2:-11}"
