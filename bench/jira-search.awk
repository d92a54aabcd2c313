# Deterministic Jira Server search dump for bench/bench.sh (awk -v n=ISSUES -f bench/jira-search.awk), about 1.2 KB
# per issue: project, status, type, priority, people with emails, a multi-line description, labels, story points
# and a parent on ~20% of issues pointing at an earlier one.
function rnd(m) { seed = (seed * 16807) % 2147483647; return seed % m }
function user(u) {
  return sprintf("{\"name\":\"user%d\",\"key\":\"user%d\",\"displayName\":\"User %d\",\"emailAddress\":\"user%d@example.com\",\"active\":true}", u, u, u, u)
}
BEGIN {
  seed = 7;
  split("To Do,In Progress,In Review,Done,Backlog", st, ",");
  split("Story,Task,Bug", ty, ",");
  split("Major,Minor,Critical", pr, ",");
  split("backend,frontend,ops,docs,ux,qa,infra,security", lb, ",");
  printf "{\"startAt\":0,\"maxResults\":%d,\"total\":%d,\"issues\":[\n", n, n;
  for (i = 1; i <= n; i++) {
    s = 1 + rnd(5);
    parent = "";
    if (i > 1 && rnd(5) == 0) { p = 1 + rnd(i - 1); parent = sprintf(",\"parent\":{\"id\":\"%d\",\"key\":\"BIG-%d\"}", 100000 + p, p) }
    printf "%s{\"id\":\"%d\",\"key\":\"BIG-%d\",\"fields\":{\"summary\":\"Issue %d: update the %s module\",\"project\":{\"id\":\"10000\",\"key\":\"BIG\",\"name\":\"Big project\"},\"status\":{\"id\":\"%d\",\"name\":\"%s\"},\"issuetype\":{\"id\":\"%d\",\"name\":\"%s\",\"subtask\":false},\"priority\":{\"name\":\"%s\"},\"created\":\"2019-%02d-%02dT10:%02d:00.000+0100\",\"updated\":\"2020-01-01T10:00:00.000+0100\",\"reporter\":%s,\"assignee\":%s,\"labels\":[\"%s\",\"%s\"],\"customfield_10103\":%d,\"description\":\"Steps for issue %d:\\n1. open the *%s* view and check the result\\n2. compare with the spec (rev %d)\\n\\nh3. Notes\\nKeep the change small; link the review here. Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.\"%s}}",
      (i > 1 ? ",\n" : ""), 100000 + i, i, i, lb[1 + rnd(8)], s, st[s], 1 + rnd(3), ty[1 + rnd(3)], pr[1 + rnd(3)],
      1 + rnd(12), 1 + rnd(28), rnd(60), user(rnd(300)), user(rnd(300)), lb[1 + rnd(8)], lb[1 + rnd(8)],
      1 + rnd(13), i, lb[1 + rnd(8)], rnd(1000), parent;
  }
  print "\n]}";
}
