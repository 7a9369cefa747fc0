package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs and the host run lock: a change needs it, a preview never does. */
class HostLockRunTest {

    private static final String PLAYBOOK = """
            - hosts: web
              gather_facts: false
              tasks:
                - name: look
                  stat: {path: "{{ root }}"}
                - name: change
                  lineinfile: {path: "{{ root }}/f.txt", line: "one", create: true}
            """;

    @TempDir
    Path dir;

    private RunFixture fixture() {
        return new RunFixture(dir).playbook(PLAYBOOK).file("inventory.yaml", """
                all:
                  children:
                    web:
                      hosts:
                        h1: {ansible_connection: local, root: %s, swarmplay_lock_dir: %s}
                """.formatted(dir, dir.resolve("locks")));
    }

    private Path link() {
        return dir.resolve("locks/run.lock");
    }

    private void otherRunHoldsTheHost() throws IOException {
        Files.createDirectories(link().getParent());
        Files.createSymbolicLink(link(), Path.of("swarmplay:4242:build-7:" + Instant.now().getEpochSecond() + ":other"));
    }

    @Test
    void aHostAnotherRunIsChangingFailsAtItsFirstChangeAndIsLeftAlone() throws IOException {
        otherRunHoldsTheHost();
        RunFixture.Run run = fixture().run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("look"), "reading needs no lock");
        assertEquals(Map.of("h1", Status.FAILED), run.events().statuses("change"));
        assertTrue(run.output().contains("fatal: [h1]: FAILED! => {\"changed\": false, \"msg\": \"h1 is being changed by another swarmplay run "
                + "(pid 4242 on build-7, since "), run.output());
        assertFalse(Files.exists(dir.resolve("f.txt")));
        assertTrue(Files.readSymbolicLink(link()).toString().endsWith(":other"), "the other run's lock stays");
    }

    @Test
    void plansAndChecksNeitherTakeNorNeedTheLock() throws IOException {
        otherRunHoldsTheHost();
        for (Mode mode : new Mode[] {Mode.PLAN, Mode.CHECK}) {
            RunFixture.Run run = fixture().run(mode);
            assertEquals(Map.of("h1", Status.WOULD_CHANGE), run.events().statuses("change"), mode + "\n" + run.output());
        }
        Files.delete(link());
        fixture().run(Mode.CHECK);
        assertFalse(Files.exists(link(), LinkOption.NOFOLLOW_LINKS), "a check took the lock");
    }

    @Test
    void aRunHoldsTheLockWhileItChangesAndReleasesItAtTheEnd() {
        RunFixture.Run run = fixture().playbook(PLAYBOOK + """
                    - name: the lock is there while the run goes on
                      command: test -L {{ root }}/locks/run.lock
                """).run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.CHANGED), run.events().statuses("the lock is there while the run goes on"),
                run.output());
        assertFalse(Files.exists(link(), LinkOption.NOFOLLOW_LINKS), "released");
    }
}
