#!/usr/bin/env bash
# The land pages' payloads and latencies on a running platform (e.g. ./parkscope demo), beside the static floor.
#   bench/land-pages.sh [base-url] [clients] [requests-per-page]      (defaults: http://localhost:8080 32 96)
# Signs in as admin (PARKSCOPE_BENCH_USER / PARKSCOPE_BENCH_PASSWORD to change), prints per path the size as sent
# (identity and gzip), a revalidation (If-None-Match → 304) where the answer has an ETag, and p50/p99/max of N
# requests at C concurrent clients with gzip, then the p99 ratio to the static /css/app.css under the same load.
set -euo pipefail
BASE=${1:-http://localhost:8080}; C=${2:-32}; N=${3:-96}
USER_=${PARKSCOPE_BENCH_USER:-admin}; PASS=${PARKSCOPE_BENCH_PASSWORD:-Parkscope2024}
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
JAR="$WORK/cookies"
curl -s -c "$JAR" -b "$JAR" "$BASE/login" -o "$WORK/login.html"
CSRF=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/login.html" | head -1 | sed 's/.*value="//;s/"$//')
curl -s -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "username=$USER_" --data-urlencode "password=$PASS" \
    --data-urlencode "_csrf=$CSRF" "$BASE/login"
p99_of() { sort -n | awk '{a[NR]=$1} END {i=int(NR*0.99); if (i<1) i=1; printf "%.3f %.3f %.3f", a[int((NR+1)/2)], a[i], a[NR]}'; }
load() { seq "$N" | xargs -P "$C" -I{} curl -s -b "$JAR" -H 'Accept-Encoding: gzip' -o /dev/null -w '%{time_total}\n' "$BASE$1" | p99_of; }
read -r _ FLOOR _ <<<"$(load /css/app.css)"
printf '%-22s %10s %10s %6s %8s %8s %8s %8s\n' path bytes gzip 304 p50_s p99_s max_s p99/floor
for path in /map /api/map "/api/map?zoom=4" /space /land/low-efficiency /css/app.css; do
    plain=$(curl -s -b "$JAR" -o /dev/null -w '%{size_download}' "$BASE$path")
    gz=$(curl -s -b "$JAR" -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$BASE$path")
    etag=$(curl -s -b "$JAR" -D - -o /dev/null "$BASE$path" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
    nm=-; [ -n "$etag" ] && nm=$(curl -s -b "$JAR" -H "If-None-Match: $etag" -o /dev/null -w '%{http_code}' "$BASE$path")
    read -r p50 p99 max <<<"$(load "$path")"
    printf '%-22s %10s %10s %6s %8s %8s %8s %8.1f\n' "$path" "$plain" "$gz" "$nm" "$p50" "$p99" "$max" \
        "$(awk -v a="$p99" -v b="$FLOOR" 'BEGIN {print (b > 0 ? a / b : 0)}')"
done
