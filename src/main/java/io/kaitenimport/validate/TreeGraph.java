package io.kaitenimport.validate;

import io.kaitenimport.issue.Issue;
import io.kaitenimport.issue.IssueCode;
import io.kaitenimport.issue.Location;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The left-menu tree: spaces, folders and documents linked by {@code parent_entity_id}. Holds one parent id and
 * one position per record (not the records), and reports each cycle once, at the first record of it that was read.
 */
final class TreeGraph {
    private record Node(String parent, Location where, long order) {
    }

    private final Map<String, Node> nodes = new HashMap<>();
    private long read;

    void add(String id, String parent, Location where) {
        if (id != null && parent != null) {
            nodes.putIfAbsent(id, new Node(parent, where, read++));
        }
    }

    void check(Consumer<Issue> out) {
        Set<String> done = new HashSet<>();
        List<String> ids = new ArrayList<>(nodes.keySet());
        ids.sort(java.util.Comparator.comparingLong(id -> nodes.get(id).order()));
        for (String start : ids) {
            List<String> path = new ArrayList<>();
            Set<String> onPath = new HashSet<>();
            String at = start;
            while (at != null && !done.contains(at) && nodes.containsKey(at)) {
                if (!onPath.add(at)) {
                    List<String> cycle = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
                    String first = cycle.stream().min(java.util.Comparator.comparingLong(i -> nodes.get(i).order()))
                            .orElse(at);
                    cycle.add(cycle.get(0));
                    out.accept(Issue.of(IssueCode.REF_CYCLE, nodes.get(first).where(), String.join(" → ", cycle)));
                    break;
                }
                path.add(at);
                at = nodes.get(at).parent();
            }
            done.addAll(path);
        }
    }
}
