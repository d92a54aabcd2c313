package io.kaitenimport.cli;

import io.kaitenimport.emit.Json;
import io.kaitenimport.validate.SchemaCatalog;

import java.util.Set;

/**
 * Start-up work done on the second core while the main thread is still in picocli (which spends about 0.1 s reading
 * annotations): the Jackson mapper and the compiled record schemas every package-reading command needs next. The
 * main thread takes them as they are when it gets there (class initialisation and the catalog wait for each other),
 * so nothing changes but when the work is done.
 */
final class Warmup {
    private static final Set<String> READERS = Set.of("convert", "validate", "inspect", "preflight");

    private Warmup() {
    }

    /** @param command the subcommand named, or null (help, --version, no arguments): then nothing starts */
    static boolean start(String command) {
        if (command == null || !READERS.contains(command)) {
            return false;
        }
        Thread t = new Thread(() -> {
            try {
                Json.MAPPER.getFactory();
                SchemaCatalog.standard().compileAll();
            } catch (RuntimeException | Error e) {
                // the main thread meets the same problem where it matters, and reports it there
            }
        }, "kaiten-import-warmup");
        t.setDaemon(true);
        t.start();
        return true;
    }
}
