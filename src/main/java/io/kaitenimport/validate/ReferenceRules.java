package io.kaitenimport.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.model.Entity;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which fields of which entity hold ids of what. Paths are JSON-pointer-like with '*' for every element of an
 * array, so nested references (checklist items, history entries) are one line each.
 */
final class ReferenceRules {
    record Rule(String[] path, Target target) {
        String field() {
            return path[0];
        }
    }

    private static final Map<Entity, List<Rule>> RULES = new EnumMap<>(Entity.class);

    static {
        List<Rule> tree = List.of(rule("parent_entity_id", Target.TREE));
        RULES.put(Entity.SPACES, tree);
        RULES.put(Entity.FOLDERS, tree);
        RULES.put(Entity.DOCUMENTS, tree);
        RULES.put(Entity.BOARDS, List.of(rule("space_id", Target.SPACES), rule("author_id", Target.USERS)));
        RULES.put(Entity.COLUMNS, List.of(rule("board_id", Target.BOARDS)));
        RULES.put(Entity.CARDS, List.of(
                rule("column_id", Target.COLUMNS),
                rule("owner_id", Target.USERS),
                rule("responsible_id", Target.USERS),
                rule("member_ids/*", Target.USERS),
                rule("checklists/*/items/*/checked_by", Target.USERS),
                rule("checklists/*/items/*/created_by", Target.USERS),
                rule("checklists/*/items/*/responsible_id", Target.USERS),
                rule("history/*/author_id", Target.USERS),
                rule("history/*/old_value/column_id", Target.COLUMNS),
                rule("history/*/new_value/column_id", Target.COLUMNS),
                rule("parent_card_ids/*", Target.CARDS),
                rule("child_card_ids/*", Target.CARDS),
                rule("blocks_card_ids/*", Target.CARDS),
                rule("blocked_by_card_ids/*", Target.CARDS),
                rule("related_card_ids/*", Target.CARDS),
                rule("planned_predecessors/*/id", Target.CARDS)));
        RULES.put(Entity.COMMENTS, List.of(rule("card_id", Target.CARDS), rule("parent_id", Target.COMMENTS),
                rule("author_id", Target.USERS)));
        RULES.put(Entity.FILES, List.of(rule("card_id", Target.CARDS), rule("author_id", Target.USERS),
                rule("custom_field_id", Target.CUSTOM_FIELDS)));
        RULES.put(Entity.CARD_TIMERS, List.of(rule("card_id", Target.CARDS), rule("author_id", Target.USERS)));
        RULES.put(Entity.DOCUMENT_FILES, List.of(rule("document_id", Target.DOCUMENTS)));
    }

    private ReferenceRules() {
    }

    private static Rule rule(String path, Target target) {
        return new Rule(path.split("/"), target);
    }

    static List<Rule> of(Entity entity) {
        return RULES.getOrDefault(entity, List.of());
    }

    /** Receives each id a rule reaches; {@code indexes} hold the array positions of the rule's '*' steps. */
    interface Visit {
        void at(JsonNode value, Rule rule, int[] indexes);
    }

    /**
     * Calls {@code visit} for every non-null value the rule's path reaches in a record. No pointer is built here:
     * most references resolve and never need one ({@link #pointer} builds it for those that do).
     *
     * @param indexes room for the positions of the path's '*' steps (reused from record to record)
     */
    static void each(JsonNode record, Rule rule, int[] indexes, Visit visit) {
        String[] path = rule.path();
        // The common shapes (a field, a list of ids, a field of list items) directly: small methods the JIT
        // compiles cheaply; the deep paths (checklist items, history values) by the general walk.
        JsonNode top = record.get(path[0]);
        if (top == null || top.isNull()) {
            return;
        }
        if (path.length == 1) {
            visit.at(top, rule, indexes);
        } else if (path.length == 2 && path[1].equals("*")) {
            if (top.isArray()) {
                for (int i = 0, n = top.size(); i < n; i++) {
                    JsonNode v = top.get(i);
                    if (!v.isNull()) {
                        indexes[0] = i;
                        visit.at(v, rule, indexes);
                    }
                }
            }
        } else {
            walk(top, rule, 1, 0, indexes, visit);
        }
    }

    private static void walk(JsonNode node, Rule rule, int at, int star, int[] indexes, Visit visit) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        String[] path = rule.path();
        if (at == path.length) {
            visit.at(node, rule, indexes);
        } else if (path[at].equals("*")) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    indexes[star] = i;
                    walk(node.get(i), rule, at + 1, star + 1, indexes, visit);
                }
            }
        } else if (node.isObject()) {
            walk(node.get(path[at]), rule, at + 1, star, indexes, visit);
        }
    }

    /** The JSON pointer of the value a visit was called with. */
    static String pointer(Rule rule, int[] indexes) {
        StringBuilder b = new StringBuilder();
        int star = 0;
        for (String step : rule.path()) {
            b.append('/');
            if (step.equals("*")) {
                b.append(indexes[star++]);
            } else {
                b.append(step);
            }
        }
        return b.toString();
    }
}
