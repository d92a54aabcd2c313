package io.kaitenimport.source.trello;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.Users;
import io.kaitenimport.issue.Location;

import java.util.HashMap;
import java.util.Map;

/**
 * Every person the export names, by Trello member id: board members first, then (via {@link #rememberAction}) the {@code memberCreator} and
 * {@code member} objects of actions (people who have since left the board appear only there). Trello never
 * exports emails, so {@link Users} matches them to the --users file by id, username or full name.
 */
final class TrelloPeople {
    private final SourceContext ctx;
    private final Map<String, Users.Person> byId = new HashMap<>();

    TrelloPeople(SourceContext ctx, TrelloExport export) {
        this.ctx = ctx;
        for (JsonNode m : export.members) {
            remember(m);
        }
    }

    /** Called for every action, in order, by the one pass over actions ({@link TrelloActions}). */
    void rememberAction(JsonNode a) {
        remember(a.get("memberCreator"));
        remember(a.get("member"));
    }

    private void remember(JsonNode m) {
        String id = TrelloExport.text(m, "id");
        if (id != null && !byId.containsKey(id)) {
            byId.put(id, new Users.Person(id, TrelloExport.text(m, "username"), TrelloExport.text(m, "fullName"),
                    TrelloExport.text(m, "email")));
        }
    }

    /** Makes every board member a package user when they can be (members who touched no card still belong). */
    void resolveMembers(TrelloExport export) {
        for (int i = 0; i < export.members.size(); i++) {
            String id = TrelloExport.text(export.members.get(i), "id");
            if (id != null) {
                resolve(id, "trello board.members", export.at(export.pointer("members", i), i, id));
            }
        }
    }

    /** The package user id of a Trello member id, or null (no email: counted by {@link Users}). */
    String resolve(String memberId, String field, Location where) {
        if (memberId == null) {
            return null;
        }
        Users.Person p = byId.getOrDefault(memberId, new Users.Person(memberId, null, null, null));
        return ctx.users().resolve(p, field, where);
    }

    /** The person behind a member id (an id-only person when the export does not list them), or null. */
    Users.Person person(String memberId) {
        return memberId == null ? null : byId.getOrDefault(memberId, new Users.Person(memberId, null, null, null));
    }

    /** The author of an action. */
    String author(JsonNode action, String field, Location where) {
        String id = TrelloExport.text(action, "idMemberCreator");
        if (id == null) {
            id = TrelloExport.text(action.get("memberCreator"), "id");
        }
        return resolve(id, field, where);
    }

    /**
     * Who authored an action that becomes a history event, comment or file: under
     * {@code --unmapped-users placeholder:EMAIL} a member without an email becomes the placeholder user.
     */
    String eventAuthor(JsonNode action, String field, Location where) {
        String id = TrelloExport.text(action, "idMemberCreator");
        if (id == null) {
            id = TrelloExport.text(action.get("memberCreator"), "id");
        }
        if (id == null) {
            return null;
        }
        return ctx.users().author(byId.getOrDefault(id, new Users.Person(id, null, null, null)), field, where);
    }

    /** The display name of an action's author, kept on comments even when the person is not a package user. */
    String authorName(JsonNode action) {
        JsonNode mc = action.get("memberCreator");
        String name = TrelloExport.text(mc, "fullName");
        if (name == null) {
            name = TrelloExport.text(mc, "username");
        }
        if (name == null) {
            Users.Person p = byId.get(TrelloExport.text(action, "idMemberCreator"));
            name = p == null ? null : p.displayName() != null ? p.displayName() : p.username();
        }
        return name;
    }
}
