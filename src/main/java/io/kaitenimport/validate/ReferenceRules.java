package io.kaitenimport.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.model.Entity;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

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

    /** Calls {@code visit(pointer, value)} for every non-null value the rule's path reaches in a record. */
    static void each(JsonNode record, Rule rule, BiConsumer<String, JsonNode> visit) {
        walk(record, rule.path(), 0, "", visit);
    }

    private static void walk(JsonNode node, String[] path, int at, String pointer, BiConsumer<String, JsonNode> visit) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (at == path.length) {
            visit.accept(pointer, node);
        } else if (path[at].equals("*")) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    walk(node.get(i), path, at + 1, pointer + "/" + i, visit);
                }
            }
        } else if (node.isObject()) {
            walk(node.get(path[at]), path, at + 1, pointer + "/" + path[at], visit);
        }
    }
}
