#!/usr/bin/env bash
# Generates a Trello board export of about MB megabytes (bench/trello-board.awk: actions first, newest first, then
# cards, checklists, labels, lists, members, custom fields; ~4.8 KB per card with its actions), converts it with
# the heap capped (BENCH_HEAP, default 256m) and --users so list moves keep their authors, validates the package at
# the same heap, and checks what the package holds against the generator's own counts.
# Prints one line per step: wall seconds, CPU seconds (user+sys), peak RSS, exit code and the count check.
#   bench/trello-heap.sh [MB]     default 300; bench/bench.sh runs it when BENCH_TRELLO_MB is not 0
#   BENCH_KEEP=1                  keep the work folder (printed)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mb="${1:-300}"
source "$root/bench/lib.sh"
bench_setup trello
# occurrences of a pattern in the package's files of one kind (every record is one line, so this counts records)
got() { unzip -p "$work/trello.zip" "$1" | grep -o "$2" | wc -l | tr -d ' '; }

cards=$(( mb * 1048576 / 4800 ))
t0=$(date +%s)
awk -v n="$cards" -v counts="$work/trello.counts" -f "$root/bench/trello-board.awk" > "$work/trello.json"
{ echo "source,email,full_name"; for m in $(seq 0 39); do echo "user$m,user$m@example.com,User $m"; done; } \
  > "$work/users.csv"
size=$(( $(wc -c < "$work/trello.json") / 1048576 ))
echo "load: $(uptime)"
echo "generated: $size MB, $cards cards in $(( $(date +%s) - t0 )) s; heap -Xmx$heap"

run convert "$root/kaiten-import" convert "$work/trello.json" --users "$work/users.csv" -o "$work/trello.zip" -q
note="exit $rc"
if [ "$rc" = 0 ]; then
  # shellcheck disable=SC1091
  . "$work/trello.counts"
  note="exit 0, $actions actions"
  for pair in "cards:$cards:$(got 'cards_*.json' '"key":"#')" \
      "comments:$comments:$(got 'comments_*.json' '"card_id":')" \
      "checklist items:$items:$(got 'cards_*.json' '"checked":')" \
      "checked_at:$checked:$(got 'cards_*.json' '"checked_at":')" \
      "tags:$tags:$(got 'cards_*.json' '{"name":"[^"]*"}')" \
      "field values:$properties:$(got 'cards_*.json' '{"id":"[0-9a-f]\{8\}cf000000')" \
      "links:$links:$(got 'cards_*.json' '"url":"https://docs.example.com/')" \
      "uploads as links:$uploads:$(got 'cards_*.json' '"url":"https://trello.com/1/cards/')" \
      "list moves:$moves:$(got 'cards_*.json' '"card_move"')"; do
    IFS=: read -r what want have <<< "$pair"
    note="$note, $what $have/$want"
    [ "$want" = "$have" ] || note="$note ← MISMATCH"
  done
else
  note="$note: $(tail -1 "$work/convert.log")"
fi
printf '%-40s %8s s %7s CPU s %6s MB RSS  %s\n' "convert Trello $size MB ($cards cards)" "$secs" "$cpu" "$rss" "$note"
rm -f "$work/trello.json"
if [ -f "$work/trello.zip" ]; then
  run validate "$root/kaiten-import" validate "$work/trello.zip" -q
  printf '%-40s %8s s %7s CPU s %6s MB RSS  %s\n' "validate that package" "$secs" "$cpu" "$rss" \
    "exit $rc$( [ "$rc" = 0 ] || echo ": $(tail -1 "$work/validate.log")")"
fi
echo "load after: $(uptime)"
