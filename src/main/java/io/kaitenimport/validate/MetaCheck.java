package io.kaitenimport.validate;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kaitenimport.emit.Json;
import io.kaitenimport.model.Entity;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks meta-data.json: its schema, and the rules a schema cannot state well (listed ⇔ mapped, boards with
 * columns, paths that stay inside the package and exist). The dedicated rules give sharper messages, so a schema
 * error about the same spot is not repeated.
 */
final class MetaCheck {
    private final PackageReader reader;
    private final SchemaCatalog schemas;
    private final IssueCollector issues;
    private final List<Issue> found = new ArrayList<>();
    /** Pointers a dedicated rule has explained; schema errors at, above or below them are redundant. */
    /** Pointers already reported by a rule of ours; sorted, so both ancestors and descendants are found fast. */
    private final java.util.NavigableSet<String> covered = new java.util.TreeSet<>();

    MetaCheck(PackageReader reader, SchemaCatalog schemas, IssueCollector issues) {
        this.reader = reader;
        this.schemas = schemas;
        this.issues = issues;
    }

    /** The files to read, or null when meta-data.json is missing or unreadable and nothing can be validated. */
    MetaData run() throws IOException {
        if (!reader.exists(PackagePaths.META)) {
            issues.add(IssueCode.META_MISSING, Location.NONE);
            return null;
        }
        JsonNode meta;
        try (InputStream in = reader.open(PackagePaths.META)) {
            meta = Json.MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            Location at = Location.file(PackagePaths.META);
            if (e.getLocation() != null) {
                at = at.withLine((long) e.getLocation().getLineNr(), (long) e.getLocation().getColumnNr());
            }
            issues.add(IssueCode.META_SCHEMA, at, "not valid JSON: " + io.kaitenimport.emit.JsonErrors.describe(e));
            return null;
        }
        if (meta == null || meta.isMissingNode()) {
            issues.add(IssueCode.META_SCHEMA, Location.file(PackagePaths.META), "the file is empty");
            return null;
        }
        MetaData result = check(meta);
        for (Issue i : SchemaErrors.toIssues(schemas.errors(SchemaCatalog.META_FILE, meta), Location.file(PackagePaths.META),
                IssueCode.META_SCHEMA)) {
            if (!isCovered(i.location().pointer())) {
                issues.accept(i);
            }
        }
        found.forEach(issues);
        return result;
    }

    private MetaData check(JsonNode meta) {
        JsonNode entities = meta.path("entities");
        JsonNode pathsMap = meta.path("entities_paths_map");
        Map<String, Integer> listed = new LinkedHashMap<>();
        if (entities.isArray()) {
            for (int i = 0; i < entities.size(); i++) {
                JsonNode e = entities.get(i);
                if (!e.isTextual()) {
                    continue;
                }
                listed.putIfAbsent(e.asText(), i);
                if (Entity.byKey(e.asText()).isEmpty()) {
                    report(IssueCode.META_UNKNOWN_ENTITY, "/entities/" + i, e.asText());
                }
            }
        }
        Map<Entity, List<MetaData.EntityFile>> files = new EnumMap<>(Entity.class);
        Set<String> referenced = new HashSet<>();
        if (pathsMap.isObject()) {
            for (Map.Entry<String, JsonNode> m : pathsMap.properties()) {
                String name = m.getKey();
                String pointer = "/entities_paths_map/" + escape(name);
                var entity = Entity.byKey(name);
                if (entity.isEmpty()) {
                    if (!listed.containsKey(name)) {
                        report(IssueCode.META_UNKNOWN_ENTITY, pointer, name);
                    }
                    covered.add(pointer);
                } else if (entities.isArray() && !listed.containsKey(name)) {
                    report(IssueCode.META_PATH_NOT_LISTED, pointer, name);
                }
                List<MetaData.EntityFile> usable = paths(m.getValue(), pointer, referenced);
                // Without an 'entities' list (a schema error of its own) the map alone says what to read.
                boolean read = entities.isArray() ? listed.containsKey(name) : true;
                if (entity.isPresent() && read) {
                    files.put(entity.get(), usable);
                }
            }
        }
        for (Map.Entry<String, Integer> l : listed.entrySet()) {
            if (Entity.byKey(l.getKey()).isPresent() && pathsMap.isObject() && !pathsMap.has(l.getKey())) {
                report(IssueCode.META_ENTITY_WITHOUT_PATH, "/entities/" + l.getValue(), l.getKey());
                covered.add("/entities_paths_map/" + escape(l.getKey()));
            }
        }
        Set<String> present = entities.isArray() ? listed.keySet() : keys(pathsMap);
        pair(present, listed, "boards", "columns");
        pair(present, listed, "columns", "boards");
        return new MetaData(files, referenced);
    }

