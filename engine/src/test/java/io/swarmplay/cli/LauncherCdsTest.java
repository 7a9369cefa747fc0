package io.swarmplay.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher's class-data archive: made for the jar beside it, made again when the jar is newer,
 * and never the reason a start fails, even when the archive on disk is a cut-off write. The launcher
 * runs in a copy of the repository layout whose jar is a stand-in ({@link LauncherProbe}).
 */
class LauncherCdsTest {

    @TempDir
    Path root;
    private Path jar;
    private Path archive;

    @BeforeEach
    void layout() throws IOException {
        Path launcher = Path.of("..", "swarmplay").toAbsolutePath().normalize();
        Files.copy(launcher, root.resolve("swarmplay"));
        root.resolve("swarmplay").toFile().setExecutable(true);
        Files.createDirectories(root.resolve("engine/target"));
        Files.createDirectories(root.resolve("inventory"));
        Files.createDirectories(root.resolve("playbooks"));
        jar = root.resolve("engine/target/swarmplay.jar");
        archive = root.resolve("engine/target/swarmplay.jsa");
        writeProbeJar(jar);
    }

    @Test
    void theFirstStartMakesAnArchiveThatTheNextStartsUse() throws Exception {
        assertEquals("probe ran: --version", launch("--version"));
        assertTrue(Files.size(archive) > 0, "an archive beside the jar");
        FileTime made = Files.getLastModifiedTime(archive);
        assertEquals("probe ran: a b", launch("a", "b"));
        assertEquals(made, Files.getLastModifiedTime(archive), "the archive is current: not made again");
        assertNoTempArchives();
    }

    // the training JVM also plans the CIFAR-10 flow offline, so the archive holds those classes too
    @Test
    void theTrainingRunIsGivenTheOfflinePlanOfTheCifar10FlowAsItsSecondRun() throws Exception {
        Path runs = root.resolve("runs-seen");
        assertEquals("probe ran: --version", launch(Map.of("LAUNCHER_PROBE_RUNS", runs.toString()), "--version"));
        assertEquals(List.of("-i", root.resolve("inventory/two-hosts.yaml").toString(),
                root.resolve("playbooks/cifar10-spire.yaml").toString(), "--plan", "--offline"), Files.readAllLines(runs));
        assertEquals(List.of(List.of("-i", "inv", "site.yaml"), List.of("--version")),
                trainingRuns("-i\ninv\nsite.yaml\n\n\n--version\n"));
        assertEquals(List.of(), Main.trainingRuns(root.resolve("no-such-file")), "an unreadable file: no further run");
    }

    private List<List<String>> trainingRuns(String text) throws IOException {
        Path file = Files.writeString(root.resolve("runs"), text);
        return Main.trainingRuns(file).stream().map(List::of).toList();
    }

    @Test
    void aCutOffArchiveOlderThanTheJarIsReplacedAndTheStartSucceeds() throws Exception {
        launch("--version");
        byte[] whole = Files.readAllBytes(archive);
        Files.write(archive, java.util.Arrays.copyOf(whole, whole.length / 3));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals("probe ran: --version", launch("--version"));
        assertEquals(whole.length, Files.size(archive), "a whole archive again");
        assertNoTempArchives();
    }

    @Test
    void anArchiveOfAnotherBuildIsIgnoredByTheJvmUntilItIsMadeAgain() throws Exception {
        launch("--version");
        writeProbeJar(jar); // a new build: same classes, another jar file
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(60)));
        assertEquals("probe ran: x", launch("x"));
        assertFalse(Files.getLastModifiedTime(archive).toInstant().isBefore(Files.getLastModifiedTime(jar).toInstant()),
                "made again after the new jar");
    }

    @Test
    void aJavaThatCannotWriteTheArchiveStartsNormally() throws Exception {
        Files.createDirectories(archive); // the archive's path is taken by a directory: no archive can be written
        assertEquals("probe ran: --version", launch("--version"));
        assertTrue(Files.isDirectory(archive));
        assertNoTempArchives();
    }

    private void assertNoTempArchives() throws IOException {
        try (var files = Files.list(archive.getParent())) {
            assertArrayEquals(new Object[0], files.filter(f -> f.getFileName().toString().startsWith("swarmplay.jsa."))
                    .toArray(), "no temporary archive left behind");
        }
    }

    /** Runs the launcher; its output, which must be the probe's and nothing else (the launcher is quiet). */
    private String launch(String... args) throws Exception {
        return launch(Map.of(), args);
    }

    private String launch(Map<String, String> env, String... args) throws Exception {
        java.util.List<String> argv = new java.util.ArrayList<>(java.util.List.of(root.resolve("swarmplay").toString()));
        argv.addAll(java.util.List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().remove("SWARMPLAY_JAVA_OPTS");
        builder.environment().putAll(env);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    static void writeProbeJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }
}
