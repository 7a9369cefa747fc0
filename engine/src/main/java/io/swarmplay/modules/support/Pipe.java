package io.swarmplay.modules.support;

import io.swarmplay.module.ModuleException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Streams bytes from a producer (e.g. reading a file on one host) to a consumer (writing it on
 * another) through a bounded pipe, so nothing is held in memory whole.
 */
public final class Pipe {

    private static final int BUFFER = 1 << 20;

    private Pipe() {
    }

    /** Runs {@code producer} on its own thread, writing into what {@code consumer} reads; rethrows either's failure. */
    public static void stream(Consumer<OutputStream> producer, Consumer<InputStream> consumer) {
        try (PipedInputStream in = new PipedInputStream(BUFFER); PipedOutputStream out = new PipedOutputStream(in)) {
            CompletableFuture<Void> produced = CompletableFuture.runAsync(() -> {
                producer.accept(out);
                // closed only on success: a failed producer must not look like a complete, shorter file
                try {
                    out.close();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            consumer.accept(in);
            produced.get();
        } catch (IOException e) {
            throw new ModuleException("streaming failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleException("interrupted while streaming");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) throw runtime;
            throw new ModuleException("streaming failed: " + cause);
        }
    }
}
