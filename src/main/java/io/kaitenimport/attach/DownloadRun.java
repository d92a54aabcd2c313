package io.kaitenimport.attach;

import io.kaitenimport.emit.PackageWriter;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One {@code attachments} run: find every upload in the exports, skip what DIR already holds, download the rest
 * in parallel into a temporary folder, check each file against the export's size, move it to
 * {@code DIR/<attachment id>/<safe name>} — the layout {@code convert --attachments DIR} reads — and keep the
 * manifest. An interrupted run leaves only temporary files (removed on exit, and at the next start).
 */
public final class DownloadRun {
    /** Where the incomplete downloads live; never a name the convert adapters look at. */
    static final String PARTIAL_DIR = ".kaiten-import-partial";
    private static final long MANIFEST_EVERY_NANOS = 5_000_000_000L;
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    /** What to do, how hard to try. */
    public record Options(Path dir, List<UrlPolicy.Rewrite> rewrites, int parallel, int perHost,
                          Downloader.Settings limits) {
    }

    /** Every attachment found (in export order, first of each id) and what happened to it. */
    public record Result(List<Attachment> found, Map<String, Outcome> outcomes, long bytesReceived,
                         Path manifest) {
        public long count(Outcome.Status s) {
            return outcomes.values().stream().filter(o -> o.status() == s).count();
        }

        public boolean complete() {
            return count(Outcome.Status.FAILED) == 0 && outcomes.size() == found.size();
        }
    }

    private final Options options;
    private final Credentials credentials;
    private final Sleeper sleeper;
    private final Consumer<String> progress;
    private final UrlPolicy policy;

    public DownloadRun(Options options, Credentials credentials, Sleeper sleeper, Consumer<String> progress) {
        this.options = options;
        this.credentials = credentials;
        this.sleeper = sleeper;
        this.progress = progress;
        this.policy = new UrlPolicy(options.rewrites());
    }

    /** Every attachment of the exports, first of each id, in export order. */
    public static List<Attachment> find(List<Path> exports) throws IOException {
        Map<String, Attachment> byId = new LinkedHashMap<>();
        for (Path export : exports) {
            AttachmentFinder.forFile(export).find(export, a -> byId.putIfAbsent(a.id(), a));
        }
        return new ArrayList<>(byId.values());
    }

    /** {@code <id>/<safe name>}, or null when the id cannot be a folder name. */
    static String layout(Attachment a) {
        String id = a.id();
        if (!id.matches("[A-Za-z0-9._:-]{1,100}") || id.equals(".") || id.equals("..")) {
            return null;
        }
        return id + "/" + io.kaitenimport.emit.FileNames.safeName(a.name());
    }

