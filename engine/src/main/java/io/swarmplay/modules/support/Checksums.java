package io.swarmplay.modules.support;

import io.swarmplay.connection.FileStat;
import io.swarmplay.module.HostView;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Is the file on the host already the wanted content? The converged-copy check: each side hashed
 * once, the control node's hash computed while the host computes its own (the two take about as
 * long for a big file), and no hash at all when the sizes of a regular file already differ. The
 * SHA-1 (Ansible's {@code checksum} result) is computed in the same read, and only when the step's
 * result is read ({@link HostView#resultRead}).
 */
final class Checksums {

    /**
     * @param same  whether the host's file has the wanted content
     * @param local the wanted content's hashes, or null when they were not needed (sizes differ)
     */
    record Comparison(boolean same, FileContent.Hashes local) {
    }

    /** Below this size hashing takes less than starting a thread for it. */
    private static final long PARALLEL_FROM = 1 << 20;

    private Checksums() {
    }

    private static void thread(Runnable task) {
        Thread thread = new Thread(task, "swarmplay-checksum");
        thread.setDaemon(true);
        thread.start();
    }

    static Comparison compare(FileContent want, FileStat now, HostView host, String path) {
        if (now.isFile() && now.size() != want.size()) return new Comparison(false, null);
        boolean withSha1 = host.resultRead();
        if (want.size() < PARALLEL_FROM) {
            FileContent.Hashes hashes = want.hashes(withSha1);
            return new Comparison(host.sha256(path).equals(Optional.of(hashes.sha256())), hashes);
        }
        CompletableFuture<FileContent.Hashes> local = CompletableFuture.supplyAsync(() -> want.hashes(withSha1),
                Checksums::thread);
        Optional<String> remote;
        try {
            remote = host.sha256(path);
        } catch (RuntimeException e) {
            local.cancel(false);
            throw e;
        }
        FileContent.Hashes hashes = join(local);
        return new Comparison(remote.equals(Optional.of(hashes.sha256())), hashes);
    }

    private static FileContent.Hashes join(CompletableFuture<FileContent.Hashes> local) {
        try {
            return local.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }
}
