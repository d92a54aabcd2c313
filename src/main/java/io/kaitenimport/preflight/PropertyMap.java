package io.kaitenimport.preflight;

import io.kaitenimport.issue.Location;
import io.kaitenimport.issue.SourceException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --property-map FILE}: YAML {@code external id or field name: Kaiten property id}, forcing or overriding
 * the name match. Keys and values are checked against the package and the target by the caller.
 *
 * @param entries key → (Kaiten id, line of the entry)
 */
public record PropertyMap(Path file, Map<String, Entry> entries) {
    public record Entry(long kaitenId, int line) {
    }

    public static PropertyMap empty() {
        return new PropertyMap(null, Map.of());
    }

    public static PropertyMap load(Path file) {
        Node root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(r);
        } catch (IOException e) {
            throw new SourceException(Location.file(file.toString()), "cannot read: " + e.getMessage());
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new SourceException(Location.cell(file.toString(), mark.getLine() + 1, (long) mark.getColumn() + 1,
                    null), "not valid YAML: " + e.getProblem());
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (root == null) {
            return new PropertyMap(file, entries);
        }
        if (!(root instanceof MappingNode map)) {
            throw new SourceException(Location.cell(file.toString(), root.getStartMark().getLine() + 1, null, null),
                    "expected lines like 'Priority: 12345' (field id or name: Kaiten property id)");
        }
        for (NodeTuple t : map.getValue()) {
            int line = t.getKeyNode().getStartMark().getLine() + 1;
            Location at = Location.cell(file.toString(), line, (long) t.getKeyNode().getStartMark().getColumn() + 1,
                    null);
            if (!(t.getKeyNode() instanceof ScalarNode k) || !(t.getValueNode() instanceof ScalarNode v)) {
                throw new SourceException(at, "expected 'field id or name: Kaiten property id'");
            }
            long id;
            try {
                id = Long.parseLong(v.getValue().strip());
            } catch (NumberFormatException e) {
                throw new SourceException(at.withField(k.getValue()), "'" + v.getValue()
                        + "' is not a Kaiten property id (an integer)");
            }
            if (entries.put(k.getValue(), new Entry(id, line)) != null) {
                throw new SourceException(at.withField(k.getValue()), "given twice");
            }
        }
        return new PropertyMap(file, entries);
    }
}
