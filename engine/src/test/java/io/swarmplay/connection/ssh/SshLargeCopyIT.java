package io.swarmplay.connection.ssh;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code copy} of a file four times larger than the heap of the run: the content is streamed to the
 * host and hashed on the way, never held whole; copying it again is {@code ok} (the converged check
 * hashes both sides without reading the file into memory either), and a file of the same size with
 * other bytes is written again.
 */
class SshLargeCopyIT {

    private static final int HEAP_MB = 64;
    private static final long SIZE = 4L * HEAP_MB << 20;

    @TempDir
    Path dir;
    private SshdHost host;

    @BeforeEach
    void start() throws Exception {
        host = SshdHost.start("127.0.0.53");
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
    }

    @Test
    void aFileLargerThanTheHeapIsCopiedThenFoundIdenticalThenRewrittenWhenItsBytesChange() throws Exception {
        Path src = dir.resolve("big.bin");
        String sha = writeRandom(src, 1);
        Path inventory = SshPlaybooks.inventory(dir, SshPlaybooks.named(host));
        Path dest = host.work.resolve("big.bin");
        String playbook = """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - copy: {src: %s, dest: "{{ work }}/big.bin", mode: "0644"}
                      register: copied
                    - debug: {msg: "checksum={{ copied.checksum }}"}
                      when: copied is changed
                """.formatted(src);

        String first = run(inventory, playbook, "first copy");
        assertEquals(1, changed(first), first);
        assertTrue(first.contains("checksum=" + digest(src, "SHA-1")), "the checksum (SHA-1, as Ansible's) of what was sent: " + first);
        assertEquals(sha, sha256(dest));

        String again = run(inventory, playbook, "converged copy");
        assertEquals(0, changed(again), again);

        String other = writeRandom(src, 2);
        String rewritten = run(inventory, playbook, "same size, other bytes");
        assertEquals(1, changed(rewritten), rewritten);
        assertEquals(other, sha256(dest));
    }

    /** Runs in a child JVM with a heap of {@link #HEAP_MB} MiB; fails with its output when it does not exit 0. */
    private String run(Path inventory, String playbook, String what) throws Exception {
        Path log = dir.resolve("run.log");
        Process run = SshPlaybooks.start(inventory, playbook, log, "-Xmx" + HEAP_MB + "m");
        boolean ended = run.waitFor(5, TimeUnit.MINUTES);
        if (!ended) run.destroyForcibly();
        String out = Files.readString(log);
        assertTrue(ended, what + ": did not end in 5 minutes\n" + out);
        assertEquals(0, run.exitValue(), what + ":\n" + out);
        return out;
    }

    private static int changed(String out) {
        Matcher m = Pattern.compile("host-1\\s*:\\s*ok=\\d+\\s+changed=(\\d+)").matcher(out);
        assertTrue(m.find(), "no PLAY RECAP in:\n" + out);
        return Integer.parseInt(m.group(1));
    }

    private static String writeRandom(Path file, long seed) throws Exception {
        Random random = new Random(seed);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < SIZE; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        return sha256(file);
    }

    private static String sha256(Path file) throws Exception {
        return digest(file, "SHA-256");
    }

    private static String digest(Path file, String algorithm) throws Exception {
        MessageDigest digest = MessageDigest.getInstance(algorithm);
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
