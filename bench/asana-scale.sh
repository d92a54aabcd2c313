#!/usr/bin/env bash
# Rerunnable scale check for the Asana JSON path: generates {"data": [...]} exports of N top-level tasks (each with
# two nested subtasks, html_notes, two comment stories, a section change, a system story, enum and number custom
# fields, a dependency on the previous task), converts each with a small fixed heap, and prints time per 10k tasks
# relative to the smallest run measured in the same run. Flat memory shows as every size passing under one -Xmx.
#   bench/asana-scale.sh [heap, default 256m] [sizes, default "5000 25000 50000"]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
heap="${1:-256m}"
sizes="${2:-5000 25000 50000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/kaiten-import" --version >/dev/null   # builds the jar if needed
jar="$root/target/kaiten-import-0.1.0-all.jar"
base=""
printf '%-10s %-10s %-10s %-10s %-12s %-14s %s\n' tasks cards "MB in" heap seconds "s/10k tasks" "vs baseline"
for n in $sizes; do
  json="$work/asana-$n.json"
  awk -v n="$n" 'function sub_(id, d) {
      return "{\"gid\":\"" id "\",\"name\":\"Subtask " id "\",\"completed\":" (id % 3 == 0 ? "true" : "false") \
        ",\"created_at\":\"2024-01-0" d "T10:00:00.000Z\",\"memberships\":[],\"subtasks\":[]}" }
    BEGIN {
    printf "{\"data\":[";
    for (i = 1; i <= n; i++) {
      id = 1000000 + i; sec = 500 + i % 5;
      printf "%s{\"gid\":\"%d\",\"resource_type\":\"task\",\"resource_subtype\":\"default_task\",\"name\":\"Task %d\",", (i > 1 ? "," : ""), id, i;
      printf "\"html_notes\":\"<body><strong>Goal</strong> of task %d\\nwith <a href=\\\"https://example.com/%d\\\">a link</a>\\n<ul><li>one</li><li>two</li></ul></body>\",", i, i;
      printf "\"assignee\":{\"gid\":\"u%d\",\"name\":\"User %d\"},\"completed\":%s,", i % 50, i % 50, (i % 4 == 0 ? "true" : "false");
      printf "\"created_at\":\"2024-01-01T09:00:00.000Z\",\"due_on\":\"2024-02-%02d\",", i % 28 + 1;
      printf "\"memberships\":[{\"project\":{\"gid\":\"p%d\",\"name\":\"Project %d\"},\"section\":{\"gid\":\"s%d\",\"name\":\"Section %d\"}}],", i % 3, i % 3, sec + (i % 3) * 10, sec;
      printf "\"custom_fields\":[{\"gid\":\"cf1\",\"name\":\"Priority\",\"resource_subtype\":\"enum\",\"enum_value\":{\"gid\":\"o%d\",\"name\":\"P%d\",\"color\":\"red\"}},{\"gid\":\"cf2\",\"name\":\"Points\",\"resource_subtype\":\"number\",\"number_value\":%d}],", i % 4, i % 4, i % 13;
      printf "\"dependencies\":[%s],", (i > 1 ? "{\"gid\":\"" (id - 1) "\"}" : "");
      printf "\"stories\":[{\"gid\":\"c%da\",\"resource_subtype\":\"comment_added\",\"text\":\"First comment on %d\",\"created_at\":\"2024-01-02T10:00:00.000Z\",\"created_by\":{\"gid\":\"u1\",\"name\":\"User 1\"}},", i, i;
      printf "{\"gid\":\"c%db\",\"resource_subtype\":\"comment_added\",\"html_text\":\"<body>Second <em>comment</em></body>\",\"created_at\":\"2024-01-03T10:00:00.000Z\"},", i;
      printf "{\"gid\":\"c%dc\",\"resource_subtype\":\"assigned\",\"text\":\"assigned\",\"created_at\":\"2024-01-03T11:00:00.000Z\"}],", i;
      printf "\"subtasks\":[%s,%s]}", sub_(id * 10 + 1, 2), sub_(id * 10 + 2, 3);
    }
    print "]}" }' > "$json"
  mb=$(awk -v b="$(stat -c %s "$json")" 'BEGIN { printf "%.0f", b / 1048576 }')
  start=$(date +%s.%N)
  java -Xmx"$heap" -jar "$jar" convert "$json" -o "$work/out-$n.zip" -q >/dev/null
  end=$(date +%s.%N)
  cards=$((n * 3))
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  per=$(awk -v s="$secs" -v n="$n" 'BEGIN { printf "%.3f", s / n * 10000 }')
  [ -n "$base" ] || base="$per"
  ratio=$(awk -v p="$per" -v b="$base" 'BEGIN { printf "%.2fx", p / b }')
  printf '%-10s %-10s %-10s %-10s %-12s %-14s %s\n' "$n" "$cards" "$mb" "$heap" "$secs" "$per" "$ratio"
  rm -f "$json" "$work/out-$n.zip"
done