    public Result run(List<Attachment> found) throws IOException, InterruptedException {
        Path dir = options.dir();
        Files.createDirectories(dir);
        Path partial = dir.resolve(PARTIAL_DIR);
        clean(partial);
        Files.createDirectories(partial);
        Thread cleanup = new Thread(() -> clean(partial), "kaiten-import-attachments-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        Manifest manifest = Manifest.load(dir);
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        AtomicLong bytes = new AtomicLong();
        AtomicInteger finished = new AtomicInteger();
        AtomicLong lastManifest = new AtomicLong(System.nanoTime());
        AtomicLong lastProgress = new AtomicLong(0);
        Downloader downloader = new Downloader(new HostGate(options.perHost(), sleeper), sleeper, options.limits(),
                bytes);
        ExecutorService pool = Executors.newFixedThreadPool(options.parallel(), r -> {
            Thread t = new Thread(r, "kaiten-import-download");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger tmpNames = new AtomicInteger();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Attachment a : found) {
                Outcome present = present(a, manifest);
                if (present != null) {
                    done(a, present, outcomes, manifest, finished, found.size(), bytes, lastManifest, lastProgress);
                    continue;
                }
                running.add(pool.submit(() -> {
                    Outcome o = download(a, downloader, partial.resolve(tmpNames.incrementAndGet() + ".part"));
                    done(a, o, outcomes, manifest, finished, found.size(), bytes, lastManifest, lastProgress);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(c);
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            manifest.write();
            clean(partial);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
        return new Result(found, outcomes, bytes.get(), manifest.file());
    }

    private void done(Attachment a, Outcome o, Map<String, Outcome> outcomes, Manifest manifest,
                      AtomicInteger finished, int total, AtomicLong bytes, AtomicLong lastManifest,
                      AtomicLong lastProgress) throws IOException {
        outcomes.put(a.id(), o);
        manifest.record(a, o);
        int n = finished.incrementAndGet();
        long now = System.nanoTime();
        long seen = lastManifest.get();
        if (now - seen > MANIFEST_EVERY_NANOS && lastManifest.compareAndSet(seen, now)) {
            manifest.write();
        }
        long shown = lastProgress.get();
        if (progress != null && (n == total || now - shown > PROGRESS_EVERY_NANOS)
                && lastProgress.compareAndSet(shown, now)) {
            long failed = outcomes.values().stream().filter(x -> !x.arrived()).count();
            progress.accept(String.format("attachments: %d/%d done, %d failed, %.1f MB downloaded", n, total, failed,
                    bytes.get() / 1e6));
        }
    }

    /** Already in DIR: the manifest's file with its size, or any file at the layout path (hand-made or lost). */
    private Outcome present(Attachment a, Manifest manifest) throws IOException {
        String rel = layout(a);
        if (rel == null) {
            return null;
        }
        Path dir = options.dir();
        Path bare = dir.resolve(a.id());
        if (Files.isRegularFile(bare)) {
            // DIR/<id> as a file: what a user may have put there by hand, and what convert also reads
            return Outcome.ok(Outcome.Status.PRESENT, a.id(), Files.size(bare), sha256(bare));
        }
        Path target = dir.resolve(rel);
        if (!Files.isRegularFile(target)) {
            return null;
        }
        long size = Files.size(target);
        Manifest.Entry e = manifest.get(a.id());
        if (e != null && e.ok() && rel.equals(e.path()) && e.size() != null && e.size() == size && e.sha256() != null
                && (a.expectedSize() == null || a.expectedSize() == size)) {
            return Outcome.ok(Outcome.Status.PRESENT, rel, size, e.sha256());
        }
        if (a.expectedSize() != null && a.expectedSize() != size) {
            return null;
        }
        return Outcome.ok(Outcome.Status.PRESENT, rel, size, sha256(target));
    }

    private Outcome download(Attachment a, Downloader downloader, Path tmp) throws IOException, InterruptedException {
        String rel = layout(a);
        if (rel == null) {
            return Outcome.failed(Outcome.Reason.UNSAFE_ID, null, "the id '" + a.id() + "' is not a safe folder name");
        }
        if (a.url() == null) {
            return Outcome.failed(Outcome.Reason.NO_URL, null, "no URL in the export");
        }
        URI exportUri = UrlPolicy.parseOrNull(a.url());
        URI uri = UrlPolicy.parseOrNull(policy.rewrite(a.url()));
        if (exportUri == null || uri == null) {
            return Outcome.failed(Outcome.Reason.REFUSED_URL, null, "'" + UrlPolicy.forRecord(a.url())
                    + "' is not a URL");
        }
        try {
            String authorization = credentials.authorization(a.source(), exportUri);
            Outcome o = downloader.fetch(uri, authorization, authorization == null && credentials.has(a.source())
                    ? null : Credentials.needed(a.source()), tmp);
            if (o.status() != Outcome.Status.DOWNLOADED) {
                return o;
            }
            if (a.expectedSize() != null && o.size() != a.expectedSize().longValue()) {
                return Outcome.failed(Outcome.Reason.SIZE_MISMATCH, null, "received " + o.size()
                        + " bytes, the export says " + a.expectedSize());
            }
            Path target = options.dir().resolve(rel);
            Files.createDirectories(target.getParent());
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Outcome.ok(Outcome.Status.DOWNLOADED, rel, o.size(), o.sha256());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void clean(Path partial) {
        if (!Files.isDirectory(partial)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(partial)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // best effort: the next run cleans up again
        }
    }
}
