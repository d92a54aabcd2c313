package io.kaitenimport.pipeline;

import io.kaitenimport.emit.PackageWriter;
import io.kaitenimport.issue.Report;
import io.kaitenimport.model.Entity;
import io.kaitenimport.source.CommonOptions;
import io.kaitenimport.source.SourceContext;
import io.kaitenimport.source.SourceOptions;
import io.kaitenimport.source.Users;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Several exports into one package ({@code convert board.json wiki.zip tasks.xlsx}): each input goes through its
 * own adapter, writing through a {@link Namespaced} sink with the prefix {@code i<n>-}. Without {@code --space}
 * every input keeps a space of its own (a wiki names its own; a board source gets one named after its file); with
 * {@code --space} they all share one. The report gets one {@code input N} fact per input with what it brought.
 */
final class Merge {
    private Merge() {
    }

    static void run(List<SourceAdapters.Choice> inputs, SourceOptions options, Report report, Users users,
                    PackageWriter writer) throws IOException {
        String shared = options.common().spaceTitle();
        Namespaced.SharedSpace space = new Namespaced.SharedSpace(shared != null && !shared.isBlank());
        for (int i = 0; i < inputs.size(); i++) {
            SourceAdapters.Choice input = inputs.get(i);
            CommonOptions common = options.common();
            if (common.spaceTitle() == null && !input.adapter().makesOwnSpace()) {
                common = common.withSpace(stem(input.files().get(0)));
            }
            Namespaced sink = new Namespaced(writer, "i" + (i + 1) + "-", space);
            SourceContext ctx = new SourceContext(input.files(), options.withCommon(common), report, users);
            String name = "input " + (i + 1);
            String what = String.join(", ", input.files().stream().map(Path::toString).toList())
                    + " (" + input.adapter().name() + ", ids i" + (i + 1) + "-…)";
            report.fact(name, what);
            Map<String, String> before = new java.util.HashMap<>(report.facts());
            input.adapter().read(ctx, sink);
            report.fact(name, what + ": " + summary(sink.counts()));
            report.scopeFacts(before, name);
        }
    }

    private static String summary(Map<Entity, Long> counts) {
        if (counts.isEmpty()) {
            return "no records";
        }
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().key())
                .collect(Collectors.joining(", "));
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
