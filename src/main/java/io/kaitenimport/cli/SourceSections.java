package io.kaitenimport.cli;

import io.kaitenimport.pipeline.SourceAdapters;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds each adapter's options to {@code convert} as its own section of the help ("CSV export options: …"), from
 * the adapters' picocli-annotated option classes. A new source's options appear here without touching the CLI.
 */
final class SourceSections implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
        ConvertCommand command = (ConvertCommand) spec.userObject();
        SourceAdapters adapters = SourceAdapters.standard();
        for (Class<?> type : adapters.optionTypes()) {
            Object instance;
            try {
                instance = type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(type + " needs a public no-arg constructor", e);
            }
            List<String> users = adapters.usersOf(type);
            ArgGroupSpec.Builder group = ArgGroupSpec.builder()
                    .heading("%n" + String.join(" and ", users) + " options:%n")
                    .exclusive(false).validate(false).multiplicity("0..1");
            List<OptionSpec> options = new ArrayList<>();
            for (OptionSpec o : CommandSpec.forAnnotatedObject(instance).options()) {
                OptionSpec copy = OptionSpec.builder(o).build();
                group.addArg(copy);
                options.add(copy);
            }
            spec.addArgGroup(group.build());
            command.sourceOptions.put(type, instance);
            command.sourceOptionSpecs.put(type, options);
        }
        return spec;
    }
}