    private void pair(Set<String> present, Map<String, Integer> listed, String one, String other) {
        if (present.contains(one) && !present.contains(other)) {
            Integer at = listed.get(one);
            report(IssueCode.META_BOARDS_COLUMNS,
                    at != null ? "/entities/" + at : "/entities_paths_map/" + one, one, other);
        }
    }

    /** Checks one entity's path value (an array, or a single string) and returns the usable files. */
    private List<MetaData.EntityFile> paths(JsonNode value, String pointer, Set<String> referenced) {
        List<MetaData.EntityFile> usable = new ArrayList<>();
        if (value.isTextual()) {
            // The single-string form comes from a third-party SDK whose examples omit the './' prefix.
            path(value.asText(), pointer, false, usable, referenced);
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                if (value.get(i).isTextual()) {
                    path(value.get(i).asText(), pointer + "/" + i, true, usable, referenced);
                }
            }
        }
        return usable;
    }

    private void path(String raw, String pointer, boolean mustBeDotRelative, List<MetaData.EntityFile> usable,
                      Set<String> referenced) {
        if (PackagePaths.isUnsafe(raw) || PackagePaths.normalize(raw).isEmpty()) {
            report(IssueCode.META_PATH_UNSAFE, pointer, raw);
            return;
        }
        String name = PackagePaths.normalize(raw);
        // Without './' the file is still meant, so it is not "unlisted"; but the array form requires the prefix.
        referenced.add(name);
        if (mustBeDotRelative && !raw.startsWith("./")) {
            covered.add(pointer);
            found.add(new Issue(IssueCode.META_PATH_UNSAFE, IssueCode.META_PATH_UNSAFE.severity(),
                    "path '" + raw + "' must start with './'", Location.file(PackagePaths.META).withPointer(pointer)));
            return;
        }
        if (!reader.exists(name)) {
            report(IssueCode.META_FILE_MISSING, pointer, raw);
            return;
        }
        usable.add(new MetaData.EntityFile(name, pointer));
    }

    /** Warns about JSON files nobody will import; attachments under files/ are referenced by records instead. */
    void unlisted(MetaData meta) {
        for (String name : reader.names()) {
            if (name.toLowerCase(Locale.ROOT).endsWith(".json") && !name.equals(PackagePaths.META)
                    && !name.startsWith("files/") && !meta.referenced().contains(name)) {
                issues.add(IssueCode.META_FILE_UNLISTED, Location.file(name), name);
            }
        }
    }

    private void report(IssueCode code, String pointer, Object... args) {
        covered.add(pointer);
        found.add(Issue.of(code, Location.file(PackagePaths.META).withPointer(pointer), args));
    }

    private boolean isCovered(String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return false;
        }
        // The pointer itself or an ancestor of it, walking up one segment at a time …
        for (String p = pointer; !p.isEmpty(); p = p.substring(0, Math.max(0, p.lastIndexOf('/')))) {
            if (covered.contains(p)) {
                return true;
            }
        }
        // … or a descendant: every "pointer/…" sorts between "pointer/" and "pointer0" ('0' follows '/').
        return !covered.subSet(pointer + "/", true, pointer + "0", false).isEmpty();
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> keys = new HashSet<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
