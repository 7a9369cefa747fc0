package io.swarmplay.connection.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test hosts' sshd runs on this machine, so what a remote command started is visible here:
 * processes whose command line contains a marker unique to the test (e.g. {@code sleep 6173.5}).
 */
final class RemoteProcesses {

    private RemoteProcesses() {
    }

    /** The pids of live processes whose argv, joined by spaces, contains {@code marker}. */
    static List<Long> matching(String marker) {
        List<Long> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(p -> {
                String argv = cmdline(p);
                if (argv.contains(marker)) {
                    found.add(Long.parseLong(p.getFileName().toString()));
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** Waits up to {@code millis} for at least {@code count} matching processes; false when they do not appear. */
    static boolean await(String marker, int count, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            if (matching(marker).size() >= count) return true;
            Thread.sleep(50);
        }
        return false;
    }

    /** Waits up to {@code millis} for no matching process to be left; returns those left. */
    static List<Long> awaitGone(String marker, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        List<Long> left = matching(marker);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left = matching(marker);
        }
        return left;
    }

    /** Kills what a failed test left behind (only processes carrying its own marker). */
    static void killLeftovers(String marker) {
        for (long pid : matching(marker)) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    private static String cmdline(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
