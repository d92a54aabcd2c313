#!/usr/bin/env bash
# Rerunnable memory/scale check for Jira CSV: generates N-issue "all fields" exports (repeated Labels and Sprint
# columns, comments with ';' and newlines, Log Work, links, parents, select/number/date custom fields) and converts
# each with a small fixed heap. Flat memory shows as every size passing under the same -Xmx.
#   bench/jira-csv-heap.sh [heap, default 256m] [sizes, default "20000 100000"]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
heap="${1:-256m}"
sizes="${2:-20000 100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/kaiten-import" --version >/dev/null   # builds the jar if needed
jar="$root/target/kaiten-import-0.1.0-all.jar"
printf '%-10s %-10s %-10s %-12s %s\n' issues heap MB seconds "s/100k issues"
for n in $sizes; do
  csv="$work/jira-$n.csv"
  awk -v n="$n" 'BEGIN {
    print "Summary,Issue key,Issue id,Issue Type,Status,Project key,Project name,Priority,Assignee,Assignee Id," \
      "Reporter,Reporter Id,Created,Updated,Last Viewed,Due date,Labels,Labels,Description,Log Work," \
      "Original estimate,Outward issue link (Blocks),Inward issue link (Relates),Custom field (Team)," \
      "Custom field (Cost),Custom field (Start date),Custom field (Rank),Sprint,Sprint,Comment,Comment,Parent," \
      "Status Category";
    split("To Do,In Progress,Done", st, ","); split("High,Medium,Low", pr, ",");
    for (i = 1; i <= n; i++) {
      u = i % 50;
      printf "\"Issue %d, with a comma\",P-%d,%d,Task,%s,P,Project,%s,User %d,acc-%d,User %d,acc-%d,", i, i, 10000 + i,
        st[i % 3 + 1], pr[i % 3 + 1], u, u, u + 1, u + 1;
      printf "%02d/Feb/26 %d:%02d PM,%02d/Feb/26 %d:%02d PM,,%02d/Mar/26 12:00 AM,l%d,l%d,", i % 28 + 1, i % 12 + 1,
        i % 60, i % 28 + 1, i % 12 + 1, i % 60, i % 28 + 1, i % 9, i % 5;
      printf "\"h2. Item %d\n* one\n* two\",;%02d/Feb/26 4:31 PM;acc-%d;3600,7200,", i, i % 28 + 1, u;
      printf "%s,%s,Team %d,%d.5,%02d/Jan/26 12:00 AM,0|i%05d:,Sprint %d,Sprint %d,", (i > 1 ? "P-" (i - 1) : ""),
        (i % 3 == 0 ? "P-" (i + 1000000) : ""), i % 7, i % 1000, i % 28 + 1, i, i % 20, i % 20 + 1;
      printf "\"%02d/Feb/26 5:00 PM;acc-%d;Looks good; ship it\nsecond line\",%02d/Feb/26 6:00 PM;acc-%d;ok,%s,%s\n",
        i % 28 + 1, u, i % 28 + 1, u, (i % 10 == 0 ? 10000 + i - 1 : ""), (i % 3 == 0 ? "Done" : "To Do");
    } }' > "$csv"
  mb=$(awk -v b="$(stat -c %s "$csv")" 'BEGIN { printf "%.1f", b / 1048576 }')
  start=$(date +%s.%N)
  java -Xmx"$heap" -jar "$jar" convert "$csv" -o "$work/out-$n.zip" -q >/dev/null
  end=$(date +%s.%N)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  per=$(awk -v s="$secs" -v n="$n" 'BEGIN { printf "%.2f", s / n * 100000 }')
  printf '%-10s %-10s %-10s %-12s %s\n' "$n" "$heap" "$mb" "$secs" "$per"
  rm -f "$csv" "$work/out-$n.zip"
done
