package io.swarmplay.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher's CDS training run has a live SSH host of its own (an sshd on a loopback port, so
 * that the SSH classes are archived too), and that sshd is gone when the launcher is done. Needs
 * OpenSSH's sshd and ssh-keygen; the run is the stand-in jar of {@link LauncherCdsTest}.
 */
class LauncherCdsTrainingIT {

    @TempDir
    Path root;

    @Test
    void theTrainingRunReachesAnSshdOfItsOwnThatIsStoppedAfterwards() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/sshd")), "OpenSSH's sshd is installed");
        Path launcher = Path.of("..", "swarmplay").toAbsolutePath().normalize();
        Files.copy(launcher, root.resolve("swarmplay"));
        assertTrue(root.resolve("swarmplay").toFile().setExecutable(true));
        for (String dir : List.of("engine/target", "inventory", "playbooks")) Files.createDirectories(root.resolve(dir));
        LauncherCdsTest.writeProbeJar(root.resolve("engine/target/swarmplay.jar"));
        Path report = root.resolve("report");

        ProcessBuilder builder = new ProcessBuilder(root.resolve("swarmplay").toString(), "--version").redirectErrorStream(true);
        builder.environment().remove("SWARMPLAY_JAVA_OPTS");
        builder.environment().put("LAUNCHER_PROBE_REPORT", report.toString());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals("probe ran: --version", out);

        Matcher line = Pattern.compile("port (\\d+) answered (.*)").matcher(Files.readString(report).strip());
        assertTrue(line.matches(), Files.readString(report));
        assertTrue(line.group(2).startsWith("SSH-2.0-"), "an SSH server answered the training run: " + line.group(2));
        assertFalse(answers(Integer.parseInt(line.group(1))), "the training sshd is stopped when the launcher is done");
        assertTrue(Files.size(root.resolve("engine/target/swarmplay.jsa")) > 0, "the archive was made");
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
