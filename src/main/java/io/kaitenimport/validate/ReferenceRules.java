package io.kaitenimport.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.model.Entity;
import io.kaitenimport.validate.schema.KeptRecord;

import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Which fields of which entity hold ids of what. Paths are JSON-pointer-like with '*' for every element of an
 * array, so nested references (checklist items, history entries) are one line each.
 */
final class ReferenceRules {
    /**
     * @param list     true for the common "field/*" shape (a list of ids), worked out once in {@link #rule}
     * @param cardLink the {@link CardGraph#side} of a card's list of linked cards, else -1
     */
    record Rule(String[] path, Target target, boolean list, int cardLink) {
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
        String[] steps = path.split("/");
        boolean list = steps.length == 2 && steps[1].equals("*");
        return new Rule(steps, target, list, list && target == Target.CARDS ? CardGraph.side(steps[0]) : -1);
    }

    static List<Rule> of(Entity entity) {
        return RULES.getOrDefault(entity, List.of());
    }

    private static final Rule[][] ARRAYS = new Rule[Entity.values().length][];
    /** Per entity: for each top-level field, the indexes of the rules that start at it. */
    private static final List<Map<String, int[]>> BY_FIELD = new java.util.ArrayList<>();

    static {
        for (Entity e : Entity.values()) {
            Rule[] rules = of(e).toArray(new Rule[0]);
            Map<String, int[]> byField = new java.util.HashMap<>();
            for (int i = 0; i < rules.length; i++) {
                Rule r = rules[i];
                int[] known = byField.getOrDefault(r.field(), new int[0]);
                int[] more = java.util.Arrays.copyOf(known, known.length + 1);
                more[known.length] = i;
                byField.put(r.field(), more);
            }
            if (rules.length > 64) {
                throw new IllegalStateException("more than 64 reference rules for " + e);
            }
            ARRAYS[e.ordinal()] = rules;

            BY_FIELD.add(byField);
        }
    }

    /**
     * Calls {@code visit} for every non-null value any of the entity's rules reaches in a record, rule by rule in
     * their listed order, as walking each rule from the record would. The record's own fields are walked once
     * (it holds only the few the rules read) instead of looking up every rule's field: 16 lookups per card cost
     * more than all the rest of the reference checks.
     *
     * @param only the rules to walk: bit i for the entity's rule i
     * @param tops room for one value per rule (reused from record to record)
     */
    static void eachOf(Entity entity, JsonNode record, long only, JsonNode[] tops, int[] indexes, Visit visit) {
        Rule[] rules = ARRAYS[entity.ordinal()];
        if (rules.length == 0 || !record.isObject()) {
            return;
        }
        if (record instanceof KeptRecord kept && kept.keptFields() == RecordFields.of(entity)) {
            int[] slots = RecordFields.ruleSlots(entity);
            // the usual case: each rule's first field is read by its slot
            for (long todo = only & (rules.length == 64 ? -1L : (1L << rules.length) - 1); todo != 0;
                 todo &= todo - 1) {
                int i = Long.numberOfTrailingZeros(todo);
                from(kept.at(slots[i]), rules[i], indexes, visit);
            }
            return;
        }
        Map<String, int[]> byField = BY_FIELD.get(entity.ordinal());
        long present = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            int[] at = byField.get(field.getKey());
            if (at != null) {
                for (int i : at) {
                    if ((only & 1L << i) != 0) {
                        present |= 1L << i;
                        tops[i] = field.getValue();
                    }
                }
            }
        }
        for (; present != 0; present &= present - 1) {
            int i = Long.numberOfTrailingZeros(present);
            from(tops[i], rules[i], indexes, visit);
            tops[i] = null;
        }
    }

    /** The most rules any entity has: the size {@link #eachOf} needs for {@code tops}. */
    static int maxRules() {
        int max = 0;
        for (Rule[] r : ARRAYS) {
            max = Math.max(max, r.length);
        }
        return max;
    }

    /** Receives each id a rule reaches; {@code indexes} hold the array positions of the rule's '*' steps. */
    interface Visit {
        void at(JsonNode value, Rule rule, int[] indexes);
    }

    /**
     * Calls {@code visit} for every non-null value the rule's path reaches from the value of its first field. No
     * pointer is built here: most references resolve and never need one ({@link #pointer} builds it for those that
     * do). The common shapes (a field, a list of ids) are handled directly; the deep paths (checklist items, history
     * values) by the general walk.
     */
    private static void from(JsonNode top, Rule rule, int[] indexes, Visit visit) {
        String[] path = rule.path();
        if (top == null || top.isNull()) {
            return;
        }
        if (path.length == 1) {
            visit.at(top, rule, indexes);
        } else if (rule.list()) {
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
