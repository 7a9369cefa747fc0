package io.swarmplay.modules;

import io.swarmplay.module.ModuleException;
import io.swarmplay.module.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code copy} of directories and through links as Ansible 2.14 does it: {@code local_follow}
 * (links kept or followed, loops and dangling links kept), {@code remote_src} directories (trailing
 * slash or not, nothing changed the second time, new subdirectories added), a dest ending with /
 * made with {@code directory_mode}, {@code follow} writing through a link, and Ansible's messages.
 */
class CopyTreesOnLocalHostTest {

    @TempDir
    Path dir;

    private Outcome run(Map<String, Object> args) {
        return LocalModules.run("copy", args, dir);
    }

    private static Map<String, Object> args(Object... keyValues) {
        return LocalModules.args(keyValues);
    }

    private Path file(String name, String content) throws Exception {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        return path;
    }

    private Path link(String name, String target) throws Exception {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        return Files.createSymbolicLink(path, Path.of(target));
    }

    private void tree() throws Exception {
        file("files/tree/bar.txt", "baz\n");
        file("files/tree/sub2/deep/qux.txt", "qux\n");
        link("files/tree/sub1/bar.txt", "../bar.txt");
        link("files/tree/sub1/deep", "../sub2/deep");
        link("files/tree/sub1/circle", "../");
        link("files/tree/sub1/dangling", "../nothing");
    }

