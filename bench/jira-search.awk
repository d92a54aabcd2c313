# Deterministic Jira search dump for bench/jira-big.sh (awk -v n=ISSUES [-v counts=FILE] -f bench/jira-search.awk),
# shaped like GET /rest/api/2/search?expand=changelog,names,schema&fields=*all, about 5 KB per issue:
#  - names + schema maps, custom fields of several types: story points (float), select, multi-checkboxes, labels,
#    date, datetime, text, user picker, Server sprint strings, Epic Link (an issue key);
#  - issue links written on BOTH issues (outward on one, the mirrored inward on the other, same link id), of types
#    Blocks, Relates, Duplicate and Cloners, plus ~2% links to an issue of another project that is not in the dump;
#  - sub-tasks listed in their parent's `subtasks` and pointing back with `parent`; a `parent` (epic-style) on ~15%
#    of the other issues and an Epic Link on ~8%, always naming an earlier issue (so no cycles);
#  - changelog histories (status moves through the workflow ending in the current status, plus assignee/priority
#    changes), comments (wiki text on odd issues, ADF on even ones, ~5% restricted to a role), worklogs,
#    components, fix versions and attachments (links only: there are no binaries).
# With counts=FILE it writes what a lossless conversion must produce: cards, child→parent pairs, blocks links,
# related links (each counted once, i.e. per pair), links to issues outside the dump, comments kept by default
# (restricted ones are not), and timers.
function rnd(m) { seed = (seed * 16807) % 2147483647; return seed % m }
function user(u) {
  return sprintf("{\"self\":\"https://jira.example.com/rest/api/2/user?username=user%d\",\"name\":\"user%d\",\"key\":\"user%d\",\"displayName\":\"User %d\",\"emailAddress\":\"user%d@example.com\",\"active\":true,\"timeZone\":\"Europe/Berlin\"}", u, u, u, u, u)
}
function status(s) {
  return sprintf("{\"self\":\"https://jira.example.com/rest/api/2/status/%s\",\"id\":\"%s\",\"name\":\"%s\",\"statusCategory\":{\"id\":%d,\"key\":\"%s\",\"name\":\"%s\"}}", sid[s], sid[s], st[s], scid[s], sck[s], scn[s])
}
function issueref(k, summary, s) {
  return sprintf("{\"id\":\"%d\",\"key\":\"BIG-%d\",\"self\":\"https://jira.example.com/rest/api/2/issue/%d\",\"fields\":{\"summary\":\"%s\",\"status\":%s,\"priority\":{\"id\":\"3\",\"name\":\"Major\"},\"issuetype\":{\"id\":\"10001\",\"name\":\"Story\",\"subtask\":false}}}", 100000 + k, k, 100000 + k, summary, status(s))
}
function linktype(t) {
  return sprintf("{\"id\":\"%d\",\"name\":\"%s\",\"inward\":\"%s\",\"outward\":\"%s\",\"self\":\"https://jira.example.com/rest/api/2/issueLinkType/%d\"}", 10000 + t, ltn[t], lti[t], lto[t], 10000 + t)
}
function adf(txt, strong) {
  return sprintf("{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"%s \"},{\"type\":\"text\",\"text\":\"%s\",\"marks\":[{\"type\":\"strong\"}]}]},{\"type\":\"bulletList\",\"content\":[{\"type\":\"listItem\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"checked on staging\"}]}]},{\"type\":\"listItem\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"ready for review\"}]}]}]}]}", txt, strong)
}
function rich(i, txt, strong) {
  return i % 2 == 0 ? adf(txt, strong) : sprintf("\"%s *%s*\\n* checked on staging\\n* ready for review\"", txt, strong)
}
function date(m, d, h, mi) { return sprintf("2019-%02d-%02dT%02d:%02d:00.000+0100", m, d, h, mi) }
BEGIN {
  seed = 7;
  ns = split("To Do,In Progress,In Review,Done,Backlog", st, ",");
  split("1,3,10001,10002,10000", sid, ",");
  split("2,4,4,3,2", scid, ","); split("new,indeterminate,indeterminate,done,new", sck, ",");
  split("To Do,In Progress,In Progress,Done,To Do", scn, ",");
  split("Story,Task,Bug,Epic", ty, ","); split("10001,10002,10004,10000", tyid, ",");
  split("Major,Minor,Critical", pr, ","); split("3,4,2", prid, ",");
  split("backend,frontend,ops,docs,ux,qa,infra,security", lb, ",");
  split("Blocks,Relates,Duplicate,Cloners", ltn, ",");
  split("is blocked by,relates to,is duplicated by,is cloned by", lti, ",");
  split("blocks,relates to,duplicates,clones", lto, ",");
  split("Low,Medium,High,Blocker", sev, ",");
  split("Web,iOS,Android,Desktop", plat, ",");
  split("API,UI,Storage,Billing,Search", comp, ",");
  blocks = 0; related = 0; outside = 0; parents = 0; comments = 0; timers = 0;
  printf "{\"expand\":\"names,schema\",\"startAt\":0,\"maxResults\":%d,\"total\":%d,\"issues\":[\n", n, n;
  for (i = 1; i <= n; i++) {
    s = 1 + rnd(5);
    sub_of = (i in subparent) ? subparent[i] : 0;
    delete subparent[i];
    t = sub_of ? 0 : 1 + rnd(4);
    itype = sub_of ? "{\"id\":\"10003\",\"name\":\"Sub-task\",\"subtask\":true}" : sprintf("{\"id\":\"%s\",\"name\":\"%s\",\"subtask\":false}", tyid[t], ty[t]);
    m = 1 + rnd(12); d = 1 + rnd(20);
    # parent: the sub-task's, else epic-style on ~15% of the others; Epic Link on ~8% of those without a parent
    parent = ""; epic = "";
    if (sub_of) {
      parent = sprintf(",\"parent\":%s", issueref(sub_of, "Story " sub_of, 2)); parents++;
    } else if (i > 1 && rnd(20) < 3) {
      p = 1 + rnd(i - 1); parent = sprintf(",\"parent\":%s", issueref(p, "Issue " p, 1)); parents++;
    } else if (i > 1 && rnd(25) < 2) {
      p = 1 + rnd(i - 1); epic = sprintf(",\"customfield_10008\":\"BIG-%d\"", p); parents++;
    }
    # sub-tasks: a quarter of the stories get one or two, the issues right after them
    subtasks = "";
    if (t == 1 && i + 2 <= n && rnd(4) == 0) {
      k = 1 + rnd(2);
      for (j = 1; j <= k; j++) {
        subparent[i + j] = i;
        subtasks = subtasks (j > 1 ? "," : "") issueref(i + j, "Sub-task " (i + j), 1);
      }
    }
    # links: the inward sides other issues already announced, then at most one outward link of this one
    links = (i in pend) ? pend[i] : "";
    delete pend[i];
    r = rnd(100);
    if (r < 30) {
      lt = 1 + rnd(4); lid = 200000 + i;
      target = i + 1 + rnd(400);
      if (target <= n) {
        links = links (links == "" ? "" : ",") sprintf("{\"id\":\"%d\",\"self\":\"https://jira.example.com/rest/api/2/issueLink/%d\",\"type\":%s,\"outwardIssue\":%s}", lid, lid, linktype(lt), issueref(target, "Issue " target, 1));
        prev = (target in pend) ? pend[target] "," : "";
        pend[target] = prev sprintf("{\"id\":\"%d\",\"self\":\"https://jira.example.com/rest/api/2/issueLink/%d\",\"type\":%s,\"inwardIssue\":%s}", lid, lid, linktype(lt), issueref(i, "Issue " i, s));
        if (lt == 1) blocks++; else related++;
      }
    } else if (r < 32) {
      lid = 200000 + i;
      links = links (links == "" ? "" : ",") sprintf("{\"id\":\"%d\",\"self\":\"https://jira.example.com/rest/api/2/issueLink/%d\",\"type\":%s,\"outwardIssue\":{\"id\":\"%d\",\"key\":\"OPS-%d\",\"self\":\"https://jira.example.com/rest/api/2/issue/%d\",\"fields\":{\"summary\":\"Ops task\",\"status\":%s}}}", lid, lid, linktype(2), 900000 + i, i, 900000 + i, status(1));
      outside++;
    }
    # changelog: status moves To Do → … → current status, each history maybe with an assignee change as well
    h = rnd(4); hist = ""; from = s == 1 ? 5 : 1;
    for (j = 1; j <= h; j++) {
      to = s;
      if (j < h) { do to = 1 + rnd(5); while (to == from || to == s) }
      item = sprintf("{\"field\":\"status\",\"fieldtype\":\"jira\",\"fieldId\":\"status\",\"from\":\"%s\",\"fromString\":\"%s\",\"to\":\"%s\",\"toString\":\"%s\"}", sid[from], st[from], sid[to], st[to]);
      if (rnd(3) == 0) item = item sprintf(",{\"field\":\"assignee\",\"fieldtype\":\"jira\",\"fieldId\":\"assignee\",\"from\":\"user%d\",\"fromString\":\"User %d\",\"to\":\"user%d\",\"toString\":\"User %d\"}", rnd(300), j, rnd(300), j + 1);
      hist = hist (j > 1 ? "," : "") sprintf("{\"id\":\"%d\",\"author\":%s,\"created\":\"%s\",\"items\":[%s]}", 300000 + i * 4 + j, user(rnd(300)), date(m, d + j, 10 + j, rnd(60)), item);
      from = to;
    }
    # comments: 0-3, wiki or ADF, ~5% restricted to a role
    nc = rnd(4); cm = "";
    for (j = 1; j <= nc; j++) {
      vis = rnd(20) == 0 ? ",\"visibility\":{\"type\":\"role\",\"value\":\"Developers\"}" : "";
      if (vis == "") comments++;
      cm = cm (j > 1 ? "," : "") sprintf("{\"self\":\"https://jira.example.com/rest/api/2/issue/%d/comment/%d\",\"id\":\"%d\",\"author\":%s,\"body\":%s,\"updateAuthor\":%s,\"created\":\"%s\",\"updated\":\"%s\"%s}", 100000 + i, 400000 + i * 4 + j, 400000 + i * 4 + j, user(rnd(300)), rich(i, "Comment " j " on issue " i ": reproduced, see the log attached to", "the build " rnd(1000)), user(rnd(300)), date(m, d + j, 11, rnd(60)), date(m, d + j, 12, rnd(60)), vis);
    }
    # worklogs: 0-2
    nw = rnd(3); wl = "";
    for (j = 1; j <= nw; j++) {
      timers++;
      wl = wl (j > 1 ? "," : "") sprintf("{\"self\":\"https://jira.example.com/rest/api/2/issue/%d/worklog/%d\",\"author\":%s,\"updateAuthor\":%s,\"comment\":\"Worked on %s\",\"created\":\"%s\",\"updated\":\"%s\",\"started\":\"%s\",\"timeSpent\":\"%dh\",\"timeSpentSeconds\":%d,\"id\":\"%d\",\"issueId\":\"%d\"}", 100000 + i, 500000 + i * 3 + j, user(rnd(300)), user(rnd(300)), lb[1 + rnd(8)], date(m, d + j, 17, 0), date(m, d + j, 17, 0), date(m, d + j, 9, 0), j, j * 3600, 500000 + i * 3 + j, 100000 + i);
    }
    att = "";
    if (rnd(10) == 0) att = sprintf("{\"self\":\"https://jira.example.com/rest/api/2/attachment/%d\",\"id\":\"%d\",\"filename\":\"log-%d.txt\",\"author\":%s,\"created\":\"%s\",\"size\":%d,\"mimeType\":\"text/plain\",\"content\":\"https://jira.example.com/secure/attachment/%d/log-%d.txt\"}", 600000 + i, 600000 + i, i, user(rnd(300)), date(m, d, 12, 0), 100 + rnd(10000), 600000 + i, i);
    sprint = rnd(3) == 0 ? "null" : sprintf("[\"com.atlassian.greenhopper.service.sprint.Sprint@%x[id=%d,rapidViewId=1,state=CLOSED,name=Sprint %d,startDate=2019-%02d-01T10:00:00.000+01:00,endDate=2019-%02d-14T10:00:00.000+01:00,completeDate=2019-%02d-14T10:00:00.000+01:00,sequence=%d,goal=]\"]", 4096 + m, m, m, m, m, m, m);
    plats = sprintf("[{\"self\":\"https://jira.example.com/rest/api/2/customFieldOption/%d\",\"value\":\"%s\",\"id\":\"%d\"}", 10400 + (i % 4), plat[1 + i % 4], 10400 + (i % 4)) (i % 3 == 0 ? sprintf(",{\"self\":\"https://jira.example.com/rest/api/2/customFieldOption/10405\",\"value\":\"%s\",\"id\":\"10405\"}", "Linux") : "") "]";
    sv = 1 + rnd(4);
    printf "%s{\"expand\":\"operations,editmeta,changelog,renderedFields\",\"id\":\"%d\",\"self\":\"https://jira.example.com/rest/api/2/issue/%d\",\"key\":\"BIG-%d\",\"fields\":{\"summary\":\"Issue %d: update the %s module\",\"project\":{\"self\":\"https://jira.example.com/rest/api/2/project/10000\",\"id\":\"10000\",\"key\":\"BIG\",\"name\":\"Big project\",\"projectTypeKey\":\"software\"},\"status\":%s,\"issuetype\":%s,\"priority\":{\"self\":\"https://jira.example.com/rest/api/2/priority/%s\",\"id\":\"%s\",\"name\":\"%s\"},\"created\":\"%s\",\"updated\":\"2020-01-01T10:00:00.000+0100\",\"reporter\":%s,\"creator\":%s,\"assignee\":%s,\"labels\":[\"%s\",\"%s\"],\"components\":[{\"self\":\"https://jira.example.com/rest/api/2/component/%d\",\"id\":\"%d\",\"name\":\"%s\"}],\"fixVersions\":[{\"self\":\"https://jira.example.com/rest/api/2/version/%d\",\"id\":\"%d\",\"name\":\"1.%d\",\"archived\":false,\"released\":true,\"releaseDate\":\"2019-%02d-28\"}],\"duedate\":%s,\"timeoriginalestimate\":%d,\"customfield_10103\":%d,\"customfield_10200\":{\"self\":\"https://jira.example.com/rest/api/2/customFieldOption/%d\",\"value\":\"%s\",\"id\":\"%d\"},\"customfield_10201\":%s,\"customfield_10202\":\"2019-%02d-%02d\",\"customfield_10203\":\"%s\",\"customfield_10204\":\"Customer %d\",\"customfield_10205\":%s,\"customfield_10006\":%s,\"customfield_10300\":[\"team-%s\"]%s,\"description\":%s,\"issuelinks\":[%s],\"subtasks\":[%s]%s,\"comment\":{\"comments\":[%s],\"maxResults\":%d,\"total\":%d,\"startAt\":0},\"worklog\":{\"startAt\":0,\"maxResults\":20,\"total\":%d,\"worklogs\":[%s]},\"attachment\":[%s],\"watches\":{\"watchCount\":%d,\"isWatching\":false}},\"changelog\":{\"startAt\":0,\"maxResults\":%d,\"total\":%d,\"histories\":[%s]}}",
      (i > 1 ? ",\n" : ""), 100000 + i, 100000 + i, i, i, lb[1 + rnd(8)], status(s), itype,
      prid[1 + i % 3], prid[1 + i % 3], pr[1 + i % 3], date(m, d, 10, rnd(60)), user(rnd(300)), user(rnd(300)), user(rnd(300)),
      lb[1 + rnd(8)], lb[1 + rnd(8)], 10500 + i % 5, 10500 + i % 5, comp[1 + i % 5], 10600 + m, 10600 + m, m, m,
      (rnd(2) ? sprintf("\"2019-%02d-28\"", m) : "null"), 3600 * (1 + rnd(16)), 1 + rnd(13), 10300 + sv, sev[sv], 10300 + sv,
      plats, m, 1 + rnd(28), date(m, d + 2, 9, 30), rnd(50), user(rnd(300)), sprint, lb[1 + rnd(8)], epic,
      rich(i + 1, "Steps for issue " i ": open the " lb[1 + rnd(8)] " view and compare with the spec (rev " rnd(1000) "). Keep the change small; link the review here. Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.", "Expected: no errors"),
      links, subtasks, parent, cm, nc, nc, nw, wl, att, rnd(5), h, h, hist;
  }
  print "\n],\"names\":{\"summary\":\"Summary\",\"customfield_10103\":\"Story Points\",\"customfield_10200\":\"Severity\",\"customfield_10201\":\"Platforms\",\"customfield_10202\":\"Target date\",\"customfield_10203\":\"Go-live\",\"customfield_10204\":\"Customer\",\"customfield_10205\":\"Reviewer\",\"customfield_10006\":\"Sprint\",\"customfield_10008\":\"Epic Link\",\"customfield_10300\":\"Team\"},"
  print "\"schema\":{\"customfield_10103\":{\"type\":\"number\",\"custom\":\"com.atlassian.jira.plugin.system.customfieldtypes:float\",\"customId\":10103},\"customfield_10200\":{\"type\":\"option\",\"custom\":\"com.atlassian.jira.plugin.system.customfieldtypes:select\",\"customId\":10200},\"customfield_10201\":{\"type\":\"array\",\"items\":\"option\",\"custom\":\"com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes\",\"customId\":10201},\"customfield_10202\":{\"type\":\"date\",\"custom\":\"com.atlassian.jira.plugin.system.customfieldtypes:datepicker\",\"customId\":10202},\"customfield_10203\":{\"type\":\"datetime\",\"custom\":\"com.atlassian.jira.plugin.system.customfieldtypes:datetime\",\"customId\":10203},\"customfield_10204\":{\"type\":\"string\",\"custom\":\"com.atlassian.jira.plugin.system.customfieldtypes:textfield\",\"customId\":10204},\"customfield_10205\":{\"type\":\"user\",\"custom\":\"com.atlassian.jira.plugin.system.customfieldtypes:userpicker\",\"customId\":10205},\"customfield_10006\":{\"type\":\"array\",\"items\":\"string\",\"custom\":\"com.pyxis.greenhopper.jira:gh-sprint\",\"customId\":10006},\"customfield_10008\":{\"type\":\"any\",\"custom\":\"com.pyxis.greenhopper.jira:gh-epic-link\",\"customId\":10008},\"customfield_10300\":{\"type\":\"array\",\"items\":\"string\",\"custom\":\"com.atlassian.jira.plugin.system.customfieldtypes:labels\",\"customId\":10300}}}"
  if (counts != "") {
    printf "cards=%d parents=%d blocks=%d related=%d outside=%d comments=%d timers=%d\n", n, parents, blocks, related, outside, comments, timers > counts;
  }
}
