#!/usr/bin/env bash
# Import benchmark: 1 000 000 CSV rows and 200 000 xlsx rows through the Parkscope importer, each against its floor
# (psql \copy of the same CSV; a bare streaming read of the same xlsx), run side by side. Prints times and ratios.
# Needs psql (PostgreSQL client) on the PATH. Arguments: [csvRows] [xlsxRows]. IMPORT_TIMING=1 prints the phases.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl bench -am package -DskipTests
exec java -Xmx2g -Dparkscope.import.timing="${IMPORT_TIMING:+true}" -cp bench/target/parkscope-bench.jar org.parkscope.bench.ImportBenchmark "${1:-1000000}" "${2:-200000}"
