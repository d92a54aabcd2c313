package io.kaitenimport.robust.fuzz;

import io.kaitenimport.cli.Cli;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Deterministic mutation testing (issue 14): every sample of every source, and packages for {@code validate}, are
 * mutated with seeded operators (bytes, text encodings, JSON values, zip entries) and run through the real command
 * line in-process. Every mutant must end in exit 0, 1 or 2 (3 is a bug), within a generous bound, with output in
 * our words (no stack trace, Java class or library setting names) and nothing left beside the output.
 *
 * <p>{@code -Dkaiten.fuzz.mutants=N} sets mutants per source (default 50; the {@code heavy} Maven profile uses
 * 1,000); {@code -Dkaiten.fuzz.seed=S} changes the seed. A failing mutant is saved under
 * {@code target/fuzz-failures/} with its seed and operator in the file name and the message.
 */
class FuzzTest {
    /** Mutants per source: a quick subset in {@code mvn verify}, ≥ 1,000 with {@code -Pheavy}. */
    private static final int MUTANTS = Integer.getInteger("kaiten.fuzz.mutants", 50);
    private static final long SEED = Long.getLong("kaiten.fuzz.seed", 14L);
    /** A hang guard, not a speed claim: the samples convert in well under a second. */
    private static final long BOUND_SECONDS = 60;
    private static final Path SAMPLES = Path.of("sample-exports");

    /** CSV/JSON/ZIP: the sample file; FOLDER_ZIP: a sample folder, zipped (wikis read folders and zips alike). */
    enum Format { CSV, JSON, ZIP, FOLDER_ZIP }

    /** One mutation target: adding a source is one line in {@link #targets()}. */
    record Target(String name, String sample, Format format, boolean validate, List<String> args) {
    }

    static List<Target> targets() {
        return List.of(
                convert("csv", "csv/tasks-en.csv", Format.CSV, "--users", "csv/users.csv"),
                convert("xlsx", "xlsx/project-plan.xlsx", Format.ZIP),
                convert("trello", "trello/garden-board.json", Format.JSON,
                        "--users", "trello/users.csv", "--attachments", "trello/attachments"),
                convert("trello-no-users", "trello/garden-board.json", Format.JSON),
                convert("jira-cloud", "jira/cloud-v3-search.json", Format.JSON, "--users", "jira/users.csv"),
                convert("jira-server", "jira/server-v2-search.json", Format.JSON, "--users", "jira/users.csv"),
                convert("jira-csv", "jira-csv/server-v2.csv", Format.CSV, "--users", "jira-csv/users.csv"),
                convert("wiki", "wiki/handbook", Format.FOLDER_ZIP),
                convert("asana-json", "asana/launch-plan.json", Format.JSON, "--users", "asana/users.csv"),
                convert("asana-csv", "asana/launch-plan.csv", Format.CSV, "--users", "asana/users.csv"),
                new Target("validate-zip", "trello/garden-board.json", Format.ZIP, true,
                        List.of("--users", "trello/users.csv", "--attachments", "trello/attachments")),
                new Target("validate-jira-zip", "jira/cloud-v3-search.json", Format.ZIP, true,
                        List.of("--users", "jira/users.csv")));
    }

    private static Target convert(String name, String sample, Format format, String... args) {
        return new Target(name, sample, format, false, List.of(args));
    }

    private static final Pattern LEAK = Pattern.compile(
            "\\b[A-Z]\\w*(Exception|Error)\\b|\\tat |\\bjava\\.|\\bjavax\\.|org\\.apache|org\\.tukaani|org\\.yaml"
                    + "|com\\.fasterxml|com\\.networknt|picocli|StreamReadConstraints|[Jj]ackson|SnakeYAML"
                    + "|\\(code \\d|at \\[Source|getMax\\w+\\(");

    @TestFactory
    Stream<DynamicTest> everyMutantEndsCleanly() {
        return targets().stream().map(t -> DynamicTest.dynamicTest(t.name() + " x" + MUTANTS, () -> run(t)));
    }

