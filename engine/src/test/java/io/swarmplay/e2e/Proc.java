package io.swarmplay.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a local command with a time limit and captures its output (for the e2e harness). */
final class Proc {

    /** What a command printed and how it exited. */
    record Result(List<String> command, int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }

        /** Throws with the command, exit status and both streams unless it exited 0. */
        Result orThrow() {
            if (!ok()) throw new AssertionError(describe());
            return this;
        }

        String describe() {
            return "`" + String.join(" ", command) + "` exited " + exit
                    + (out.isBlank() ? "" : "\n--- stdout:\n" + tail(out))
                    + (err.isBlank() ? "" : "\n--- stderr:\n" + tail(err));
        }

        private static String tail(String s) {
            return s.length() <= 6000 ? s : "..." + s.substring(s.length() - 6000);
        }
    }

    private Proc() {}

    static Result run(Duration timeout, List<String> command) {
        return run(timeout, null, command);
    }

    /** Runs {@code command}, feeding {@code stdin} (a file) when given; kills it after {@code timeout}. */
    static Result run(Duration timeout, Path stdin, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (stdin != null) pb.redirectInput(stdin.toFile());
        try {
            Process p = pb.start();
            if (stdin == null) p.getOutputStream().close();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                return new Result(command, 124, out.getNow(""), "timed out after " + timeout.toSeconds() + "s\n" + err.getNow(""));
            }
            return new Result(command, p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (in) {
                in.transferTo(buf);
            } catch (IOException ignored) {
                // the process was killed; keep what was read
            }
            return buf.toString(StandardCharsets.UTF_8);
        }, task -> {   // a thread per stream: the common pool may have a single worker on 2 cores
            Thread t = new Thread(task, "e2e-proc-drain");
            t.setDaemon(true);
            t.start();
        });
    }
}
