#!/usr/bin/env bash
# The big Jira check (issue 9): generates a deterministic Jira search dump of about MB megabytes with
# bench/jira-search.awk (mirrored issue links, sub-tasks, epic parents and Epic Links, changelogs, wiki and ADF
# comments, worklogs, attachments, typed custom fields), converts it with a capped heap, validates the package
# again on its own, and checks the package against the counts the generator wrote: cards, child→parent pairs,
# blocks and related links (each once), links to issues outside the dump, comments and timers.
#
#   bench/jira-big.sh [MB, default 1024]     BENCH_HEAP (default 256m) caps the heap; BENCH_KEEP=1 keeps the files
# Needs awk, unzip and grep; GNU time at /usr/bin/time for peak RSS and CPU seconds (apt-get install time).
# bench/bench.sh runs it when BENCH_JIRA_MB is set.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mb="${1:-1024}"
source "$root/bench/lib.sh"
bench_setup jira-bench

# Issues for the size asked: the generator's bytes per issue, measured on a small dump.
per=$(( $(awk -v n=2000 -f "$root/bench/jira-search.awk" | wc -c) / 2000 ))
issues=$(( mb * 1048576 / per ))
t0=$(date +%s)
awk -v n="$issues" -v counts="$work/expected" -f "$root/bench/jira-search.awk" > "$work/jira.json"
size_mb=$(( $(wc -c < "$work/jira.json") / 1048576 ))
echo "Jira dump: $size_mb MB, $issues issues, generated in $(( $(date +%s) - t0 )) s; heap -Xmx$heap"
echo "load before: $(uptime)"
printf '%-34s %8s %8s %10s %s\n' step seconds "CPU s" "peak RSS" note

run convert "$root/kaiten-import" convert "$work/jira.json" --from jira -o "$work/jira.zip" -q
printf '%-34s %8s %8s %10s %s\n' "convert (validates too)" "$secs" "$cpu" "$rss MB" "exit $rc$( [ "$rc" = 0 ] || echo ": $(tail -1 "$work/convert.log")")"
[ "$rc" = 0 ] || exit 1
run validate "$root/kaiten-import" validate "$work/jira.zip" -q
printf '%-34s %8s %8s %10s %s\n' "validate the package again" "$secs" "$cpu" "$rss MB" "exit $rc"
echo "load after: $(uptime)"

# Counts in the package. Ids in compact JSON arrays are quoted strings without commas, so commas + 1 counts them;
# a key such as "card_id": can only be a key, since quotes inside texts are escaped.
ids() { unzip -p "$work/jira.zip" 'cards_*.json' | grep -o "\"$1\":\[[^]]*\]" | awk -F, '{ n += NF } END { print n + 0 }'; }
records() { unzip -p "$work/jira.zip" "$1_*.json" | grep -o "\"$2\":" | wc -l; }
declare -A got
got[cards]=$(records cards title)
got[parents]=$(ids parent_card_ids)
children=$(ids child_card_ids)
got[blocks]=$(ids blocks_card_ids)
blocked=$(ids blocked_by_card_ids)
got[related]=$(( $(ids related_card_ids) / 2 ))
got[outside]=$(unzip -p "$work/jira.zip" 'cards_*.json' | grep -o '/browse/OPS-[0-9]*"' | wc -l)
got[comments]=$(records comments card_id)
got[timers]=$(records card_timers card_id)
bad=0
line="counts (package / generator):"
for kv in $(cat "$work/expected"); do
  k="${kv%%=*}"; want="${kv#*=}"
  line="$line $k ${got[$k]}/$want"
  [ "${got[$k]}" = "$want" ] || { line="$line←MISMATCH"; bad=1; }
done
[ "$children" = "${got[parents]}" ] || { line="$line; child_card_ids $children ≠ parents←MISMATCH"; bad=1; }
[ "$blocked" = "${got[blocks]}" ] || { line="$line; blocked_by $blocked ≠ blocks←MISMATCH"; bad=1; }
echo "$line"
echo "zip: $(( $(wc -c < "$work/jira.zip") / 1048576 )) MB"
exit "$bad"
