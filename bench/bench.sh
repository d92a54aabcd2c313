#!/usr/bin/env bash
# The big-migration benchmark (issue 9). Generates deterministic inputs, runs kaiten-import with a capped heap and,
# in the same run, the reference tools when installed, then prints times, ratios and peak RSS.
#
#   bench/bench.sh [rows]            default 1000000 (the 1M-row task CSV); BENCH_HEAP (default 256m) caps our heap
#   BENCH_VALIDATE_ROWS=200000       cards in the package that `validate` and ajv check
#   BENCH_EXTRA="4000000 8000000"    more CSV sizes to convert at the same heap (each must exit 0, valid, all parents kept)
#   BENCH_JIRA_MB=1024               also convert a generated Jira search dump of about this size (0 = skip;
#                                    bench/jira-big.sh MB runs that part alone)
#   BENCH_TRELLO_MB=300              also convert and validate a generated Trello board of this size (bench/trello-heap.sh)
#   BENCH_XLSX_ROWS=1048575          also convert and validate a task workbook of this many rows (bench/xlsx-heap.sh)
#   BENCH_KEEP=1                     keep the work folder (printed)
#
# Reference tools (each comparison is skipped with a note when absent):
#   Miller and zip:  apt-get install miller zip
#   ajv-cli:         npm install ajv-cli@5 ajv-formats@3   (then AJV=node_modules/.bin/ajv, or put ajv on PATH)
#   peak RSS:        GNU time at /usr/bin/time (apt-get install time)
# The machine is often shared: the script prints `uptime` so figures can be read against the load.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-1000000}"
vrows="${BENCH_VALIDATE_ROWS:-200000}"
extra="${BENCH_EXTRA:-}"
jira_mb="${BENCH_JIRA_MB:-0}"
ajv="${AJV:-$(command -v ajv || true)}"
source "$root/bench/lib.sh"
bench_setup bench
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
gen_csv() { awk -v n="$1" -f "$root/bench/tasks-csv.awk" > "$2"; }
# Parent links in a generated CSV: the generator puts the parent key last, so a row ending in ",TASK-n" has one.
parents_in_csv() { grep -c ',TASK-[0-9]*$' "$1" || true; }
parents_in_zip() { unzip -p "$1" 'cards_*.json' | grep -o '"parent_card_ids":\[' | wc -l; }

echo "load: $(uptime)"
echo "heap: -Xmx$heap   java: $(java -version 2>&1 | head -1)"
printf '\n%-44s %9s %8s %10s %s\n' step seconds "CPU s" "peak RSS" note

convert_csv() {   # ROWS  → converts, checks, prints; sets $conv_secs
  local n="$1" csv="$work/tasks-$1.csv" out="$work/tasks-$1.zip"
  gen_csv "$n" "$csv"
  local size_mb; size_mb=$(( $(wc -c < "$csv") / 1048576 ))
  run "convert-$n" "$root/kaiten-import" convert "$csv" -o "$out" -q
  conv_secs="$secs"; conv_cpu="$cpu"
  local note="exit $rc"
  if [ "$rc" = 0 ]; then
    local want got
    want=$(parents_in_csv "$csv"); got=$(parents_in_zip "$out")
    note="exit 0, $(( $(wc -c < "$out") / 1048576 )) MB zip, parent links $got of $want"
    [ "$want" = "$got" ] || note="$note  ← LINKS LOST"
  else
    note="$note: $(tail -1 "$work/convert-$n.log")"
  fi
  printf '%-44s %9s %8s %10s %s\n' "kaiten-import convert ${n} rows (${size_mb} MB)" "$secs" "$cpu" "$rss MB" "$note"
}

# 1. The headline: CSV → validated zip, against Miller's CSV → JSON in the same run.
convert_csv "$rows"
csv="$work/tasks-$rows.csv"
if command -v mlr >/dev/null; then
  run mlr mlr --icsv --ojson cat "$csv"
  mv "$work/mlr.log" "$work/mlr.json"
  mlr_secs="$secs"; mlr_cpu="$cpu"
  printf '%-44s %9s %8s %10s %s\n' "mlr --icsv --ojson cat" "$secs" "$cpu" "$rss MB" "$(( $(wc -c < "$work/mlr.json") / 1048576 )) MB JSON"
  if command -v zip >/dev/null; then
    run zip zip -6 -q -j "$work/mlr.zip" "$work/mlr.json"
    printf '%-44s %9s %8s %10s %s\n' "zip -6 of Miller's JSON" "$secs" "$cpu" "$rss MB" ""
  else
    echo "(zip not installed: apt-get install zip — zip comparison skipped)"
  fi
  rm -f "$work/mlr.json" "$work/mlr.zip"
  echo "RATIO convert / Miller: $(ratio "$conv_secs" "$mlr_secs") wall, $(ratio "$conv_cpu" "$mlr_cpu") CPU   (goal 1.0x, must 2.5x)"
