#!/usr/bin/env bash
# Rerunnable scale check for the CSV path: generates N-row exports, converts each with a small fixed heap, and
# prints time per 100k rows relative to the smallest run (the baseline measured in the same run). Flat memory
# shows as every size passing under the same -Xmx.
#   bench/csv-scale.sh [heap, default 96m] [sizes, default "20000 200000 1000000"]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
heap="${1:-96m}"
sizes="${2:-20000 200000 1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/kaiten-import" --version >/dev/null   # builds the jar if needed
jar="$root/target/kaiten-import-0.1.0-all.jar"
base=""
printf '%-10s %-10s %-12s %-14s %s\n' rows heap seconds "s/100k rows" "vs baseline"
for n in $sizes; do
  csv="$work/tasks-$n.csv"
  awk -v n="$n" 'BEGIN {
    print "Key,Summary,Description,Status,Labels,Due date,Created,Story Points,Parent,Priority";
    split("To Do,In Progress,Review,Done", st, ","); split("High,Medium,Low", pr, ",");
    for (i = 1; i <= n; i++) {
      parent = (i % 10 == 0) ? "T-" (i - 1) : "";
      printf "T-%d,Task number %d,\"Line one of %d\nline two, with a comma\",%s,\"a, b%d\",%02d.%02d.2025,2025-01-01 10:%02d,%d,%s,%s\n",
        i, i, i, st[i % 4 + 1], i % 7, i % 28 + 1, i % 12 + 1, i % 60, i % 13, parent, pr[i % 3 + 1];
    } }' > "$csv"
  start=$(date +%s.%N)
  java -Xmx"$heap" -jar "$jar" convert "$csv" -o "$work/out-$n.zip" -q >/dev/null
  end=$(date +%s.%N)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  per=$(awk -v s="$secs" -v n="$n" 'BEGIN { printf "%.3f", s / n * 100000 }')
  [ -n "$base" ] || base="$per"
  ratio=$(awk -v p="$per" -v b="$base" 'BEGIN { printf "%.2fx", p / b }')
  printf '%-10s %-10s %-12s %-14s %s\n' "$n" "$heap" "$secs" "$per" "$ratio"
  rm -f "$csv" "$work/out-$n.zip"
done
