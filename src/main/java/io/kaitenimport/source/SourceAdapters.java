package io.kaitenimport.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The known adapters, in detection order (the most specific sniffers first). */
public final class SourceAdapters {
    private final List<SourceAdapter> adapters;

    public SourceAdapters(List<SourceAdapter> adapters) {
        this.adapters = List.copyOf(adapters);
    }

    public static SourceAdapters standard() {
        List<SourceAdapter> list = new ArrayList<>();
        // Adapters register here as they are written; order matters only for detection.
        list.add(new io.kaitenimport.source.trello.TrelloSourceAdapter());
        list.add(new io.kaitenimport.source.jira.JiraSourceAdapter());
        list.add(new io.kaitenimport.source.xlsx.XlsxSourceAdapter());
        list.add(new io.kaitenimport.source.csv.CsvSourceAdapter());
        return new SourceAdapters(list);
    }

    public List<SourceAdapter> all() {
        return adapters;
    }

    public Optional<SourceAdapter> byName(String name) {
        return adapters.stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
    }

    public List<String> names() {
        return adapters.stream().map(SourceAdapter::name).toList();
    }
}
