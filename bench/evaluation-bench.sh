#!/usr/bin/env bash
# Evaluation benchmarks.
#   bench/evaluation-bench.sh runs [--data-dir DIR] [n] [scheme...]   # evaluation runs on the demo town (or the
#                                                    # database in DIR) as staff start them: run time
#                                                    # p50/max (goal: a 2 000-firm run ≤ 1 s), the server's snapshot and
#                                                    # scoring times, the ranking page p50 against a static file
#   bench/evaluation-bench.sh [n] [runs]             # the engine against DuckDB SQL on n (1 000 000) enterprises
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=bench/target/parkscope-bench.jar
if [ ! -f "$BENCH" ] || [ ! -f app/target/parkscope-exec.jar ] || [ -n "$(find core/src app/src bench/src pom.xml \
    core/pom.xml app/pom.xml bench/pom.xml -newer "$BENCH" -type f 2>/dev/null | head -n 1)" ]; then
  ./mvnw -q -B -pl bench -am package -DskipTests
fi
if [ "${1:-}" = "runs" ]; then
  shift
  exec java -Xmx512m -cp "$BENCH" org.parkscope.bench.load.EvaluationRunBenchmark "$@"
fi
exec java -Xmx6g -cp "$BENCH" org.parkscope.bench.EvaluationBenchmark "${1:-1000000}" "${2:-11}"
