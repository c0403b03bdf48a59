#!/usr/bin/env bash
# Coverage-guided fuzzing (Jazzer) of every import reader, the row checker, the scheme loader and the chain loader: each
# target fuzzed in its own JVM for SECONDS (default 90) or until it has run MAX_EXECUTIONS inputs (default 0: no cap),
# then one line per target: executions, crashes, coverage (libFuzzer's edges "cov" and features "ft"), corpus size.
# Crashing inputs land in the target's seed folder (app/src/test/resources/.../<Class>Inputs/<target>/); fix the
# code, keep the input there, and `./mvnw verify` replays it from then on. Logs: app/target/fuzz/<target>.log.
# Usage: bench/fuzz.sh [SECONDS] [MAX_EXECUTIONS] [target ...]   (targets: csv xlsx xls rows scheme chain clusters)
# Crash files are named crash-<sha1>: rename one (e.g. to zstd-entry-method) when you keep it, as .gitignore skips crash-*.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-90}
MAX_EXECUTIONS=${2:-0}
shift $(( $# > 2 ? 2 : $# ))
declare -A TESTS=(
  [csv]="ImportReadersFuzzTest#csv" [xlsx]="ImportReadersFuzzTest#xlsx" [xls]="ImportReadersFuzzTest#xls"
  [rows]="ImportReadersFuzzTest#rows" [scheme]="SchemeFileFuzzTest#load" [chain]="ChainFileFuzzTest#parse"
  [clusters]="ClusterConfigFuzzTest#definitions")
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(csv xlsx xls rows scheme chain clusters)
OUT=app/target/fuzz
mkdir -p "$OUT"
./mvnw -q -B -ntp -pl app -am -DskipTests test-compile || exit 1
printf '%-8s %12s %8s %8s %8s %8s %s\n' target executions crashes cov ft corpus result
status=0
for t in "${TARGETS[@]}"; do
  log="$OUT/$t.log"
  # -am builds core alongside (its tests do not match and are skipped); max_duration/max_executions bound the run;
  # JUnit's timeout (Jazzer takes it as libFuzzer's -timeout per input) bounds a hang, and the whole run, by one
  # minute more; coverage is measured in org.parkscope (FUZZ_INSTRUMENT='org.parkscope.**,org.apache.poi.**' adds
  # POI, about 5 times slower).
  cap=(); [ "$MAX_EXECUTIONS" -gt 0 ] && cap=(-Djazzer.max_executions="$MAX_EXECUTIONS")
  JAZZER_FUZZ=1 ./mvnw -B -ntp -pl app -am test -Dtest="${TESTS[$t]}" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.max_duration="${SECONDS_PER_TARGET}s" "${cap[@]}" \
    -Djazzer.instrument="${FUZZ_INSTRUMENT:-org.parkscope.**}" \
    -Djunit.jupiter.execution.timeout.default=$((SECONDS_PER_TARGET + 60))s >"$log" 2>&1
  rc=$?
  runs=$(grep -aoE '^Done [0-9]+ runs' "$log" | tail -1 | grep -oE '[0-9]+')
  last=$(grep -aE '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE)' "$log" | tail -1)
  cov=$(grep -aoE 'cov: [0-9]+' <<<"$last" | grep -oE '[0-9]+')
  ft=$(grep -aoE 'ft: [0-9]+' <<<"$last" | grep -oE '[0-9]+')
  corp=$(grep -aoE 'corp: [0-9]+' <<<"$last" | grep -oE '[0-9]+')
  crashes=$(grep -acE '^== Java Exception|^==[0-9]+== ERROR: libFuzzer' "$log")
  result=ok; [ "$rc" -ne 0 ] && { result="FAILED (see $log)"; status=1; }
  printf '%-8s %12s %8s %8s %8s %8s %s\n' "$t" "${runs:-?}" "$crashes" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result"
done
exit $status
