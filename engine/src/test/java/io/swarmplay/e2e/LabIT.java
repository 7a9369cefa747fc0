package io.swarmplay.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The lab as a user meets it: {@code scripts/lab run} (the README's first command: lab up, then
 * {@code playbooks/cifar10-spire.yaml} on it), {@code status}, a second {@code up} that changes
 * nothing, a second lab refused, and {@code down}, after which no container, image, network,
 * volume or file of the lab is left on this machine.
 */
class LabIT {

    static final Path REPO = LabInventoryTest.findRepo();
    static final Path LAB = REPO.resolve("lab");
    static final String MODEL = "/tmp/spire/cifar10/model/saved_models/cifar10.h5";

    static Proc.Result lab(Path script, String... args) {
        List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
        cmd.addAll(List.of(args));
        long t0 = System.nanoTime();
        Proc.Result r = Proc.run(Duration.ofMinutes(30), cmd);
        System.out.printf("[lab-it] scripts/lab %s -> %d in %.1fs%n%s", String.join(" ", args), r.exit(), (System.nanoTime() - t0) / 1e9,
                r.err().lines().filter(l -> l.startsWith("[lab]")).map(l -> "  " + l + "\n").reduce("", String::concat));
        return r;
    }

    static Proc.Result lab(String... args) {
        return lab(REPO.resolve("scripts/lab"), args);
    }

    /** Every container, image, network and volume of this engine whose name says lab. */
    static List<String> labObjects() {
        List<String> found = new ArrayList<>();
        for (List<String> ls : List.of(List.of("docker", "ps", "-a", "--format", "container {{.Names}}"),
                List.of("docker", "images", "-a", "--format", "image {{.Repository}}:{{.Tag}}"),
                List.of("docker", "network", "ls", "--format", "network {{.Name}}"),
                List.of("docker", "volume", "ls", "--format", "volume {{.Name}}"))) {
            Proc.run(Duration.ofSeconds(60), ls).orThrow().out().lines().filter(l -> l.contains("swarmplay-lab")).forEach(found::add);
        }
        return found;
    }

    @Test
    void runStatusSecondUpAndDownLeaveNothingBehind() throws IOException {
        assumeFalse(Files.exists(LAB) || !labObjects().isEmpty(), "a lab is up on this machine: the test would remove it");
        try {
            Proc.Result run = lab("run");
            assertEquals(0, run.exit(), run.describe());
            String out = run.out() + run.err();
            assertTrue(out.contains("TEST DOUBLES"), "lab up must say the stand-ins are test doubles:\n" + out);
            for (String host : List.of("host-1", "host-2")) {
                Matcher recap = Pattern.compile("(?m)^" + host + "\\s*: ok=\\d+\\s+changed=\\d+\\s+unreachable=0\\s+failed=0").matcher(out);
                assertTrue(recap.find(), "PLAY RECAP of " + host + ":\n" + out);
                assertTrue(out.contains("final model on " + host + ": " + MODEL), "where the model of " + host + " is:\n" + out);
                assertTrue(lab("ssh", host, "cat " + MODEL).out().contains("peers=sl.sl-1 sl.sl-2 sl.sl-3 sl.sl-4"), "the final model of " + host);
            }

            Proc.Result status = lab("status");
            assertEquals(0, status.exit(), status.describe());
            assertTrue(status.out().contains("licence server (APLS stand-in, TEST DOUBLE): 172.31.236.10:5814"), status.out());
            assertTrue(Pattern.compile("(?m)^host-2: 172\\.31\\.236\\.12 +swarmplay-lab-h2 +running").matcher(status.out()).find(), status.out());
            assertTrue(Pattern.compile("(?m)^ +spire-server +ghcr\\.io/spiffe/spire-server:1\\.8\\.4 +Up .* TEST DOUBLE$").matcher(status.out()).find(),
                    status.out());
            assertTrue(status.out().contains("final model on host-1: " + MODEL), status.out());

            String ids = containerIds();
            Proc.Result again = lab("up");
            assertEquals(0, again.exit(), again.describe());
            assertEquals(ids, containerIds(), "a second `lab up` must keep the hosts");
            assertTrue(lab("ssh", "host-1", "docker inspect -f '{{.State.Running}}' spire-server").out().contains("true"));

            Path other = Files.createTempDirectory("swarmplay-lab-other-");
            Files.createDirectories(other.resolve("scripts"));
            Files.copy(REPO.resolve("scripts/lab"), other.resolve("scripts/lab"));
            Proc.Result second = lab(other.resolve("scripts/lab"), "up");
            Proc.run(Duration.ofSeconds(30), List.of("rm", "-rf", other.toString()));
            assertEquals(1, second.exit(), second.describe());
            assertTrue(second.err().contains("a lab is already up on this machine, from " + LAB + " (one lab per machine)"), second.describe());
        } finally {
            Proc.Result down = lab("down");
            assertEquals(0, down.exit(), down.describe());
        }
        assertEquals(List.of(), labObjects(), "docker ps -a / images / network ls / volume ls after `lab down`");
        assertFalse(Files.exists(LAB), "lab/ after `lab down`");
        assertFalse(Files.exists(Path.of("/var/tmp/swarmplay-lab")), "/var/tmp/swarmplay-lab after `lab down`");
        Proc.Result twice = lab("down");
        assertEquals(0, twice.exit(), "a second `lab down` is fine: " + twice.describe());
    }

    static String containerIds() {
        return Proc.run(Duration.ofSeconds(30), List.of("docker", "ps", "-aq", "--no-trunc", "--filter", "name=^swarmplay-lab-"))
                .orThrow().out();
    }
}
