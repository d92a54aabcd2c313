package io.kaitenimport.attach;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a response body to a temporary file while hashing it, stops past {@code maxSize}, and notes the time of
 * every chunk so that the caller can abandon a body that stalls (the JDK client has no read timeout of its own).
 */
final class FileBody implements HttpResponse.BodySubscriber<Long> {
    private final Path target;
    private final long maxSize;
    private final AtomicLong lastProgress;
    private final AtomicLong allBytes;
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private final MessageDigest digest;
    private FileChannel channel;
    private Flow.Subscription subscription;
    private long size;
    private boolean tooLarge;
    private boolean done;

    FileBody(Path target, long maxSize, AtomicLong lastProgress, AtomicLong allBytes) {
        this.target = target;
        this.maxSize = maxSize;
        this.lastProgress = lastProgress;
        this.allBytes = allBytes;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (done) {
            s.cancel();
            result.complete(size);
            return;
        }
        try {
            channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            s.request(1);
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> items) {
        if (done) {
            return;
        }
        try {
            for (ByteBuffer b : items) {
                int n = b.remaining();
                digest.update(b.duplicate());
                while (b.hasRemaining()) {
                    channel.write(b);
                }
                size += n;
                allBytes.addAndGet(n);
            }
            lastProgress.set(System.nanoTime());
            if (size > maxSize) {
                tooLarge = true;
                finish();
                result.complete(size);
                return;
            }
            subscription.request(1);
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public synchronized void onError(Throwable t) {
        if (!done) {
            fail(t);
        }
    }

    @Override
    public synchronized void onComplete() {
        if (done) {
            return;
        }
        try {
            channel.force(false);
            finish();
            result.complete(size);
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public CompletionStage<Long> getBody() {
        return result;
    }

    /** Stops reading (stalled body, or an interrupt); the file is left for the caller to delete. */
    synchronized void abandon(Throwable why) {
        if (!done) {
            fail(why);
        }
    }

    private void fail(Throwable t) {
        finish();
        result.completeExceptionally(t);
    }

    private void finish() {
        done = true;
        if (subscription != null) {
            subscription.cancel();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the temporary file is deleted by the caller anyway
            }
        }
    }

    /** The response declares more than the limit: nothing is read. */
    synchronized void markTooLarge() {
        tooLarge = true;
        done = true;
    }

    synchronized boolean tooLarge() {
        return tooLarge;
    }

    synchronized long size() {
        return size;
    }

    synchronized String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
