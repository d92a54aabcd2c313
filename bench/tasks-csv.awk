# Deterministic task CSV for bench/bench.sh (awk -v n=ROWS -f bench/tasks-csv.awk): Key, Summary, a multi-line
# Description, Status, Assignee email, Labels, Due date, Created, Story Points and a Parent key on ~20% of rows
# pointing at a random earlier row.
# Deterministic task CSV: Park-Miller LCG (exact in awk's doubles), so every awk gives the same bytes.
function rnd(m) { seed = (seed * 16807) % 2147483647; return seed % m }
BEGIN {
  seed = 42;
  split("To Do,In Progress,Review,Done,Backlog", st, ",");
  split("backend,frontend,ops,docs,ux,qa,infra,security", lb, ",");
  print "Key,Summary,Description,Status,Assignee,Labels,Due date,Created,Story Points,Parent key";
  for (i = 1; i <= n; i++) {
    parent = "";
    if (i > 1 && rnd(5) == 0) parent = "TASK-" (1 + rnd(i - 1));
    labels = lb[1 + rnd(8)];
    if (rnd(3) == 0) labels = labels ", " lb[1 + rnd(8)];
    due = (rnd(4) == 0) ? "" : sprintf("2025-%02d-%02d", 1 + rnd(12), 1 + rnd(28));
    printf "TASK-%d,Task %d: update the %s module,\"Steps for task %d:\n1. open the \"\"%s\"\" view, check the result\n2. compare with the spec (rev %d)\nNote: keep it short.\",%s,user%d@example.com,\"%s\",%s,2024-%02d-%02dT%02d:%02d:00Z,%d,%s\n",
      i, i, lb[1 + rnd(8)], i, lb[1 + rnd(8)], rnd(1000), st[1 + rnd(5)], rnd(200), labels, due,
      1 + rnd(12), 1 + rnd(28), rnd(24), rnd(60), 1 + rnd(13), parent;
  }
}