    @Test
    void localFollowFalseSendsEverySymlinkAsASymlink() throws Exception {
        tree();
        Path out = Files.createDirectories(dir.resolve("out"));
        assertTrue(run(args("src", "tree", "dest", out.toString(), "directory_mode", "0700", "local_follow", false)).isChanged());
        assertEquals(Path.of("../bar.txt"), Files.readSymbolicLink(out.resolve("tree/sub1/bar.txt")));
        assertEquals(Path.of("../sub2/deep"), Files.readSymbolicLink(out.resolve("tree/sub1/deep")));
        assertEquals(Path.of("../nothing"), Files.readSymbolicLink(out.resolve("tree/sub1/dangling")));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("tree/sub2/deep"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("tree"))));
        assertFalse(run(args("src", "tree", "dest", out.toString(), "directory_mode", "0700", "local_follow", false)).isChanged());
    }

    @Test
    void localFollowTrueSendsWhatLinksPointToButKeepsLoopsAndDanglingLinks() throws Exception {
        tree();
        Path out = Files.createDirectories(dir.resolve("out"));
        assertTrue(run(args("src", "tree/", "dest", out.toString(), "local_follow", true)).isChanged());
        assertFalse(Files.isSymbolicLink(out.resolve("sub1/bar.txt")));
        assertEquals("baz\n", Files.readString(out.resolve("sub1/bar.txt")));
        assertFalse(Files.isSymbolicLink(out.resolve("sub1/deep")));
        assertEquals("qux\n", Files.readString(out.resolve("sub1/deep/qux.txt")));
        assertEquals(Path.of("../"), Files.readSymbolicLink(out.resolve("sub1/circle")));
        assertEquals(Path.of("../nothing"), Files.readSymbolicLink(out.resolve("sub1/dangling")));
        assertFalse(run(args("src", "tree/", "dest", out.toString(), "local_follow", true)).isChanged());
    }

    @Test
    void aRemoteDirectoryIsCopiedWithOrWithoutItsNameAndNewSubdirectoriesAreAdded() throws Exception {
        file("src/file1", "hello");
        file("src/sub/file12", "hello 12");
        link("src/link12", dir.resolve("src/sub/file12").toString());
        String src = dir.resolve("src").toString();
        Path named = Files.createDirectories(dir.resolve("named"));
        assertTrue(run(args("src", src, "dest", named.toString(), "remote_src", true, "local_follow", false)).isChanged());
        assertEquals("hello 12", Files.readString(named.resolve("src/sub/file12")));
        assertTrue(Files.isSymbolicLink(named.resolve("src/link12")));
        Path missing = dir.resolve("missing");
        assertTrue(run(args("src", src, "dest", missing.toString(), "remote_src", true)).isChanged());
        assertEquals("hello", Files.readString(missing.resolve("src/file1")));
        String contents = dir.resolve("contents").toString();
        assertTrue(run(args("src", src + "/", "dest", contents + "/", "remote_src", true, "local_follow", true)).isChanged());
        assertFalse(Files.isSymbolicLink(Path.of(contents, "link12")));
        assertEquals("hello", Files.readString(Path.of(contents, "file1")));
        assertFalse(run(args("src", src + "/", "dest", contents + "/", "remote_src", true, "local_follow", true)).isChanged());
        Files.createDirectories(dir.resolve("src/sub/new/deeper"));
        file("src/sub/file12", "changed");
        assertTrue(run(args("src", src + "/", "dest", contents + "/", "remote_src", true)).isChanged());
        assertTrue(Files.isDirectory(Path.of(contents, "sub/new/deeper")));
        assertEquals("changed", Files.readString(Path.of(contents, "sub/file12")));
    }

    @Test
    void remoteSrcWithoutLocalFollowKeepsLinksInCopiedTreesAndSkipsLinksTheWalkMeets() throws Exception {
        file("src/file1", "hello");
        file("src/sub/file12", "hello 12");
        link("src/link12", "sub/file12");
        link("src/sub/circle", "../");
        link("src/sub/dangling", "../nothing");
        String src = dir.resolve("src").toString() + "/";
        String dest = dir.resolve("made").toString() + "/";
        assertTrue(run(args("src", src, "dest", dest, "remote_src", true)).isChanged());
        assertEquals(Path.of("../"), Files.readSymbolicLink(dir.resolve("made/sub/circle")));
        assertEquals(Path.of("../nothing"), Files.readSymbolicLink(dir.resolve("made/sub/dangling")));
        assertEquals("hello", Files.readString(dir.resolve("made/file1")));
        assertFalse(Files.exists(dir.resolve("made/link12"), java.nio.file.LinkOption.NOFOLLOW_LINKS),
                "copy_left_only copies a link only when local_follow is set");
        assertTrue(run(args("src", src, "dest", dest, "remote_src", true)).isChanged(),
                "the skipped link is left over each time, and Ansible counts it as a change");
        Files.delete(dir.resolve("src/link12"));
        assertFalse(run(args("src", src, "dest", dest, "remote_src", true)).isChanged());
    }

    @Test
    void aDestEndingWithASlashIsMadeWithItsParents() throws Exception {
        file("files/foo.txt", "foo.txt\n");
        String dest = dir.resolve("new1/new2/").toString() + "/";
        Outcome copied = run(args("src", "foo.txt", "dest", dest, "directory_mode", "0750"));
        assertTrue(copied.isChanged());
        assertEquals("foo.txt\n", Files.readString(dir.resolve("new1/new2/foo.txt")));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new1"))));
        assertEquals("Destination directory " + dir.resolve("none") + " does not exist", assertThrows(ModuleException.class,
                () -> run(args("src", "foo.txt", "dest", dir.resolve("none/foo.txt").toString()))).getMessage());
    }

    @Test
    void followWritesThroughALinkAndWithoutItTheLinkIsReplaced() throws Exception {
        file("files/foo.txt", "foo.txt\n");
        Path target = file("target", "old\n");
        Path link = link("link", "./target");
        assertTrue(run(args("src", "foo.txt", "dest", link.toString(), "follow", true)).isChanged());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("foo.txt\n", Files.readString(target));
        Outcome again = run(args("src", "foo.txt", "dest", link.toString(), "follow", true));
        assertFalse(again.isChanged());
        assertTrue(again.data().get("uid") instanceof Integer, "an unchanged copy registers uid and gid too");
    }

    @Test
    void remoteSourcesThatAreMissingOrNotFilesAreAnsiblesErrors() {
        String dest = dir.resolve("x").toString();
        assertEquals("Cannot copy invalid source '/dev/null': not a file", assertThrows(ModuleException.class,
                () -> run(args("src", "/dev/null", "dest", dest, "remote_src", true))).getMessage());
        assertEquals("Source /nonexistent/x not found", assertThrows(ModuleException.class,
                () -> run(args("src", "/nonexistent/x", "dest", dest, "remote_src", true))).getMessage());
    }

    @Test
    void anEncryptedSourceWithoutAVaultPasswordIsAnsiblesMessage() throws Exception {
        Path vaulted = file("files/secret", "$ANSIBLE_VAULT;1.1;AES256\n3030\n");
        assertEquals("A vault password or secret must be specified to decrypt " + vaulted, assertThrows(ModuleException.class,
                () -> run(args("src", vaulted.toString(), "dest", dir.resolve("out").toString()))).getMessage());
    }
}
