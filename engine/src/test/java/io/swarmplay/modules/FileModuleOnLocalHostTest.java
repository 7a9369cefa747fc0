package io.swarmplay.modules;

import io.swarmplay.module.Action;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The file module as ansible-core 2.14's file.py, on real files in a temporary directory over the local connection. */
class FileModuleOnLocalHostTest {

    @TempDir
    Path dir;

    private Outcome run(Object... args) {
        return LocalModules.run("file", LocalModules.args(args), dir);
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private String mode(String name) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void touchRegistersWhatIsThereAfterAsState() throws Exception {
        Outcome touched = run("path", path("baz.txt"), "state", "touch", "mode", "0644");
        assertTrue(touched.isChanged());
        assertEquals("file", touched.data().get("state"));
        assertEquals("0644", touched.data().get("mode"));
        assertEquals(path("baz.txt"), touched.data().get("dest"));
        Files.createLink(dir.resolve("hard.txt"), dir.resolve("baz.txt"));
        Outcome hard = run("dest", path("hard.txt"), "state", "touch");
        assertTrue(hard.isChanged(), "touch sets the times to now");
        assertEquals("hard", hard.data().get("state"));
        assertFalse(run("path", path("hard.txt"), "state", "touch", "access_time", "preserve",
                "modification_time", "preserve").isChanged());
    }

    @Test
    void symbolicModesAreAppliedToTheCurrentModeAndReportedAsAnsiblePrintsThem() throws Exception {
        assertEquals("0777", run("path", path("s"), "state", "touch", "mode", "u=rwx,g=rwx,o=rwx").data().get("mode"));
        assertEquals("0444", run("path", path("s"), "state", "touch", "mode", "a=r").data().get("mode"));
        assertEquals("01444", run("path", path("s"), "state", "touch", "mode", "o+t").data().get("mode"));
        assertEquals("0444", run("path", path("s"), "state", "touch", "mode", "o-t").data().get("mode"));
        assertEquals("r--r--r--", mode("s"));
    }

    @Test
    void aRelativeLinkKeepsItsTextAndARetargetIsInTheDiff() throws Exception {
        Files.writeString(dir.resolve("target"), "x");
        Outcome made = run("src", path("target"), "dest", path("soft"), "state", "link");
        assertTrue(made.isChanged());
        assertEquals("link", made.data().get("state"));
        Outcome relative = run("src", "target", "dest", path("soft"), "state", "link");
        assertEquals(Map.of("path", path("soft"), "src", path("target")), diff(relative, "before"));
        assertEquals(Map.of("path", path("soft"), "src", "target"), diff(relative, "after"));
        assertEquals(Path.of("target"), Files.readSymbolicLink(dir.resolve("soft")));
        assertFalse(run("src", "target", "dest", path("soft"), "state", "link").isChanged());
    }

    @Test
    void attributesRunChattrAndTheDiffShowsTheFlagsLsattrSaw() throws Exception {
        Files.writeString(dir.resolve("flagged"), "x");
        org.junit.jupiter.api.Assumptions.assumeTrue(lsattr("flagged") != null, "the temporary folder's file system has no flags");
        String before = lsattr("flagged");
        Outcome set = run("path", path("flagged"), "attributes", "+d");
        assertTrue(set.isChanged());
        assertTrue(lsattr("flagged").contains("d"));
        assertEquals(before, diff(set, "before").get("attributes"));
        assertEquals("+d", diff(set, "after").get("attributes"));
        assertTrue(run("path", path("flagged"), "attributes", "-d").isChanged(), "removing flags always runs chattr");
        assertEquals(before, lsattr("flagged"));
    }

    /** lsattr's flags without dashes, or null when the file system has none. */
    private String lsattr(String name) throws Exception {
        Process p = new ProcessBuilder("lsattr", "-d", dir.resolve(name).toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        return p.waitFor() == 0 ? out.split("\\s+")[0].replace("-", "") : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> diff(Outcome outcome, String side) {
        return (Map<String, Object>) ((Map<String, Object>) outcome.data().get("diff")).get(side);
    }

    @Test
    void aLinkToAMissingSourceNeedsForceAndThenWarnsThatItsTargetHasNoAttributes() {
        ModuleException missing = assertThrows(ModuleException.class,
                () -> run("src", "/nonexistent", "dest", path("soft2"), "state", "link"));
        assertEquals("src file does not exist, use \"force=yes\" if you really want to create the link: /nonexistent",
                missing.getMessage());
        Outcome forced = run("src", "/nonexistent", "dest", path("soft2"), "state", "link", "force", true);
        assertTrue(forced.isChanged());
        assertEquals(List.of("Cannot set fs attributes on a non-existent symlink target. follow should be set to False to avoid this."),
                forced.data().get("warnings"));
        assertNull(forced.data().get("state"), "a dangling link does not exist for add_path_info");
        assertFalse(run("src", "/nonexistent", "dest", path("soft2"), "state", "link", "force", true).isChanged());
    }

    @Test
    void aLinkReplacesAFileOrAnEmptyDirectoryOnlyWithForce() throws Exception {
        Files.writeString(dir.resolve("f"), "x");
        Files.createDirectories(dir.resolve("full/inside"));
        assertEquals("refusing to convert from file to symlink for " + path("f"), assertThrows(ModuleException.class,
                () -> run("src", path("full"), "dest", path("f"), "state", "link")).getMessage());
        assertEquals("the directory " + path("full") + " is not empty, refusing to convert it", assertThrows(ModuleException.class,
                () -> run("src", path("f"), "dest", path("full"), "state", "link", "force", true)).getMessage());
        assertTrue(run("src", path("full"), "dest", path("f"), "state", "link", "force", true).isChanged());
        assertTrue(Files.isSymbolicLink(dir.resolve("f")));
        assertTrue(Files.isDirectory(dir.resolve("full/inside")), "the non-empty directory is left alone");
    }

    @Test
    void withoutFollowALinksOwnModeIsLeftAndItsTargetIsNotTouched() throws Exception {
        Files.writeString(dir.resolve("t"), "x");
        Files.setPosixFilePermissions(dir.resolve("t"), PosixFilePermissions.fromString("rw-r--r--"));
        run("src", "t", "dest", path("l"), "state", "link");
        assertFalse(run("path", path("l"), "state", "link", "mode", "0600", "follow", false).isChanged());
        assertEquals("rw-r--r--", mode("t"));
        assertTrue(run("path", path("l"), "mode", "0600").isChanged(), "with follow the target's mode is set");
        assertEquals("rw-------", mode("t"));
        assertEquals(Path.of("t"), Files.readSymbolicLink(dir.resolve("l")), "the link is left as it is");
    }

    @Test
    void recurseChangesWhatLinksPointToOnlyWithFollow() throws Exception {
        Files.createDirectories(dir.resolve("top"));
        Files.createDirectories(dir.resolve("outdir"));
        Files.writeString(dir.resolve("outfile"), "x");
        Files.writeString(dir.resolve("outdir/foo"), "x");
        for (String p : List.of("outdir", "outfile", "outdir/foo")) {
            Files.setPosixFilePermissions(dir.resolve(p), PosixFilePermissions.fromString("rwx------"));
        }
        Files.createSymbolicLink(dir.resolve("top/l"), Path.of("../outfile"));
        Files.createSymbolicLink(dir.resolve("top/ld"), Path.of("../outdir"));
        Files.createSymbolicLink(dir.resolve("top/gone"), Path.of("missing"));
        run("path", path("top"), "follow", false, "mode", "a-x", "recurse", true);
        assertEquals("rwx------", mode("outfile"));
        assertEquals("rwx------", mode("outdir/foo"));
        run("path", path("top"), "follow", true, "mode", "a-x", "recurse", true);
        assertEquals("rw-------", mode("outfile"));
        assertEquals("rw-------", mode("outdir"));
        assertEquals("rw-------", mode("outdir/foo"));
    }

    @Test
    void aHardLinkGivenADirectoryIsMadeInsideItUnderTheSourcesName() throws Exception {
        Files.writeString(dir.resolve("file_to_link"), "x");
        Files.createDirectories(dir.resolve("sub1"));
        assertTrue(run("src", path("file_to_link"), "dest", path("sub1"), "state", "hard").isChanged());
        assertTrue(Files.isSameFile(dir.resolve("sub1/file_to_link"), dir.resolve("file_to_link")));
        assertEquals("src does not exist", assertThrows(ModuleException.class,
                () -> run("src", "nope.txt", "dest", path("h"), "state", "hard")).getMessage());
        assertEquals("src is required for creating new hardlinks", assertThrows(ModuleException.class,
                () -> run("dest", path("h"), "state", "hard")).getMessage());
        Outcome modeOnHardLink = run("dest", path("sub1/file_to_link"), "mode", "0701");
        assertTrue(modeOnHardLink.isChanged(), "no state on a hard link is state hard, which needs no src");
        assertEquals("rwx-----x", mode("file_to_link"));
    }

    @Test
    void fileFailsOnWhatIsNotAFileWithItsKind() throws Exception {
        Files.createDirectories(dir.resolve("d"));
        ModuleException onDir = assertThrows(ModuleException.class, () -> run("path", path("d"), "state", "file"));
        assertEquals("file (" + path("d") + ") is directory, cannot continue", onDir.getMessage());
        assertEquals("directory", onDir.data().get("state"));
        ModuleException absent = assertThrows(ModuleException.class, () -> run("path", path("ghost")));
        assertEquals("absent", absent.data().get("state"));
        Files.writeString(dir.resolve("f"), "x");
        assertEquals(path("f") + " already exists as a file", assertThrows(ModuleException.class,
                () -> run("path", path("f"), "state", "directory")).getMessage());
    }

    @Test
    void anUnknownOwnerFailsAsChownDoesWithTheWarning() {
        ModuleException unknown = assertThrows(ModuleException.class,
                () -> run("path", path("x"), "state", "touch", "owner", "not-existing-user"));
        assertEquals("chown failed: failed to look up user not-existing-user", unknown.getMessage());
        assertEquals(List.of("failed to look up user not-existing-user. Create user up to this point in real play"),
                unknown.data().get("warnings"));
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void aModificationTimeIsSetOnceAndTheDiffThenHoldsOnlyThePath() throws Exception {
        Files.writeString(dir.resolve("f"), "x");
        Outcome set = run("path", path("f"), "modification_time", "202202081414.00");
        assertTrue(set.isChanged());
        assertTrue(diff(set, "after").containsKey("mtime"));
        Outcome again = run("path", path("f"), "modification_time", "202202081414.00");
        assertEquals(Action.NONE, again.change().action());
        assertEquals(Map.of("path", path("f")), diff(again, "after"));
    }

    @Test
    void absentRemovesADirectoryWithItsContentListedInTheDiff() throws Exception {
        Files.createDirectories(dir.resolve("tree/sub"));
        Files.writeString(dir.resolve("tree/sub/f"), "x");
        Outcome gone = run("path", path("tree"), "state", "absent");
        assertEquals("absent", gone.data().get("state"));
        assertEquals(Map.of("directories", List.of(path("tree/sub")), "files", List.of(path("tree/sub/f"))),
                diff(gone, "before").get("path_content"));
        assertFalse(Files.exists(dir.resolve("tree")));
        assertFalse(run("path", path("tree"), "state", "absent").isChanged());
    }

    @Test
    void aDirectoryIsMadeWithItsMissingParentsEachWithTheMode() throws Exception {
        Outcome made = run("path", path("a/b/c"), "state", "directory", "mode", "0700");
        assertEquals("directory", made.data().get("state"));
        assertEquals("rwx------", mode("a"));
        assertEquals("rwx------", mode("a/b/c"));
        assertFalse(run("path", path("a/b/c"), "state", "directory").isChanged());
    }

    // a directory with missing parents: the path and every parent are read with one find, not one each
    @Test
    void aDirectoryWithMissingParentsIsPlannedWithOneReadAndMadeTopDown() throws Exception {
        java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger();
        LocalHost local = new LocalHost(new io.swarmplay.connection.local.LocalConnection(), dir);
        io.swarmplay.module.HostSession counting = (io.swarmplay.module.HostSession) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {io.swarmplay.module.HostSession.class}, (proxy, method, args) -> {
                    if (method.getName().equals("probe")) probes.incrementAndGet();
                    try {
                        return method.invoke(local, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        FileModule module = new FileModule();
        FileModule.Args args = io.swarmplay.module.ArgsBinder.bind(FileModule.Args.class,
                Map.of("path", path("a/b/c"), "state", "directory", "mode", "0750"));
        io.swarmplay.module.Change change = module.plan(args, counting);
        assertEquals(1, probes.get(), "one read of a/b/c and its parents");
        assertTrue(module.apply(args, change, counting).isChanged());
        for (String made : List.of("a", "a/b", "a/b/c")) assertTrue(Files.isDirectory(dir.resolve(made)), made);
        assertEquals("rwxr-x---", mode("a/b/c"));
        assertFalse(run("path", path("a/b/c"), "state", "directory", "mode", "0750").isChanged());
    }

    @Test
    void theFactsOfSeveralPathsAreReadTogetherAndAMissingOneIsEmpty() throws Exception {
        Files.createDirectories(dir.resolve("-x"));
        Files.writeString(dir.resolve("f"), "abc");
        LocalHost local = new LocalHost(new io.swarmplay.connection.local.LocalConnection(), dir);
        // "(" and "-x" are relative (to the JVM's directory, where neither is): read as paths, not as find's expression
        Map<String, java.util.Optional<PathFacts>> facts = PathFacts.readAll(local,
                List.of(path("f"), path("missing"), "-x", "(", path("-x") + "/"));
        assertTrue(facts.get("-x").isEmpty());
        assertTrue(facts.get("(").isEmpty());
        assertEquals("file", facts.get(path("f")).orElseThrow().state());
        assertEquals(3L, facts.get(path("f")).orElseThrow().size());
        assertTrue(facts.get(path("missing")).isEmpty());
        assertEquals(path("-x") + "/", facts.get(path("-x") + "/").orElseThrow().path());
        assertEquals("directory", facts.get(path("-x") + "/").orElseThrow().state());
        assertEquals(List.of(path("f"), path("missing"), "-x", "(", path("-x") + "/"), List.copyOf(facts.keySet()));
        assertEquals(Map.of(), PathFacts.readAll(local, List.of()), "nothing to read: no find");
        assertEquals(List.of("a/b/c", "a/b", "a"), FileStates.withParents("a/b/c"));
        assertEquals(List.of("/srv/app/", "/srv"), FileStates.withParents("/srv/app/"));
    }
}
