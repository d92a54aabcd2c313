# Deterministic Trello board export for bench/bench.sh: awk -v n=CARDS [-v counts=FILE] -f bench/trello-board.awk
# About 3.5 KB per card with its actions (≈ 85,000 cards for 300 MB). Shape of a real full-history export: the
# "actions" array comes first, newest first (createCard, comments, list moves, check/uncheck of checklist items,
# addAttachmentToCard, description edits), then cards with labels, members, due dates, custom-field values (all
# five types) and link/upload attachments, then board-wide checklists, labels, lists, members and customFields.
# Each card's numbers come from a generator seeded by the card number, so the actions written before the cards
# and the cards themselves agree. With -v counts=FILE the expected totals are written there as NAME=VALUE lines.
function rnd(m) { seed = (seed * 16807) % 2147483647; return seed % m }
function hex(t, tag, k) { return sprintf("%08x%s%08x", t, tag, k) }
# ISO-8601 UTC from Unix seconds (days → civil date, Howard Hinnant's algorithm; mawk has no strftime).
function iso(s, ms,   z, era, doe, yoe, y, doy, mp, d, m, r) {
  z = int(s / 86400) + 719468; r = s % 86400
  era = int(z / 146097); doe = z - era * 146097
  yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
  y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100)); mp = int((5 * doy + 2) / 153)
  d = doy - int((153 * mp + 2) / 5) + 1; m = mp < 10 ? mp + 3 : mp - 9; if (m <= 2) y++
  return sprintf("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", y, m, d, int(r / 3600), int(r % 3600 / 60), r % 60, ms)
}
# Everything about card i that both the actions and the card need.
function plan(i,   k) {
  seed = (i * 48271) % 2147483647 + 1
  t = t0 + i * 600; cid = hex(t, "c0000000", i); short = sprintf("S%07d", i)
  owner = rnd(nmembers); ncom = rnd(4); nmov = rnd(3); natt = rnd(3)
  start = rnd(nlists); at[0] = start
  for (k = 1; k <= nmov; k++) at[k] = (at[k - 1] + 1 + rnd(nlists - 1)) % nlists
  nitems = rnd(5) < 2 ? 1 + rnd(5) : 0
  for (k = 1; k <= nitems; k++) done[k] = rnd(3) == 0
  nlab = rnd(4); lab0 = rnd(nlabels); nmem = rnd(3); due = rnd(5) < 2
  for (k = 1; k <= 5; k++) cf[k] = rnd(2)
}
function card_ref() { return sprintf("{\"id\":\"%s\",\"name\":\"Card %d\",\"idShort\":%d,\"shortLink\":\"%s\"}", cid, i, i, short) }
function creator(m) {
  return sprintf("\"idMemberCreator\":\"%s\",\"memberCreator\":{\"id\":\"%s\",\"username\":\"user%d\",\"fullName\":\"User %d\"}", mid(m), mid(m), m, m)
}
function mid(m) { return hex(t0, "d0000000", m) }
function lid(l) { return hex(t0, "e0000000", l) }
function action(k, type, when, data, m) {
  acts[++nacts] = sprintf("{\"id\":\"%s\",%s,\"type\":\"%s\",\"date\":\"%s\",\"data\":{%s,\"card\":%s,%s}}",
    hex(when, "a0000000", i * 64 + k), creator(m), type, iso(when, i % 1000), data, card_ref(), board_ref)
}
function emit_actions(   k, j, c) {
  nacts = 0; c = 0
  action(c++, "createCard", t, sprintf("\"list\":{\"id\":\"%s\",\"name\":\"%s\"}", lid(start), lname[start]), owner)
  for (k = 1; k <= ncom; k++)
    action(c++, "commentCard", t + 60 * k, sprintf("\"text\":\"Comment %d on card %d: checked the *%s* step; the numbers match the spec, see the review notes. Next: ask **user%d** to confirm.\"", k, i, lname[at[0]], (owner + k) % nmembers), (owner + k) % nmembers)
  for (k = 1; k <= nmov; k++)
    action(c++, "updateCard", t + 300 + 30 * k, sprintf("\"old\":{\"idList\":\"%s\"},\"listBefore\":{\"id\":\"%s\",\"name\":\"%s\"},\"listAfter\":{\"id\":\"%s\",\"name\":\"%s\"}", lid(at[k - 1]), lid(at[k - 1]), lname[at[k - 1]], lid(at[k]), lname[at[k]]), owner)
  for (k = 1; k <= nitems; k++) if (done[k])
    action(c++, "updateCheckItemStateOnCard", t + 420 + 10 * k, sprintf("\"checkItem\":{\"id\":\"%s\",\"name\":\"Step %d\",\"state\":\"complete\"},\"checklist\":{\"id\":\"%s\",\"name\":\"Steps\"}", hex(t + 5, "f1000000", i * 8 + k), k, hex(t + 5, "b0000000", i)), (owner + 1) % nmembers)
  for (k = 1; k <= natt; k++)
    action(c++, "addAttachmentToCard", t + 500 + 10 * k, sprintf("\"attachment\":{\"id\":\"%s\",\"name\":\"%s\"}", hex(t + 500 + 10 * k, "e1000000", i * 4 + k), att_name(k)), owner)
  action(c++, "updateCard", t + 590, "\"old\":{\"desc\":\"\"}", owner)
  for (j = nacts; j >= 1; j--) { printf "%s%s", (first++ ? ",\n" : ""), acts[j] }
  total_actions += nacts; comments += ncom; moves += nmov
}
function att_name(k) { return k % 2 ? sprintf("Spec %d-%d", i, k) : sprintf("photo-%d-%d.jpg", i, k) }
function attachment(k,   aid, when, url) {
  when = t + 500 + 10 * k; aid = hex(when, "e1000000", i * 4 + k)
  if (k % 2) {
    links++
    return sprintf("{\"id\":\"%s\",\"bytes\":null,\"date\":\"%s\",\"idMember\":\"%s\",\"isUpload\":false,\"mimeType\":\"\",\"name\":\"%s\",\"previews\":[],\"url\":\"https://docs.example.com/spec/%d/%d\",\"pos\":%d}", aid, iso(when, 0), mid(owner), att_name(k), i, k, 16384 * k)
  }
  uploads++
  url = sprintf("https://trello.com/1/cards/%s/attachments/%s/download/%s", cid, aid, att_name(k))
  return sprintf("{\"id\":\"%s\",\"bytes\":%d,\"date\":\"%s\",\"idMember\":\"%s\",\"isUpload\":true,\"mimeType\":\"image/jpeg\",\"name\":\"%s\",\"fileName\":\"%s\",\"previews\":[],\"url\":\"%s\",\"pos\":%d}", aid, 20000 + i % 5000, iso(when, 0), mid(owner), att_name(k), att_name(k), url, 16384 * k)
}
function cf_item(k,   v) {
  # An unchecked checkbox is no value in the package (a checkbox arrives as a select with one option "Yes").
  if (k != 4 || i % 2) props++
  if (k == 1) v = sprintf("\"value\":{\"text\":\"Bed %d\"}", i % 97)
  else if (k == 2) v = sprintf("\"value\":{\"number\":\"%d.%d\"}", i % 1000, i % 10)
  else if (k == 3) v = sprintf("\"value\":{\"date\":\"%s\"}", iso(t + 86400 * 7, 0))
  else if (k == 4) v = sprintf("\"value\":{\"checked\":\"%s\"}", i % 2 ? "true" : "false")
  else v = sprintf("\"idValue\":\"%s\"", hex(t0, "cf100000", i % 4))
  return sprintf("{\"id\":\"%s\",\"idCustomField\":\"%s\",\"idModel\":\"%s\",\"modelType\":\"card\",%s}", hex(t + 7, "cf200000", i * 8 + k), hex(t0, "cf000000", k), cid, v)
}
function emit_card(   k, s, sep) {
  s = sprintf("{\"id\":\"%s\",\"idShort\":%d,\"shortLink\":\"%s\",\"shortUrl\":\"https://trello.com/c/%s\",\"url\":\"https://trello.com/c/%s/%d-card-%d\",\"name\":\"Card %d: %s the %s\",\"desc\":\"Card %d. Steps: open the *%s* view, compare with the spec (rev %d) and write down what differs.\\n\\n- check\\n- fix\",\"closed\":%s,\"idBoard\":\"%s\",\"idList\":\"%s\",\"pos\":%d,\"idMemberCreator\":\"%s\",\"dateLastActivity\":\"%s\",\"due\":%s,\"dueComplete\":false,\"start\":null",
    cid, i, short, short, short, i, i, i, verb[i % 5], lname[at[nmov]], i, lname[at[0]], i % 1000, (i % 40 == 0 ? "true" : "false"), bid, lid(at[nmov]), 16384 * i, mid(owner), iso(t + 590, i % 1000), due ? "\"" iso(t + 86400 * 14, 0) "\"" : "null")
  s = s ",\"idMembers\":["; sep = ""
  for (k = 0; k < nmem; k++) { s = s sep "\"" mid((owner + k) % nmembers) "\""; sep = "," }
  s = s "],\"idLabels\":["; sep = ""
  for (k = 0; k < nlab; k++) { s = s sep "\"" hex(t0, "1a000000", (lab0 + k) % nlabels) "\""; sep = ","; tags++ }
  s = s sprintf("],\"idChecklists\":[%s],\"badges\":{\"comments\":%d,\"attachments\":%d,\"votes\":0},\"attachments\":[", nitems ? "\"" hex(t + 5, "b0000000", i) "\"" : "", ncom, natt); sep = ""
  for (k = 1; k <= natt; k++) { s = s sep attachment(k); sep = "," }
  s = s "],\"customFieldItems\":["; sep = ""
  for (k = 1; k <= 5; k++) if (cf[k]) { s = s sep cf_item(k); sep = "," }
  printf "%s%s]}", (first++ ? ",\n" : ""), s
  cards++
}
function emit_checklist(   k, s, sep) {
  s = sprintf("{\"id\":\"%s\",\"name\":\"Steps\",\"idBoard\":\"%s\",\"idCard\":\"%s\",\"pos\":16384,\"checkItems\":[", hex(t + 5, "b0000000", i), bid, cid); sep = ""
  for (k = 1; k <= nitems; k++) {
    s = s sep sprintf("{\"id\":\"%s\",\"name\":\"Step %d of card %d\",\"pos\":%d,\"state\":\"%s\",\"due\":null,\"idMember\":null,\"idChecklist\":\"%s\"}", hex(t + 5, "f1000000", i * 8 + k), k, i, 16384 * k, done[k] ? "complete" : "incomplete", hex(t + 5, "b0000000", i)); sep = ","
    items++; if (done[k]) checked++
  }
  printf "%s%s]}", (first++ ? ",\n" : ""), s
}
BEGIN {
  t0 = 1577836800; nlists = 8; nlabels = 12; nmembers = 40
  split("Backlog,To do,Doing,Review,Blocked,Testing,Staging,Done", ln, ","); for (l = 0; l < nlists; l++) lname[l] = ln[l + 1]
  split("check,update,fix,write,plan", vb, ","); for (k = 0; k < 5; k++) verb[k] = vb[k + 1]
  bid = hex(t0, "b1000000", 1)
  board_ref = sprintf("\"board\":{\"id\":\"%s\",\"name\":\"Bench board\",\"shortLink\":\"BenchBrd\"}", bid)
  printf "{\"id\":\"%s\",\"name\":\"Bench board\",\"desc\":\"\",\"closed\":false,\"idMemberCreator\":\"%s\",\"shortLink\":\"BenchBrd\",\"url\":\"https://trello.com/b/BenchBrd/bench-board\",\"prefs\":{\"background\":\"blue\"},\n\"actions\":[\n", bid, mid(0)
  first = 0; for (i = n; i >= 1; i--) { plan(i); emit_actions() }
  printf "],\n\"cards\":[\n"
  first = 0; for (i = 1; i <= n; i++) { plan(i); emit_card() }
  printf "],\n\"checklists\":[\n"
  first = 0; for (i = 1; i <= n; i++) { plan(i); if (nitems) { emit_checklist(); checklists++ } }
  printf "],\n\"labels\":["
  for (l = 0; l < nlabels; l++) printf "%s{\"id\":\"%s\",\"idBoard\":\"%s\",\"name\":\"Label %d\",\"color\":\"%s\"}", (l ? "," : ""), hex(t0, "1a000000", l), bid, l, (l % 3 ? "green" : "red")
  printf "],\n\"lists\":["
  for (l = 0; l < nlists; l++) printf "%s{\"id\":\"%s\",\"name\":\"%s\",\"closed\":false,\"idBoard\":\"%s\",\"pos\":%d}", (l ? "," : ""), lid(l), lname[l], bid, 16384 * (l + 1)
  printf "],\n\"members\":["
  for (m = 0; m < nmembers; m++) printf "%s{\"id\":\"%s\",\"username\":\"user%d\",\"fullName\":\"User %d\"}", (m ? "," : ""), mid(m), m, m
  printf "],\n\"customFields\":["
  split("text,number,date,checkbox,list", ct, ",")
  for (k = 1; k <= 5; k++) {
    printf "%s{\"id\":\"%s\",\"idModel\":\"%s\",\"modelType\":\"board\",\"name\":\"Field %d\",\"pos\":%d,\"type\":\"%s\",\"display\":{\"cardFront\":false}", (k > 1 ? "," : ""), hex(t0, "cf000000", k), bid, k, 16384 * k, ct[k]
    if (k == 5) { printf ",\"options\":["; for (o = 0; o < 4; o++) printf "%s{\"id\":\"%s\",\"idCustomField\":\"%s\",\"value\":{\"text\":\"Option %d\"},\"color\":\"blue\",\"pos\":%d}", (o ? "," : ""), hex(t0, "cf100000", o), hex(t0, "cf000000", k), o, 16384 * (o + 1); printf "]" }
    printf "}"
  }
  print "]}"
  if (counts != "") {
    printf "cards=%d\nactions=%d\ncomments=%d\nmoves=%d\nchecklists=%d\nitems=%d\nchecked=%d\ntags=%d\nproperties=%d\nlinks=%d\nuploads=%d\n", cards, total_actions, comments, moves, checklists, items, checked, tags, props, links, uploads > counts
  }
}
