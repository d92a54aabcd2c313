package io.kaitenimport.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads a target company with GET requests only (endpoints and fallbacks from docs/kaiten-rest-preflight.md) into a
 * {@link TargetSnapshot}. A 403 on company users falls back to the shared-spaces user list and says so; a 403
 * anywhere else stops the run with the section named.
 */
public final class TargetReader {
    private static final List<Integer> ROUND = List.of(100, 200, 250, 500, 1000, 2000, 5000);

    private final KaitenClient client;
    private final List<TargetSnapshot.Note> notes = new ArrayList<>();

    public TargetReader(KaitenClient client) {
        this.client = client;
    }

    /**
     * @param board        the --board to read columns of, or null
     * @param needsOptions which select properties the package's fields match, whose options must be compared
     */
    public TargetSnapshot read(Long board, Predicate<TargetSnapshot.Property> needsOptions) {
        JsonNode me = section("the token's user", () -> client.get("/api/v1/users/current", "the token's user"));
        TargetSnapshot.Me who = new TargetSnapshot.Me(id(me, "/api/v1/users/current", ""), text(me, "email"));

        String usersFrom = TargetSnapshot.COMPANY_USERS;
        List<JsonNode> userNodes;
        try {
            userNodes = client.getList(usersFrom, "company users");
            roundCount(usersFrom, userNodes.size());
        } catch (KaitenClient.Forbidden e) {
            usersFrom = TargetSnapshot.SHARED_USERS;
            notes.add(new TargetSnapshot.Note(IssueCode.TARGET_FALLBACK.code(), "GET " + TargetSnapshot.COMPANY_USERS
                    + " answered 403: the token's user lacks the administrative 'Members' right; read "
                    + TargetSnapshot.SHARED_USERS + " instead, which lists only users of spaces shared with them "
                    + "(and perhaps no deactivated ones)"));
            userNodes = section("users of shared spaces", () -> client.getPaged(TargetSnapshot.SHARED_USERS,
                    "users of shared spaces"));
        }
        List<TargetSnapshot.User> users = new ArrayList<>();
        for (int i = 0; i < userNodes.size(); i++) {
            JsonNode u = userNodes.get(i);
            users.add(new TargetSnapshot.User(id(u, usersFrom, "/" + i), text(u, "uid"), text(u, "full_name"),
                    text(u, "email"), bool(u, "activated"), bool(u, "virtual"), text(u, "email_blocked"),
                    text(u, "email_blocked_reason"), text(u, "delete_requested_at"), integer(u, "role")));
        }

        List<JsonNode> spaceNodes = section("spaces", () -> client.getList("/api/v1/spaces", "spaces"));
        roundCount("/api/v1/spaces", spaceNodes.size());
        List<TargetSnapshot.Space> spaces = new ArrayList<>();
        for (int i = 0; i < spaceNodes.size(); i++) {
            JsonNode s = spaceNodes.get(i);
            List<TargetSnapshot.Board> boards = new ArrayList<>();
            JsonNode bs = s.path("boards");
            for (int j = 0; j < bs.size(); j++) {
                boards.add(new TargetSnapshot.Board(id(bs.get(j), "/api/v1/spaces", "/" + i + "/boards/" + j),
                        text(bs.get(j), "title")));
            }
            List<Long> allowed = null;
            if (s.path("allowed_card_type_ids").isArray()) {
                allowed = new ArrayList<>();
                for (JsonNode a : s.get("allowed_card_type_ids")) {
                    allowed.add(a.asLong());
                }
            }
            spaces.add(new TargetSnapshot.Space(id(s, "/api/v1/spaces", "/" + i), text(s, "title"),
                    s.path("archived").asBoolean(false), allowed, boards));
        }

        List<TargetSnapshot.Col> columns = new ArrayList<>();
        if (board != null) {
            String path = "/api/v1/boards/" + board + "/columns";
            String what = "columns of board " + board;
            List<JsonNode> cols = section(what, () -> client.getList(path, what));
            for (int i = 0; i < cols.size(); i++) {
                JsonNode c = cols.get(i);
                long cid = id(c, path, "/" + i);
                columns.add(column(c, null, path, "/" + i));
                List<JsonNode> subs = new ArrayList<>();
                String subPath = path;
                String at = "/" + i + "/subcolumns";
                if (c.has("subcolumns")) {
                    c.get("subcolumns").forEach(subs::add);
                } else {
                    // The nested list is the documented source (L782); ask E7 only when it is missing.
                    subPath = "/api/v1/columns/" + cid + "/subcolumns";
                    String w = "subcolumns of column " + cid;
                    String sp = subPath;
                    subs = section(w, () -> client.getList(sp, w));
                    at = "";
                }
                for (int j = 0; j < subs.size(); j++) {
                    columns.add(column(subs.get(j), cid, subPath, at + "/" + j));
                }
            }
        }

        String propsPath = "/api/v1/company/custom-properties";
        List<JsonNode> propNodes = section("custom properties", () -> client.getPaged(propsPath,
                "custom properties"));
        List<TargetSnapshot.Property> properties = new ArrayList<>();
        for (int i = 0; i < propNodes.size(); i++) {
            JsonNode p = propNodes.get(i);
            properties.add(new TargetSnapshot.Property(id(p, propsPath, "/" + i), text(p, "name"), text(p, "type"),
                    p.path("multi_select").asBoolean(false), text(p, "condition")));
        }
        List<TargetSnapshot.PropertyOptions> selectValues = new ArrayList<>();
        for (TargetSnapshot.Property p : properties) {
            if (!needsOptions.test(p)) {
                continue;
            }
            String path = propsPath + "/" + p.id() + "/select-values";
            String what = "options of custom property " + p.id();
            List<JsonNode> vs = section(what, () -> client.getList(path, what));
            List<TargetSnapshot.SelectValue> values = new ArrayList<>();
            for (int i = 0; i < vs.size(); i++) {
                values.add(new TargetSnapshot.SelectValue(id(vs.get(i), path, "/" + i), text(vs.get(i), "value"),
                        text(vs.get(i), "condition")));
            }
            roundCount(path, values.size());
            selectValues.add(new TargetSnapshot.PropertyOptions(p.id(), values));
        }

        List<JsonNode> typeNodes = section("card types", () -> client.getList("/api/v1/card-types", "card types"));
        roundCount("/api/v1/card-types", typeNodes.size());
        List<TargetSnapshot.CardType> cardTypes = new ArrayList<>();
        for (int i = 0; i < typeNodes.size(); i++) {
            JsonNode t = typeNodes.get(i);
            cardTypes.add(new TargetSnapshot.CardType(id(t, "/api/v1/card-types", "/" + i), text(t, "name"),
                    t.path("archived").asBoolean(false)));
        }

        List<JsonNode> tagNodes = section("tags", () -> client.getPaged("/api/v1/tags", "tags"));
        List<TargetSnapshot.Tag> tags = new ArrayList<>();
        for (int i = 0; i < tagNodes.size(); i++) {
            JsonNode t = tagNodes.get(i);
            tags.add(new TargetSnapshot.Tag(id(t, "/api/v1/tags", "/" + i), text(t, "name"),
                    t.path("archived").asBoolean(false)));
        }
        return new TargetSnapshot(TargetSnapshot.FORMAT, client.base().toString(), board, who, usersFrom, users,
                spaces, columns, properties, selectValues, cardTypes, tags, notes, client.requests(),
                client.rateLimited());
    }

