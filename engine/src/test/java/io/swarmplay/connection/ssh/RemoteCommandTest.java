package io.swarmplay.connection.ssh;

import io.swarmplay.connection.Become;
import io.swarmplay.connection.Command;
import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.FileStat;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemoteCommandTest {

    @Test
    void argvIsQuotedTaggedAndExeced() {
        assertEquals("exec env SWARMPLAY_CMD=t1 echo 'a b' ''\"'\"'' '$(x)'",
                RemoteCommand.line(Command.of("echo", "a b", "'", "$(x)"), null, "t1"));
    }

    @Test
    void shellScriptsGoThroughBinSh() {
        assertEquals("exec env SWARMPLAY_CMD=t1 /bin/sh -c 'echo $HOME'",
                RemoteCommand.line(Command.shell("echo $HOME"), null, "t1"));
    }

    @Test
    void environmentAndDirectoryArePrefixedSortedAndQuoted() {
        Command c = Command.of("make").withEnv(Map.of("B", "x y", "A", "1")).inDirectory("/srv/my app");
        assertEquals("cd '/srv/my app' && exec env SWARMPLAY_CMD=t1 A=1 'B=x y' make", RemoteCommand.line(c, null, "t1"));
    }

    @Test
    void becomeWrapsTheWholeLineInSudoAndTagsInsideIt() {
        Command c = Command.of("id").inDirectory("/root");
        assertEquals("exec sudo -H -S -n -u root -- /bin/sh -c 'cd /root && exec env SWARMPLAY_CMD=t1 id'",
                RemoteCommand.line(c, Become.sudo("root"), "t1"));
    }

    @Test
    void everyLineGetsItsOwnTagAndKeepsTheCommandForMessages() {
        RemoteCommand.Tagged one = RemoteCommand.line(Command.of("true"), null);
        RemoteCommand.Tagged two = RemoteCommand.line(Command.of("true"), null);
        assertTrue(one.tag().matches("[0-9a-f]{16}"), one.tag());
        assertTrue(!one.tag().equals(two.tag()));
        assertEquals("exec env SWARMPLAY_CMD=" + one.tag() + " true", one.text());
        assertEquals("true", one.shown());
    }

    @Test
    void theKillLineFindsTaggedProcessesAsTheSameUser() {
        String plain = RemoteCommand.killLine("t1", null);
        assertTrue(plain.startsWith("exec /bin/sh -c 't=SWARMPLAY_CMD=t1; "), plain);
        assertTrue(plain.contains("/proc/[0-9]*/environ"), plain);
        assertTrue(RemoteCommand.killLine("t1", Become.sudo("root")).startsWith("exec sudo -H -S -n -u root -- /bin/sh -c "));
    }

    @Test
    void anInvalidEnvironmentNameIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> RemoteCommand.line(Command.of("true").withEnv(Map.of("A B", "x")), null, "t1"));
    }

    @Test
    void sudoPasswordPromptsAreRecognised() {
        assertTrue(RemoteCommand.sudoNeedsPassword(1, "sudo: a password is required\n"));
        assertTrue(!RemoteCommand.sudoNeedsPassword(2, "sudo: a password is required\n"));
    }

    @Test
    void statOutputIsParsed() {
        assertEquals(new FileStat(FileStat.Type.LINK, 0777, 4, "root", "wheel", "dest file"),
                SshFiles.parseStat("/l", "symbolic link|777|4|root|wheel\ndest file\n"));
        assertEquals(new FileStat(FileStat.Type.FILE, 04755, 0, "a", "b", null),
                SshFiles.parseStat("/f", "regular empty file|4755|0|a|b\n"));
    }

    @Test
    void tempFilesSitBesideTheTargetNamedAfterTheWritingProcess() {
        String temp = TempFiles.name("/etc/app/app.conf", 4242);
        assertTrue(temp.matches("/etc/app/\\.app\\.conf\\.swarmplay-4242-[0-9a-f]{8}\\.tmp"), temp);
        assertTrue(TempFiles.NAME.matcher(temp.substring("/etc/app/".length())).matches());
        assertTrue(TempFiles.name("rel.txt", 7).startsWith(".rel.txt.swarmplay-7-"));
        String shell = TempFiles.shellName("/srv/my app/x");
        assertTrue(shell.matches("'/srv/my app/\\.x\\.swarmplay-'\\$\\$-[0-9a-f]{8}\\.tmp"), shell);
    }

    @Test
    void theCleanupLooksOnlyBesideTheTargetAndQuotesIt() {
        String script = TempFiles.cleanupScript("/srv/my app/a*.conf");
        assertTrue(script.contains("for f in '/srv/my app/.a*.conf.swarmplay-'*.tmp;"), script);
        assertTrue(script.contains("[ -d /proc/$p ] || rm -f -- \"$f\""), script);
        assertTrue(TempFiles.cleanupScript("rel.txt").contains("for f in ./.rel.txt.swarmplay-*.tmp;"));
        assertTrue(TempFiles.cleanupScript("/top").contains("for f in /.top.swarmplay-*.tmp;"));
    }

    @Test
    void ownerSpecsCoverOwnerGroupAndBoth() {
        assertEquals("a:b", SshFiles.ownerSpec(new FileAttrs(null, "a", "b")));
        assertEquals(":b", SshFiles.ownerSpec(new FileAttrs(null, null, "b")));
        assertEquals("a", SshFiles.ownerSpec(new FileAttrs(null, "a", null)));
        assertEquals(null, SshFiles.ownerSpec(FileAttrs.DEFAULT));
    }
}
