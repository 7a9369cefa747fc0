package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code meta:} actions as ansible-playbook 2.14 shows them: its META lines at -vv and its skip reasons. */
class MetaActionsTest {

    @TempDir
    Path dir;

    @Test
    void endHostSaysWhichHostsItEndsAndWhyTheOthersGoOn() {
        RunFixture fixture = new RunFixture(dir).hosts("h1", "h2").playbook("""
                - name: "ending with {{ how }}"
                  hosts: web
                  gather_facts: false
                  vars: {how: end_host}
                  tasks:
                    - meta: end_host
                      when: inventory_hostname == 'h2'
                    - {name: after, debug: {msg: "play not ended for {{ inventory_hostname }}"}}
                """);
        fixture.verbosity = 2;
        RunFixture.Run run = fixture.run(Mode.APPLY);
        assertTrue(run.output().contains("PLAY [ending with end_host]"), run.output());
        assertTrue(run.output().contains("META: end_host conditional evaluated to False, continuing execution for h1\n"), run.output());
        assertTrue(run.output().contains("\"skip_reason\": \"end_host conditional evaluated to False, continuing execution for h1\""),
                run.output());
        assertTrue(run.output().contains("META: ending play for h2\n"), run.output());
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("after"), run.output());
    }

    @Test
    void endPlayAndEndBatchSayWhatTheyEndOnlyFromTwoVs() {
        String playbook = """
                - hosts: web
                  gather_facts: false
                  serial: 1
                  tasks:
                    - meta: end_batch
                - hosts: web
                  gather_facts: false
                  tasks:
                    - meta: end_play
                """;
        RunFixture quiet = new RunFixture(dir).hosts("h1", "h2").playbook(playbook);
        assertFalse(quiet.run(Mode.APPLY).output().contains("META:"));
        RunFixture loud = new RunFixture(dir).hosts("h1", "h2").playbook(playbook);
        loud.verbosity = 2;
        String output = loud.run(Mode.APPLY).output();
        assertEquals(2, output.split("META: ending batch\n", -1).length - 1, output);
        assertEquals(1, output.split("META: ending play\n", -1).length - 1, output);
    }

    @Test
    void aPlayNameThatCannotBeRenderedIsShownAsWritten() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - name: "x {{ nope }} y"
                  hosts: web
                  gather_facts: false
                  tasks:
                    - debug: {msg: hi}
                """).run(Mode.APPLY);
        assertTrue(run.output().contains("PLAY [x {{ nope }} y]"), run.output());
    }

    @Test
    void errorsClearedByClearHostErrorsStillShowInTheRecapButTheRunSucceeds() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1", "h2").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - block:
                        - {name: fails, fail: {msg: expected}, when: inventory_hostname == 'h1'}
                      always:
                        - block:
                            - meta: clear_host_errors
                    - {name: after, debug: {msg: go on}}
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(1, run.result().recap().host("h1").failed, run.output());
        assertEquals(java.util.Map.of("h1", io.swarmplay.module.Status.OK, "h2", io.swarmplay.module.Status.OK),
                run.events().statuses("after"), run.output());
    }
}