    private TargetSnapshot.Col column(JsonNode c, Long parent, String path, String at) {
        JsonNode so = c.get("sort_order");
        return new TargetSnapshot.Col(id(c, path, at), text(c, "title"), c.path("type").asInt(0), parent,
                so != null && so.isNumber() ? so.asDouble() : null);
    }

    /** The seed does not say whether unpaged lists are ever cut; a round count is the only hint we can give. */
    private void roundCount(String path, int n) {
        if (ROUND.contains(n)) {
            notes.add(new TargetSnapshot.Note(IssueCode.TARGET_LIST_CUT.code(), "GET " + path + " returned exactly "
                    + n + " items; the list may be cut off by an undocumented server limit"));
        }
    }

    /** A 403 outside company users cannot be worked around: the run stops naming what could not be read. */
    private <T> T section(String what, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (KaitenClient.Forbidden e) {
            throw new SourceException(Location.NONE, "GET " + client.base() + e.getMessage() + " (" + what
                    + "): HTTP 403: the token's user may not read " + what + "; use the token of a user with "
                    + "access to them (a company administrator)");
        }
    }

    private long id(JsonNode n, String path, String at) {
        JsonNode id = n.get("id");
        if (id == null || !id.canConvertToLong() || !id.isIntegralNumber()) {
            throw new SourceException(Location.NONE, "GET " + client.base() + path + ": unexpected answer at "
                    + (at.isEmpty() ? "/" : at) + ": no integer 'id'");
        }
        return id.asLong();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    private static Boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isBoolean() ? null : v.asBoolean();
    }

    private static Integer integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.canConvertToInt() ? null : v.asInt();
    }
}