else
  echo "(Miller not installed: apt-get install miller — Miller comparison skipped)"
fi
rm -f "$csv"

# 2. validate against ajv-cli on the same package.
vcsv="$work/tasks-$vrows.csv"
gen_csv "$vrows" "$vcsv"
"$root/kaiten-import" convert "$vcsv" -o "$work/v.zip" -q >/dev/null
mkdir -p "$work/v" && (cd "$work/v" && unzip -q "$work/v.zip")
run validate "$root/kaiten-import" validate "$work/v" -q
ours="$secs"; ours_cpu="$cpu"
printf '%-44s %9s %8s %10s %s\n' "kaiten-import validate ${vrows} cards" "$secs" "$cpu" "$rss MB" "exit $rc, $(awk -v n="$vrows" -v s="$secs" 'BEGIN { printf "%d cards/s", n / s }')"
if [ -n "$ajv" ]; then
  # The official Kaiten API text lists card fields but publishes no JSON Schema file, so ajv checks ours.
  printf '{"$schema":"http://json-schema.org/draft-07/schema#","type":"array","items":{"$ref":"https://kaiten-import.local/schemas/cards.schema.json"}}' > "$work/cards-array.schema.json"
  run ajv "$ajv" validate --spec=draft7 --strict=false -c ajv-formats -s "$work/cards-array.schema.json" \
      -r "$root/schemas/cards.schema.json" -d "$work/v/cards_*.json"
  printf '%-44s %9s %8s %10s %s\n' "ajv-cli 5 validate (cards files only)" "$secs" "$cpu" "$rss MB" "exit $rc, $(awk -v n="$vrows" -v s="$secs" 'BEGIN { printf "%d cards/s", n / s }')"
  echo "RATIO validate cards/s vs ajv: $(ratio "$secs" "$ours") wall, $(ratio "$cpu" "$ours_cpu") CPU   (must be >= 1.5x)"
else
  echo "(ajv-cli not found: npm install ajv-cli@5 ajv-formats@3 and set AJV=…/node_modules/.bin/ajv — skipped)"
fi
rm -rf "$work/v" "$work/v.zip" "$vcsv"

# 3. Bigger CSVs at the same heap.
for n in $extra; do
  convert_csv "$n"
  rm -f "$work/tasks-$n.csv" "$work/tasks-$n.zip"
done

# 4. A Jira search dump of about BENCH_JIRA_MB megabytes: bench/jira-big.sh converts it, validates it again and
#    checks cards, parents, links, comments and timers against the generator's counts.
if [ "$jira_mb" != 0 ]; then
  echo
  BENCH_HEAP="$heap" "$root/bench/jira-big.sh" "$jira_mb" || echo "Jira dump of $jira_mb MB FAILED (above)"
  echo
fi
# 5. Excel: the task workbook as Excel saves it (shared strings, date cells), converted and validated at the same heap.
if [ -n "${BENCH_XLSX_ROWS:-}" ]; then
  if BENCH_HEAP="$heap" "$root/bench/xlsx-heap.sh" "$BENCH_XLSX_ROWS" > "$work/xlsx.log" 2>&1; then
    grep -v '^load' "$work/xlsx.log" | grep -v '^heap:' | sed "s/^/xlsx: /"
  else
    echo "xlsx ${BENCH_XLSX_ROWS} rows FAILED: $(tail -3 "$work/xlsx.log")"
  fi
fi
# 6. A Trello board of about BENCH_TRELLO_MB megabytes, converted and validated at the same heap (0 = skip).
if [ "${BENCH_TRELLO_MB:-0}" != 0 ]; then
  BENCH_HEAP="$heap" "$root/bench/trello-heap.sh" "$BENCH_TRELLO_MB" || echo "Trello ${BENCH_TRELLO_MB} MB FAILED"
fi
echo
echo "load after: $(uptime)"