    private static void run(Target t) throws Exception {
        Path work = Files.createTempDirectory("fuzz-" + t.name());
        ExecutorService pool = Executors.newSingleThreadExecutor(daemon());
        Map<String, List<String>> failures = new LinkedHashMap<>();
        int[] exits = new int[4];
        long started = System.nanoTime();
        try {
            byte[] original = t.validate() ? packageOf(t, work) : t.format() == Format.FOLDER_ZIP
                    ? zipOf(SAMPLES.resolve(t.sample())) : Files.readAllBytes(SAMPLES.resolve(t.sample()));
            String fileName = t.validate() ? "package.zip" : Path.of(t.sample()).getFileName()
                    + (t.format() == Format.FOLDER_ZIP ? ".zip" : "");
            for (int i = 0; i < MUTANTS; i++) {
                long seed = SEED * 1_000_003L + t.name().hashCode() * 31L + i;
                Mutations.Mutant m = mutate(t.format(), original, new Random(seed));
                Path dir = Files.createDirectories(work.resolve("run" + i));
                Path input = Files.write(Files.createDirectories(dir.resolve("in")).resolve(fileName), m.bytes());
                Path outDir = Files.createDirectories(dir.resolve("out"));
                Path out = outDir.resolve("out.zip");
                List<String> args = new ArrayList<>();
                if (t.validate()) {
                    args.addAll(List.of("validate", input.toString()));
                } else {
                    args.addAll(List.of("convert", input.toString()));
                    for (String a : t.args()) {
                        args.add(a.contains("/") ? SAMPLES.resolve(a).toString() : a);
                    }
                    args.addAll(List.of("-o", out.toString()));
                }
                String problem;
                int exit = -1;
                Future<Cli.Run> f = pool.submit(() -> Cli.run(args.toArray(String[]::new)));
                try {
                    Cli.Run r = f.get(BOUND_SECONDS, TimeUnit.SECONDS);
                    exit = r.exit();
                    problem = judge(r, outDir, out, input, m.bytes().length);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    pool.shutdownNow();
                    pool = Executors.newSingleThreadExecutor(daemon());
                    problem = "hang: no result after " + BOUND_SECONDS + " s";
                } catch (java.util.concurrent.ExecutionException e) {
                    problem = "escaped: " + e.getCause();
                }
                if (exit >= 0 && exit < 4) {
                    exits[exit]++;
                }
                if (problem != null) {
                    String key = problem.replaceAll("\\d+", "N");
                    key = key.substring(0, Math.min(160, key.length()));
                    Path saved = save(t, i, seed, fileName, m.bytes());
                    failures.computeIfAbsent(key, k -> new ArrayList<>())
                            .add("#" + i + " seed " + seed + " [" + m.what() + "] -> " + problem + " (saved " + saved + ")");
                }
                deleteTree(dir);
            }
        } finally {
            pool.shutdownNow();
            deleteTree(work);
        }
        System.out.printf("fuzz %s: %d mutants, exits 0/1/2/3 = %d/%d/%d/%d, %d failure classes, %.1f s%n",
                t.name(), MUTANTS, exits[0], exits[1], exits[2], exits[3], failures.size(),
                (System.nanoTime() - started) / 1e9);
        if (!failures.isEmpty()) {
            StringBuilder sb = new StringBuilder(t.name() + ": " + failures.size() + " failure class(es)\n");
            failures.forEach((k, v) -> sb.append("- ").append(v.size()).append("x ").append(v.get(0)).append('\n'));
            fail(sb.toString());
        }
    }

    private static Mutations.Mutant mutate(Format format, byte[] original, Random r) {
        int pick = r.nextInt(10);
        return switch (format) {
            case CSV -> pick < 6 ? Mutations.bytes(original, r) : Mutations.text(original, r);
            case JSON -> pick < 5 ? Mutations.json(original, r)
                    : pick < 8 ? Mutations.bytes(original, r) : Mutations.text(original, r);
            case ZIP, FOLDER_ZIP -> pick < 8 ? ZipMutations.mutate(original, r) : Mutations.bytes(original, r);
        };
    }

    /** Returns what is wrong with one run, or null. */
    private static String judge(Cli.Run r, Path outDir, Path out, Path input, long inputSize) throws IOException {
        String all = r.all();
        if (r.exit() == 3 || r.exit() < 0 || r.exit() > 2) {
            return "exit " + r.exit() + ": " + firstLine(r.err().isBlank() ? all : r.err());
        }
        var leak = LEAK.matcher(all);
        if (leak.find()) {
            return "leaks '" + leak.group() + "': " + lineOf(all, leak.start());
        }
        for (String line : all.split("\n")) {
            if (line.length() > 4_000) {
                return "a " + line.length() + "-character line: " + line.substring(0, 120);
            }
        }
        try (Stream<Path> s = Files.list(outDir)) {
            List<String> left = s.map(p -> p.getFileName().toString()).sorted().toList();
            List<String> expected = r.exit() == 0 && out.startsWith(outDir) && Files.isRegularFile(out)
                    ? List.of("out.zip") : List.of();
            if (!left.equals(expected)) {
                return "exit " + r.exit() + " left " + left + " beside the output";
            }
        }
        try (Stream<Path> s = Files.list(input.getParent())) {
            if (s.count() != 1) {
                return "files appeared beside the input";
            }
        }
        if (Files.size(input) != inputSize) {
            return "the input was changed";
        }
        return null;
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    private static String lineOf(String s, int at) {
        int from = s.lastIndexOf('\n', at) + 1;
        int to = s.indexOf('\n', at);
        String line = s.substring(from, to < 0 ? s.length() : to);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /** Converts the target's sample once into the package {@code validate} mutants start from. */
    private static byte[] packageOf(Target t, Path work) throws IOException {
        Path pkg = work.resolve("package.zip");
        List<String> args = new ArrayList<>(List.of("convert", SAMPLES.resolve(t.sample()).toString()));
        for (String a : t.args()) {
            args.add(a.contains("/") ? SAMPLES.resolve(a).toString() : a);
        }
        args.addAll(List.of("-o", pkg.toString(), "-q"));
        Cli.Run r = Cli.run(args.toArray(String[]::new));
        if (r.exit() != 0) {
            fail("the sample package for " + t.name() + " did not convert: " + r.all());
        }
        byte[] b = Files.readAllBytes(pkg);
        Files.delete(pkg);
        return b;
    }

    private static byte[] zipOf(Path folder) throws IOException {
        java.util.Map<String, byte[]> entries = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                entries.put(folder.getFileName() + "/" + folder.relativize(p).toString().replace('\\', '/'),
                        Files.readAllBytes(p));
            }
        }
        return ZipMutations.write(new LinkedHashMap<>(entries), null);
    }

    private static Path save(Target t, int i, long seed, String fileName, byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
        return Files.write(dir.resolve(t.name() + "-" + i + "-seed" + seed + "-" + fileName), bytes);
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread th = new Thread(null, r, "fuzz", 16L << 20);
            th.setDaemon(true);
            return th;
        };
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
