package io.kaitenimport.emit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.kaitenimport.model.Entity;
import io.kaitenimport.model.ImportRecord;
import io.kaitenimport.model.MappingEntry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Streams records into entity files inside a staging directory: {@code <entity>_<n>.json}, a new shard every
 * {@code shardSize} records. {@link #finish()} closes the files and writes {@code meta-data.json}; the caller then
 * validates the staged directory and {@link #publish publishes} it as a zip or directory, or {@link #close()}s
 * to throw it away. Nothing appears at the output path until the package is complete.
 */
public final class PackageWriter implements ModelSink, AutoCloseable {
    public static final String META = "meta-data.json";
    public static final String FILES_DIR = "files";

    private final Path stage;
    private final int shardSize;
    private final boolean pretty;
    private final ObjectWriter writer;
    private final Map<Entity, Shards> open = new EnumMap<>(Entity.class);
    private final Map<Entity, Long> counts = new EnumMap<>(Entity.class);
    private final Map<Entity, TreeMap<String, Long>> mappings = new EnumMap<>(Entity.class);
    private final Map<Entity, List<String>> copied = new EnumMap<>(Entity.class);
    private boolean finished;
    private boolean published;
    private final Path createdRoot;
    /** The zip being made beside the run, for a .zip output. */
    private volatile ZipPacking zip;
    private final Thread cleanup;
    private java.util.function.Consumer<String> progress;
    private java.util.function.Consumer<ImportRecord> observer = r -> { };
    private long written;
    private long lastProgress = System.nanoTime();

    /** Stages next to {@code output} so the final move stays on one file system. */
    public PackageWriter(Path output, int shardSize) throws IOException {
        this(output, shardSize, false);
    }

    /** @param pretty indented JSON instead of the compact one-record-per-line default */
    public PackageWriter(Path output, int shardSize, boolean pretty) throws IOException {
        this.pretty = pretty;
        // Records go into a shard's generator one after another: flushing after each (Jackson's default) made one
        // write call per record, which stalled the writer thread for 4.7 of a 1M-row conversion's 13 s.
        this.writer = Json.MAPPER.writer(Json.printer(pretty))
                .without(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        if (shardSize < 1) {
            throw new IllegalArgumentException("shard size must be at least 1");
        }
        Path parent = output.toAbsolutePath().getParent();
        Path missing = null;
        for (Path p = parent; p != null && !Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        this.createdRoot = missing;
        Files.createDirectories(parent);
        this.stage = Files.createTempDirectory(parent, "." + output.getFileName() + ".staging-");
        this.shardSize = shardSize;
        // A zip's shards are deflated as the writer closes them, beside the conversion, not all at the end.
        this.zip = ZipPacking.isZip(output) ? new ZipPacking(stage, output) : null;
        // Ctrl-C or a kill during a long run must not leave a half-written staging folder behind.
        this.cleanup = new Thread(this::discard, "kaiten-import-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** Long runs report how far they are, every few seconds, to whoever listens (the terminal). */
    public void onProgress(java.util.function.Consumer<String> listener) {
        this.progress = listener;
    }

    /** Sees every record as it is written (the report's board preview); must not keep them. */
    public void observe(java.util.function.Consumer<ImportRecord> listener) {
        this.observer = listener;
    }

    public Path stage() {
        return stage;
    }

    @Override
    public void accept(ImportRecord record) throws IOException {
        if (finished && !(record instanceof MappingEntry)) {
            throw new IllegalStateException("package already finished");
        }
        Entity entity = record.entity();
        observer.accept(record);
        counts.merge(entity, 1L, Long::sum);
        if (progress != null && ++written % 1000 == 0 && System.nanoTime() - lastProgress > 3_000_000_000L) {
            lastProgress = System.nanoTime();
            progress.accept(String.format(java.util.Locale.ROOT, "… %,d records written (%s)", written, counts));
        }
        if (record instanceof MappingEntry m) {
            // Mapping files are single objects keyed by external id; they are small (one entry per reused field).
            mappings.computeIfAbsent(entity, e -> new TreeMap<>()).put(m.id(), m.kaitenId());
            return;
        }
        background.write(record);
    }

    private final RecordQueue background = new RecordQueue(r -> open.computeIfAbsent(r.entity(), Shards::new).write(r));

    /**
     * Copies an attachment binary into the package and returns its {@code ./}-relative path, which goes into
     * the files record's {@code path}.
     */
    public String addBinary(String fileId, String name, Path source) throws IOException {
        return addFile(FILES_DIR, fileId, name, source);
    }

    @Override
    public boolean storesFiles() {
        return true;
    }

    @Override
    public String addFile(String folder, String ownerId, String name, Path source) throws IOException {
        String relative = FileNames.relative(folder, ownerId, name);
        Path target = stage.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        return "./" + relative;
    }

    @Override
    public String addFile(String folder, String ownerId, String name, byte[] content) throws IOException {
        String relative = FileNames.relative(folder, ownerId, name);
        Path target = stage.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.write(target, content);
        return "./" + relative;
    }

    /**
     * Copies a file of another package into this one unchanged (pre-flight rewrites a package with mappings
     * added). With an entity, the file is listed for it in meta-data.json under its original name.
     */
    public void copyFile(Entity entity, String name, java.io.InputStream in) throws IOException {
        if (finished) {
            throw new IllegalStateException("package already finished");
        }
        Path target = stage.resolve(name).normalize();
        if (!target.startsWith(stage) || name.equals(META)) {
            throw new IllegalArgumentException("unsafe package file name " + name);
        }
        Files.createDirectories(target.getParent());
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        if (entity != null) {
            copied.computeIfAbsent(entity, e -> new ArrayList<>()).add(name);
        }
    }

    /** Records written so far, per entity. */
    public Map<Entity, Long> counts() {
        return new EnumMap<>(counts);
    }

    /**
     * Closes every entity file and writes meta-data.json. Mapping entries may still be added afterwards (a
     * pre-flight computes them from the finished package); calling finish() again rewrites the mapping files and
     * meta-data.json.
     */
    public void finish() throws IOException {
        finished = true;
        background.drain();
        background.stop();
        Map<Entity, List<String>> paths = new EnumMap<>(Entity.class);
        for (Shards s : open.values()) {
            s.close();
            paths.put(s.entity, s.names);
        }
        copied.forEach((e, names) -> paths.computeIfAbsent(e, x -> new ArrayList<>()).addAll(names));
        for (Map.Entry<Entity, TreeMap<String, Long>> m : mappings.entrySet()) {
            String name = m.getKey().key() + "_0.json";
            try (OutputStream out = Files.newOutputStream(stage.resolve(name))) {
                writer.writeValue(out, m.getValue());
                out.write('\n');
            }
            paths.put(m.getKey(), List.of(name));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        List<String> entities = new ArrayList<>();
        Map<String, List<String>> pathMap = new LinkedHashMap<>();
        for (Entity e : Entity.values()) {
            List<String> names = paths.get(e);
            if (names != null) {
                entities.add(e.key());
                pathMap.put(e.key(), names.stream().map(n -> "./" + n).toList());
            }
        }
        meta.put("entities", entities);
        meta.put("entities_paths_map", pathMap);
        try (OutputStream out = Files.newOutputStream(stage.resolve(META))) {
            writer.writeValue(out, meta);
            out.write('\n');
        }
    }

    /**
     * Starts packing the finished package into a temporary zip beside {@code output} on another thread, so that
     * packing overlaps validation (which only reads the staged files); {@link #publish} then waits for it. The zip
     * is the same bytes as a sequential one. No-op for directory output.
     */
    public void startPacking(Path output) throws IOException {
        if (!finished) {
            throw new IllegalStateException("finish() first");
        }
        if (ZipPacking.isZip(output)) {
            packingFor(output).start();
        }
    }

    private ZipPacking packingFor(Path output) throws IOException {
        if (zip == null || !zip.output().equals(output)) {
            if (zip != null) {
                zip.awaitQuietly();
                zip.discard();
            }
            zip = new ZipPacking(stage, output);
        }
        return zip;
    }

    /** Moves the finished package into place: a zip when {@code output} ends in .zip, else a directory. */
    public void publish(Path output) throws IOException {
        if (!finished) {
            throw new IllegalStateException("finish() first");
        }
        if (ZipPacking.isZip(output)) {
            checkReplaceable(output);
            packingFor(output).publish();
            FileTrees.delete(stage);
        } else {
            checkReplaceable(output);
            if (Files.exists(output)) {
                FileTrees.delete(output);
            }
            try (java.util.stream.Stream<Path> all = Files.walk(stage)) {
                for (Path p : all.toList()) {
                    readable(p, Files.isDirectory(p));
                }
            }
            Files.move(stage, output, StandardCopyOption.ATOMIC_MOVE);
        }
        published = true;
    }

    /**
     * A package may only replace nothing, a .zip file, or an earlier package directory (one with meta-data.json at
     * its root) — never a folder or file of the user's.
     */
    public static void checkReplaceable(Path output) throws IOException {
        if (!Files.exists(output, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        boolean zip = output.getFileName() != null
                && output.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
        if (zip && Files.isRegularFile(output, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!zip && Files.isDirectory(output, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isRegularFile(output.resolve(META))) {
                return;
            }
            try (java.util.stream.Stream<Path> s = Files.list(output)) {
                if (s.findAny().isEmpty()) {
                    return;
                }
            }
        }
        throw new java.nio.file.FileAlreadyExistsException(output.toString(), null, "exists and is not an earlier "
                + "package (a .zip, or a folder with " + META + "); choose another output path or remove it");
    }

    /** Temp files are private (0600/0700); a published package gets the usual 0644/0755 on POSIX systems. */
    static void readable(Path p, boolean dir) throws IOException {
        if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                    dir ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }

    /** Throws away whatever is staged (a no-op after a successful publish). */
    @Override
    public void close() throws IOException {
        background.stop();
        ZipPacking z = zip;
        if (z != null) {
            z.awaitQuietly(); // let it finish before its file and the stage are deleted
        }
        for (Shards s : open.values()) {
            try {
                s.close();
            } catch (IOException ignored) {
                // the staging directory is deleted anyway
            }
        }
        discard();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; it does the same work
        }
    }

    /** Deletes the staging folder, a half-written zip, and folders this run created for an unpublished output. */
    private synchronized void discard() {
        ZipPacking z = zip;
        if (z != null) {
            z.discard();
        }
        try {
            FileTrees.delete(stage);
            if (!published && createdRoot != null && Files.isDirectory(createdRoot)) {
                try (java.util.stream.Stream<Path> walk = Files.walk(createdRoot)) {
                    if (walk.allMatch(Files::isDirectory)) {
                        FileTrees.delete(createdRoot);
                    }
                }
            }
        } catch (IOException ignored) {
            // best effort: nothing else can be done on the way out
        }
    }

    /** The open shard files of one entity. */
    private final class Shards {
        final Entity entity;
        final List<String> names = new ArrayList<>();
        JsonGenerator gen;
        OutputStream out;
        long inShard;

        Shards(Entity entity) {
            this.entity = entity;
        }

        void write(ImportRecord record) throws IOException {
            if (gen == null || inShard >= shardSize) {
                boolean full = gen != null;
                close();
                ZipPacking z = zip;
                if (full && z != null) {
                    z.shardDone(names.get(names.size() - 1)); // final now: only an entity's last shard grows
                }
                String name = entity.key() + "_" + names.size() + ".json";
                names.add(name);
                out = Files.newOutputStream(stage.resolve(name));
                gen = Json.MAPPER.getFactory().createGenerator(out);
                gen.writeStartArray();
                inShard = 0;
            }
            writer.writeValue(gen, record);
            inShard++;
        }

        void close() throws IOException {
            if (gen != null) {
                gen.writeEndArray();
                gen.writeRaw('\n');
                gen.close();
                out.close();
                gen = null;
            }
        }
    }
}
