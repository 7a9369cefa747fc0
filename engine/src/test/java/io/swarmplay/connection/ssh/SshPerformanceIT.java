package io.swarmplay.connection.ssh;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.Connection;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileAttrs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Latency per command on one connection and the time of a 10 MiB put, written to
 * {@code target/ssh-performance.txt}. The latency bound catches a lost TCP_NODELAY: Nagle plus
 * delayed ACKs cost about 40 ms per command (spec/infra-recipes.md 1.2).
 */
class SshPerformanceIT {

    @Test
    void commandLatencyAndPutThroughput() throws Exception {
        try (SshdHost host = SshdHost.start("127.0.0.35"); Connection ssh = new SshConnectionFactory().open(host.settings())) {
            ssh.exec(Command.of("true"));
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                long t = System.nanoTime();
                ExecResult r = ssh.exec(Command.of("true"));
                millis.add((System.nanoTime() - t) / 1e6);
                assertEquals(0, r.rc());
            }
            Collections.sort(millis);
            double median = (millis.get(49) + millis.get(50)) / 2;
            long t = System.nanoTime();
            ssh.write(host.work.resolve("ten.bin").toString(), new Bytes.Generated(10 << 20), FileAttrs.DEFAULT);
            double putMillis = (System.nanoTime() - t) / 1e6;
            Files.writeString(Path.of("target", "ssh-performance.txt"), String.format(
                    "true x100 on one connection: median %.1f ms, p90 %.1f ms, max %.1f ms%n10 MiB put: %.0f ms%n",
                    median, millis.get(89), millis.get(99), putMillis));
            assertTrue(median < 35, "median " + median + " ms: is TCP_NODELAY still set?");
        }
    }
}
