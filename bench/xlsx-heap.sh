#!/usr/bin/env bash
# The big-workbook benchmark (issue 9): generates the task workbook the way Excel saves it — every text in the
# shared-strings table, dates as serial numbers with date styles; Key, Summary, multi-line Description, Status,
# Assignee email, Labels, Due date, Created, Story Points, Parent key on ~20% of rows; the same rows as
# bench/tasks-csv.awk — then converts it with the heap capped and validates the package in a second run.
#
#   bench/xlsx-heap.sh [rows]     default 1048575 (Excel's maximum: one header row + 1,048,575 task rows)
#   BENCH_HEAP=256m               heap cap for convert and validate
#   BENCH_KEEP=1                  keep the work folder (printed)
#
# Prints generation time and file size; for convert and validate wall and CPU seconds (user + system, GNU time),
# peak RSS, the heap left after collections (GC log) and the exit code; parent links in the package
# against those the generator wrote; `uptime` before and after (the machine is shared).
# The generator is JDK-only Java (src/test/.../TaskWorkbook.java), run as a single source file: no Maven needed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-1048575}"
source "$root/bench/lib.sh"
bench_setup xlsx-bench
generator="$root/src/test/java/io/kaitenimport/source/xlsx/TaskWorkbook.java"
# Heap left after collections, from a -Xlog:gc log: after a full collection it is what the run really kept live;
# after a young one it still holds old-generation garbage not yet collected (an upper bound).
live_heap() {
  awk '/Pause/ { if (match($0, /[0-9]+M->[0-9]+M/)) { split(substr($0, RSTART, RLENGTH), p, "->"); v = p[2] + 0;
         if (v > any) any = v; if ($0 ~ /Pause Full/) { full++; if (v > live) live = v } } }
       END { if (full) printf "heap after full GC <= %d MB (%d full), after any GC <= %d MB", live, full, any;
             else printf "no full GC; heap after any GC <= %d MB", any }' "$1"
}

echo "load before: $(uptime)"
echo "heap: -Xmx$heap   java: $(java -version 2>&1 | head -1)"
book="$work/tasks-$rows.xlsx"
run generate java "$generator" "$book" "$rows"
[ "$rc" = 0 ] || { echo "generation failed: $(tail -3 "$work/generate.log")"; exit 1; }
want=$(sed -n 's/^parent-links=//p' "$work/generate.log")
printf '%-34s %8s s %7s CPU s  %s\n' "generate ${rows} rows" "$secs" "$cpu" \
  "$(( $(wc -c < "$book") / 1048576 )) MB .xlsx, $want parent links ($(unzip -l "$book" | awk '/sharedStrings/ { printf "sharedStrings.xml %d MB", $1 / 1048576 }'))"

out="$work/tasks-$rows.zip"
KAITEN_IMPORT_JAVA_OPTS="-Xmx$heap -Xlog:gc:file=$work/convert.gc" run convert "$root/kaiten-import" convert "$book" -o "$out" -q
note="exit $rc"
if [ "$rc" = 0 ]; then
  got=$(unzip -p "$out" 'cards_*.json' | grep -o '"parent_card_ids":\[' | wc -l)
  note="exit 0, $(( $(wc -c < "$out") / 1048576 )) MB zip, parent links $got of $want"
  [ "$got" = "$want" ] || note="$note  <- LINKS LOST"
else
  note="$note: $(tail -1 "$work/convert.log")"
fi
printf '%-34s %8s s %7s CPU s  peak RSS %s MB, %s  %s\n' "convert at -Xmx$heap" "$secs" "$cpu" \
  "$rss" "$(live_heap "$work/convert.gc")" "$note"

if [ "$rc" = 0 ]; then
  KAITEN_IMPORT_JAVA_OPTS="-Xmx$heap -Xlog:gc:file=$work/validate.gc" run validate "$root/kaiten-import" validate "$out" -q
  printf '%-34s %8s s %7s CPU s  peak RSS %s MB, %s  exit %s\n' "validate the package" "$secs" \
    "$cpu" "$rss" "$(live_heap "$work/validate.gc")" "$rc"
fi
echo "load after: $(uptime)"
