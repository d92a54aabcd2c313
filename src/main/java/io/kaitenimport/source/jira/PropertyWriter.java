package io.kaitenimport.source.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.model.Card;
import io.kaitenimport.model.CardDate;
import io.kaitenimport.model.Dates;
import io.kaitenimport.source.FieldTypes;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Pass 2: writes one issue's custom fields (and property-like system fields) onto its card as planned. */
final class PropertyWriter {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final SourceContext ctx;
    private final FieldCatalog catalog;
    private final JiraMapping mapping;
    private final JiraText text;

    /** Card attributes that fields feed besides properties. */
    static final class Extras {
        String size;
        CardDate plannedStart;
        CardDate plannedEnd;
        /** Tag name → the loss key of the field it came from. */
        final Map<String, String> tags = new LinkedHashMap<>();
    }

    PropertyWriter(SourceContext ctx, FieldCatalog catalog, JiraMapping mapping, JiraText text) {
        this.ctx = ctx;
        this.catalog = catalog;
        this.mapping = mapping;
        this.text = text;
    }

    void apply(JsonNode fields, Card.Builder card, Extras extras, IssueStream.Position pos, String issueId) {
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) fields::fields) {
            FieldPlan plan = catalog.planOf(e.getKey());
            if (plan == null || Shape.isEmpty(e.getValue())) {
                continue;
            }
            Location at = pos.at(issueId, "/fields/" + e.getKey());
            Object value = value(plan, e.getValue(), card, extras, at);
            if (value != null) {
                card.addProperty(new Card.Property(plan.kaitenId(), value));
            }
        }
    }

    /** The property value, or null when the field feeds something else or its value is lost (and counted). */
    private Object value(FieldPlan p, JsonNode v, Card.Builder card, Extras extras, Location at) {
        switch (p.kind()) {
            case EPIC_LINK:
                return null;
            case IGNORE:
                return lost(p, "ignored by the mapping file", at);
            case RANK:
                return lost(p, "card order cannot be imported (Kaiten cards have no sort order)", at);
            case LOST:
                return lost(p, "no Kaiten equivalent (app, JSM or unknown object)", at);
            case SIZE:
                String size = number(v) != null ? number(v).stripTrailingZeros().toPlainString() : null;
                if (size == null) {
                    return invalid(p, v, at);
                }
                if (extras.size != null) {
                    return lost(p, "card size already taken from another field", at);
                }
                extras.size = size;
                return null;
            case PLANNED_START, PLANNED_END:
                CardDate d = cardDate(v);
                if (d == null) {
                    return invalid(p, v, at);
                }
                boolean start = p.kind() == FieldKind.PLANNED_START;
                if ((start ? extras.plannedStart : extras.plannedEnd) != null) {
                    return lost(p, "planned date already taken from another field", at);
                }
                if (start) {
                    extras.plannedStart = d;
                } else {
                    extras.plannedEnd = d;
                }
                return null;
            case TAGS:
                OptionValues.of(p.fieldId(), v).forEach(o -> extras.tags.putIfAbsent(o.value(), p.lossKey()));
                return null;
            default:
                return property(p, v, at);
        }
    }

    private Object property(FieldPlan p, JsonNode v, Location at) {
        if (!p.emitted()) {
            return lost(p, "field has no usable values", at);
        }
        switch (p.kind()) {
            case STRING, TEXT, URL: {
                if (v.isObject() && p.kind() != FieldKind.URL) {
                    return v.has("type") ? text.markdown(v, p.fieldId(), at) : invalid(p, v, at);
                }
                if (v.isValueNode()) {
                    return p.kind() == FieldKind.TEXT ? text.markdown(v, p.fieldId(), at) : v.asText().strip();
                }
                List<String> parts = OptionValues.of(p.fieldId(), v).stream().map(OptionValues.Opt::value).toList();
                return parts.isEmpty() ? invalid(p, v, at) : String.join(", ", parts);
            }
            case NUMBER: {
                BigDecimal n = number(v);
                return n == null ? invalid(p, v, at) : (Object) n;
            }
            case DATE, DATETIME: {
                String s = v.isTextual() ? v.asText().strip() : null;
                String iso = s != null && DATE.matcher(s).matches() ? calendarDate(s) : Dates.normalize(s);
                return iso == null ? invalid(p, v, at) : iso;
            }
            case CHECKBOX:
                return v.isBoolean() ? FieldTypes.checked(p.kaitenId(), v.asBoolean()) : invalid(p, v, at);
            case USER: {
                List<String> ids = new ArrayList<>();
                for (JsonNode u : v.isArray() ? v : List.of(v)) {
                    if (Shape.isEmpty(u)) {
                        continue;
                    }
                    if (JiraIssues.person(u) == null) {
                        invalid(p, u, at);
                        continue;
                    }
                    String id = ctx.users().resolve(JiraIssues.person(u), p.lossKey(), at);
                    if (id != null && !ids.contains(id)) {
                        ids.add(id);
                    }
                }
                return ids.isEmpty() ? null : ids;
            }
            default:
                return options(p, v, at);
        }
    }

    private Object options(FieldPlan p, JsonNode v, Location at) {
        List<OptionValues.Opt> found = OptionValues.of(p.fieldId(), v);
        List<String> ids = new ArrayList<>();
        for (OptionValues.Opt o : found) {
            if (!p.optionIds().contains(o.id())) {
                lost(p, "value is not one of the field's options", at);
            } else if (!ids.contains(o.id())) {
                ids.add(o.id());
                if (o.cascaded()) {
                    ctx.losses().lost(p.lossKey(), "cascading select flattened into one 'Parent / Child' option", at);
                }
            }
        }
        boolean single = p.kind() == FieldKind.SELECT || p.kind() == FieldKind.SPRINT && !mapping.allSprints();
        if (single && ids.size() > 1) {
            ctx.losses().lost(p.lossKey(), p.kind() == FieldKind.SPRINT
                    ? "only the last sprint is kept (mapping 'sprints: all' keeps every sprint)"
                    : "a select keeps one value", ids.size() - 1, at);
            ids = List.of(ids.get(ids.size() - 1));
        }
        return ids.isEmpty() ? (found.isEmpty() ? invalid(p, v, at) : null) : ids;
    }

    private Object lost(FieldPlan p, String why, Location at) {
        ctx.losses().lost(p.lossKey(), why, at);
        return null;
    }

    private Object invalid(FieldPlan p, JsonNode v, Location at) {
        String shown = v.toString();
        ctx.issue(IssueCode.SOURCE_VALUE_INVALID, at, p.label() + ": value " + (shown.length() > 80
                ? shown.substring(0, 80) + "…" : shown) + " does not fit a " + p.kind().name().toLowerCase(
                java.util.Locale.ROOT) + " field; dropped");
        return lost(p, "value does not fit the field's type", at);
    }

    /** {@code yyyy-mm-dd} when it is a day of the calendar (strict: no month 13, no 30 February), else null. */
    private static String calendarDate(String s) {
        try {
            return LocalDate.parse(s).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static BigDecimal number(JsonNode v) {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * A date-only value keeps {@code time_present:false}; a date-time becomes UTC; null when it is neither (an
     * impossible date like {@code 2024-13-45} included).
     */
    static CardDate cardDate(JsonNode v) {
        String s = v == null || !v.isTextual() ? null : v.asText().strip();
        if (s == null) {
            return null;
        }
        if (DATE.matcher(s).matches()) {
            return calendarDate(s) == null ? null : CardDate.dateOnly(s);
        }
        String iso = Dates.normalize(s);
        return iso == null ? null : CardDate.dateTime(iso);
    }
}
