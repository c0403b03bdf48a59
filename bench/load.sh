#!/usr/bin/env bash
# Load benchmark and soak test: starts the platform on the demo town (embedded PostgreSQL in bench/target/load/pgdata,
# a free loopback port), signs N clients in as the five demo roles, drives each role over its pages and APIs for a
# fixed time beside a static file as the floor, prints per page count, errors, p50/p99, the p99 ratio to the floor,
# throughput and the server's memory over time, then stops the server. Options: see --help.
#   bench/load.sh --clients 32 --duration 3m                    # load
#   bench/load.sh --clients 5 --duration 10m                    # soak (one client per role)
#   bench/load.sh --clients 8 --duration 60s --scale city       # on the 200 000-firm demo city (built on first start)
#   bench/load.sh --clients 8 --duration 60s --data-dir DIR     # on a database built by ./parkscope generate --data DIR
set -euo pipefail
cd "$(dirname "$0")/.."
APP=app/target/parkscope-exec.jar
BENCH=bench/target/parkscope-bench.jar
if [ ! -f "$APP" ] || [ ! -f "$BENCH" ] || [ -n "$(find core/src app/src bench/src pom.xml core/pom.xml app/pom.xml \
    bench/pom.xml -newer "$BENCH" -type f 2>/dev/null | head -n 1)" ]; then
  ./mvnw -q -B -pl bench -am package -DskipTests
fi
exec java -Xmx512m -cp "$BENCH" org.parkscope.bench.load.LoadBenchmark "$@"
