package io.swarmplay.modules;

import io.swarmplay.module.ModuleException;
import io.swarmplay.module.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code file} without {@code state}: Ansible takes the path's current kind, else directory with recurse, else file. */
class FileStateDefaultTest {

    @TempDir
    Path dir;

    @Test
    void anExistingDirectoryKeepsBeingADirectoryAndGetsItsMode() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Outcome outcome = LocalModules.run("file", LocalModules.args("path", sub.toString(), "mode", "o=rwXt"), dir);
        assertTrue(outcome.isChanged(), outcome.message());
        assertEquals("directory", outcome.data().get("state"));
        assertEquals("rwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(sub)).substring(6));
    }

    @Test
    void aMissingPathIsAFileUnlessRecurseMakesItADirectory() {
        String missing = dir.resolve("missing").toString();
        ModuleException e = assertThrows(ModuleException.class,
                () -> LocalModules.run("file", LocalModules.args("path", missing), dir));
        assertEquals("file (" + missing + ") is absent, cannot continue", e.getMessage());
        assertEquals("absent", e.data().get("state"));
        Outcome made = LocalModules.run("file", LocalModules.args("path", missing, "recurse", true), dir);
        assertEquals("directory", made.data().get("state"));
        assertTrue(Files.isDirectory(dir.resolve("missing")));
    }

    @Test
    void anExistingLinkKeepsItsSourceAndWithFollowItsTargetTakesTheMode() throws Exception {
        Path target = Files.writeString(dir.resolve("target"), "x");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of("./target"));
        Outcome outcome = LocalModules.run("file", LocalModules.args("path", link.toString(), "mode", "0644"), dir);
        assertTrue(outcome.isChanged(), outcome.message());
        assertEquals("link", outcome.data().get("state"));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(Path.of("./target"), Files.readSymbolicLink(link));
        Outcome again = LocalModules.run("file", LocalModules.args("path", link.toString(), "mode", "0644", "state", "link"), dir);
        assertTrue(!again.isChanged(), again.message());
    }

    @Test
    void aNewLinkWithFollowGivesItsTargetTheModeAndWithoutFollowLeavesItAlone() throws Exception {
        Path target = Files.writeString(dir.resolve("original"), "x");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        Outcome made = LocalModules.run("file", LocalModules.args("path", dir.resolve("l1").toString(), "src", target.toString(),
                "state", "link", "mode", "0700"), dir);
        assertTrue(made.isChanged(), made.message());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        Outcome unfollowed = LocalModules.run("file", LocalModules.args("path", dir.resolve("l2").toString(),
                "src", target.toString(), "state", "link", "mode", "0644", "follow", false), dir);
        assertTrue(unfollowed.isChanged(), unfollowed.message());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void srcNeedsALinkStateAndRecurseADirectory() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        ModuleException src = assertThrows(ModuleException.class, () -> LocalModules.run("file",
                LocalModules.args("path", dir.resolve("new").toString(), "src", file.toString()), dir));
        assertEquals("src option requires state to be 'link' or 'hard'", src.getMessage());
        ModuleException recurse = assertThrows(ModuleException.class, () -> LocalModules.run("file",
                LocalModules.args("path", file.toString(), "recurse", true), dir));
        assertEquals("recurse option requires state to be 'directory'", recurse.getMessage());
    }

    @Test
    void forceReplacesAnEmptyDirectoryWithALinkButNeverOneHoldingFiles() throws Exception {
        Path target = Files.writeString(dir.resolve("target"), "x");
        Path full = Files.createDirectory(dir.resolve("full"));
        Files.writeString(full.resolve("keep"), "data");
        ModuleException refused = assertThrows(ModuleException.class, () -> LocalModules.run("file", LocalModules.args(
                "path", full.toString(), "src", target.toString(), "state", "link", "force", true), dir));
        assertEquals("the directory " + full + " is not empty, refusing to convert it", refused.getMessage());
        assertEquals("data", Files.readString(full.resolve("keep")), "nothing in the directory was removed");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Outcome replaced = LocalModules.run("file", LocalModules.args(
                "path", empty.toString(), "src", target.toString(), "state", "link", "force", true), dir);
        assertTrue(replaced.isChanged(), replaced.message());
        assertEquals(target, Files.readSymbolicLink(empty));
    }
}
